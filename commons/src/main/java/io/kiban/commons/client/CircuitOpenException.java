package io.kiban.commons.client;

import jakarta.ws.rs.ProcessingException;

/**
 * A call not made: the circuit breaker of its client is open after calls in a row failed (see
 * {@link ServiceCall}). A {@link ProcessingException}, as a call that cannot connect, so that the
 * caller answers it the same way (503, the service named).
 */
public class CircuitOpenException extends ProcessingException {

    private static final long serialVersionUID = 1L;

    public CircuitOpenException(String client, long retryInMillis) {
        super(
                client
                        + " is not called for "
                        + Math.max(1, (retryInMillis + 999) / 1000)
                        + " s: its last calls failed in a row (circuit breaker open)");
    }
}
