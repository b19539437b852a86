package io.kiban.lifecycle.archive;

import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import io.kiban.lifecycle.support.LifecycleConfig;
import io.quarkus.oidc.client.OidcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * R-RM-4: the other services' exports for the archive, fetched with the service token
 * (client-credentials) and streamed into zip entries. Anything but 200, a service that cannot be
 * reached or breaks off its answer fails the whole archive (503 naming the service): an archive is
 * complete or not made.
 */
@ApplicationScoped
class ServiceExports {

    private static final Logger LOG = Logger.getLogger(ServiceExports.class);

    private final OidcClient oidc;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    ServiceExports(OidcClient oidc) {
        this.oidc = oidc;
    }

    /** The fetches of one archive run, sharing one service token. */
    Session session() {
        return new Session();
    }

    /**
     * The fetches of one archive run. The service token is fetched when first needed and fetched
     * anew after a 401 (#15 item 12).
     */
    final class Session {
        private String token;

        private Session() {}

        /**
         * Streams one answer of another service into a zip entry (and, when {@code copy} is given,
         * into that file too, to be read afterwards); anything but 200 fails the archive.
         */
        ArchiveZip.ManifestEntry fetch(
                ArchiveZip zip,
                String service,
                LifecycleConfig.Clients.Client client,
                String path,
                String accept,
                String entryPath,
                Path copy)
                throws IOException {
            URI uri = URI.create(client.url().replaceAll("/+$", "") + path);
            HttpResponse<InputStream> response = send(service, client, token(), uri, accept, path);
            if (response.statusCode() == 401) {
                // #15 item 12: the token lapsed or was refused: once more with a fresh
                // client-credentials token
                response.body().close();
                LOG.debugf(
                        "%s answered 401 on GET %s: retrying once with a fresh service token",
                        service, path);
                token = null;
                response = send(service, client, token(), uri, accept, path);
            }
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw unavailable(service, "answered HTTP " + response.statusCode(), path);
                }
                OutputStream copied =
                        copy == null
                                ? OutputStream.nullOutputStream()
                                : Files.newOutputStream(copy);
                try (copied) {
                    return zip.entry(
                            entryPath,
                            service,
                            out -> {
                                byte[] buffer = new byte[64 * 1024];
                                for (int n; (n = read(body, buffer, service, path)) >= 0; ) {
                                    out.write(buffer, 0, n);
                                    copied.write(buffer, 0, n);
                                }
                            });
                }
            }
        }

        private String token() {
            if (token == null) {
                token = newToken();
            }
            return token;
        }
    }

    private String newToken() {
        try {
            return oidc.getTokens().await().atMost(Duration.ofSeconds(10)).getAccessToken();
        } catch (RuntimeException e) {
            throw ProblemException.of(
                    ProblemType.DEPENDENCY_UNAVAILABLE,
                    "no service token could be obtained for the exports; no archive was made");
        }
    }

    private HttpResponse<InputStream> send(
            String service,
            LifecycleConfig.Clients.Client client,
            String token,
            URI uri,
            String accept,
            String path) {
        try {
            return http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(client.exportTimeout())
                            .header("Authorization", "Bearer " + token)
                            .header("Accept", accept + ", application/problem+json")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw unavailable(service, "unreachable", path);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(service, "interrupted", path);
        }
    }

    /**
     * A read of another service's answer; a connection that breaks off fails the archive as that
     * service's fault.
     */
    private static int read(InputStream body, byte[] buffer, String service, String path) {
        try {
            return body.read(buffer);
        } catch (IOException e) {
            throw unavailable(
                    service, "broke off its answer (" + e.getClass().getSimpleName() + ")", path);
        }
    }

    /** 503 naming the service: the archive is not made. */
    private static ProblemException unavailable(String service, String why, String path) {
        return ProblemException.of(
                ProblemType.DEPENDENCY_UNAVAILABLE,
                service
                        + " "
                        + why
                        + " on GET "
                        + path
                        + "; no archive was made (it must be complete)");
    }
}
