package io.kiban.lifecycle.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A real SMTP server (GreenMail) in the test JVM that lifecycle-service sends to ({@code
 * quarkus.mailer.host/port}); tests read what each address received over GreenMail's IMAP (each
 * recipient's account is created on delivery, login and password its address), so no object crosses
 * class loaders. {@link #raw(String)} gives the raw MIME.
 */
public class Mailbox implements QuarkusTestResourceLifecycleManager {

    private GreenMail greenMail;

    @Override
    public Map<String, String> start() {
        greenMail =
                new GreenMail(
                        new ServerSetup[] {
                            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
                        });
        greenMail.start();
        return Map.of(
                "quarkus.mailer.host",
                "127.0.0.1",
                "quarkus.mailer.port",
                String.valueOf(greenMail.getSmtp().getPort()),
                "kiban.test.imap.port",
                String.valueOf(greenMail.getImap().getPort()));
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    /**
     * A received message: its raw MIME text, and as jakarta.mail decodes it: subject, To addresses,
     * text body.
     */
    public record Received(String raw, String subject, List<String> to, String text) {}

    /** Every message the address received, oldest first (empty when it never received one). */
    public static List<Received> received(String address) {
        return withInbox(
                address,
                false,
                inbox -> {
                    List<Received> list = new ArrayList<>();
                    for (Message m : inbox.getMessages()) {
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        m.writeTo(out);
                        List<String> to = new ArrayList<>();
                        for (jakarta.mail.Address a : m.getRecipients(Message.RecipientType.TO)) {
                            to.add(((jakarta.mail.internet.InternetAddress) a).getAddress());
                        }
                        list.add(
                                new Received(
                                        out.toString(StandardCharsets.ISO_8859_1),
                                        m.getSubject(),
                                        to,
                                        String.valueOf(m.getContent()).replace("\r\n", "\n")));
                    }
                    return list;
                });
    }

    /** Deletes what the addresses received so far. */
    public static void clear(String... addresses) {
        for (String a : addresses) {
            withInbox(
                    a,
                    true,
                    inbox -> {
                        for (Message m : inbox.getMessages()) {
                            m.setFlag(Flags.Flag.DELETED, true);
                        }
                        return null;
                    });
        }
    }

    interface InboxCall<T> {
        T apply(Folder inbox) throws Exception;
    }

    private static <T> T withInbox(String address, boolean write, InboxCall<T> call) {
        int port = ConfigProvider.getConfig().getValue("kiban.test.imap.port", Integer.class);
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", String.valueOf(port));
        Session session = Session.getInstance(props);
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", port, address, address);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(write ? Folder.READ_WRITE : Folder.READ_ONLY);
            try {
                return call.apply(inbox);
            } finally {
                inbox.close(write);
            }
        } catch (jakarta.mail.AuthenticationFailedException e) {
            // no account yet: the address never received a mail
            @SuppressWarnings("unchecked")
            T empty = write ? null : (T) new ArrayList<Received>();
            return empty;
        } catch (Exception e) {
            throw new IllegalStateException("IMAP " + address + ": " + e.getMessage(), e);
        }
    }
}
