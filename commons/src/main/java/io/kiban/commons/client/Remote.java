package io.kiban.commons.client;

import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import jakarta.ws.rs.WebApplicationException;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * A call to another Kiban service through its {@link ServiceCall} REST client, whose failure is
 * reported, never swallowed (#19: the one translation of a remote failure, instead of a wrapper per
 * service). A {@link ProblemException} raised by the caller's own code passes through unchanged.
 */
public final class Remote {

    private static final Logger LOG = Logger.getLogger(Remote.class);

    private Remote() {}

    /**
     * The other service did not answer usefully: it could not be reached, timed out, its breaker is
     * open ({@link CircuitOpenException}), or it answered an error. {@link #status()} is the HTTP
     * status it answered, 0 when it did not answer; {@link #detail()} the detail of its
     * problem+json, when it sent one.
     */
    public static final class Failure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final String service;
        private final String what;
        private final int status;
        private final String detail;

        Failure(String service, String what, int status, String detail) {
            super(
                    service
                            + (status == 0 ? " is unreachable" : " answered HTTP " + status)
                            + " ("
                            + what
                            + ")"
                            + (detail.isEmpty() ? "" : ": " + detail),
                    null,
                    false,
                    false);
            this.service = service;
            this.what = what;
            this.status = status;
            this.detail = detail;
        }

        public String service() {
            return service;
        }

        public String what() {
            return what;
        }

        /** The HTTP status the service answered, or 0 when it did not answer. */
        public int status() {
            return status;
        }

        /** The detail of the other service's problem+json, or empty. */
        public String detail() {
            return detail;
        }

        public boolean notFound() {
            return status == 404;
        }

        /** It answered that the request breaks one of its rules or conflicts (400, 409, 422). */
        public boolean refused() {
            return status == 400 || status == 409 || status == 422;
        }

        /** 503 naming the service; nothing was recorded, retry later. */
        public ProblemException unavailable() {
            return ProblemException.of(
                    ProblemType.DEPENDENCY_UNAVAILABLE,
                    service
                            + (status == 0 ? " is unreachable" : " answered " + status)
                            + " ("
                            + what
                            + "); nothing was recorded, retry later");
        }

        /**
         * A refusal as the caller's own 422 carrying the other service's detail; anything else as
         * {@link #unavailable()}.
         */
        public ProblemException toProblem() {
            if (refused()) {
                return ProblemException.of(
                        ProblemType.RULE_VIOLATION,
                        service
                                + " refused "
                                + what
                                + " ("
                                + status
                                + ")"
                                + (detail.isEmpty() ? "" : ": " + detail));
            }
            return unavailable();
        }
    }

    /**
     * Runs {@code call}; a failure of the remote call becomes a {@link Failure} naming {@code
     * service} and {@code what} was asked.
     */
    public static <T> T call(String service, String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (ProblemException e) {
            throw e;
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            String detail = detail(e);
            LOG.warnf(
                    "%s answered %s with %d%s",
                    service, what, status, detail.isEmpty() ? "" : ": " + detail);
            throw new Failure(service, what, status, detail);
        } catch (RuntimeException e) {
            LOG.warnf("%s unreachable for %s: %s", service, what, e.toString());
            throw new Failure(service, what, 0, "");
        }
    }

    /**
     * {@link #call}, any failure answered as 503 naming the service ({@link Failure#unavailable}).
     */
    public static <T> T orUnavailable(String service, String what, Supplier<T> call) {
        try {
            return call(service, what, call);
        } catch (Failure f) {
            throw f.unavailable();
        }
    }

    /**
     * The detail member of the other service's problem+json (Kiban services all speak it), else its
     * text; at most 300 characters.
     */
    private static String detail(WebApplicationException e) {
        try {
            if (e.getResponse() == null || !e.getResponse().hasEntity()) {
                return "";
            }
            String text = e.getResponse().readEntity(String.class);
            if (text == null || text.isBlank()) {
                return "";
            }
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("\"detail\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
                            .matcher(text);
            String detail = m.find() ? m.group(1).replace("\\\"", "\"") : text.strip();
            return detail.length() > 300 ? detail.substring(0, 300) : detail;
        } catch (RuntimeException unreadable) {
            return "";
        }
    }
}
