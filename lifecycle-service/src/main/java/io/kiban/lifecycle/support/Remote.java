package io.kiban.lifecycle.support;

import jakarta.ws.rs.WebApplicationException;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** A call to another service whose failure is reported, never swallowed. */
public final class Remote {

    private static final Logger LOG = Logger.getLogger(Remote.class);

    private Remote() {}

    /** Another service did not answer usefully: unreachable, timed out, or answered an error. */
    public static class Unavailable extends RuntimeException {
        private final String service;
        private final int status;

        Unavailable(String service, int status, String message) {
            super(message, null, false, false);
            this.service = service;
            this.status = status;
        }

        public String service() {
            return service;
        }

        /** The HTTP status the service answered, or 0 when it did not answer. */
        public int status() {
            return status;
        }
    }

    public static <T> T call(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            LOG.warnf("%s answered %d", service, status);
            throw new Unavailable(service, status, service + " answered HTTP " + status);
        } catch (RuntimeException e) {
            LOG.warnf("%s is unavailable: %s", service, e.getMessage());
            throw new Unavailable(
                    service, 0, service + " is unavailable (" + e.getClass().getSimpleName() + ")");
        }
    }
}
