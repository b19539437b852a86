package io.kiban.commons.client;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

/** The retries and the circuit breaker of a {@link ServiceCall}; see there. */
@ServiceCall
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class ServiceCallInterceptor {

    private static final Logger LOG = Logger.getLogger(ServiceCallInterceptor.class);

    private final ServiceCallConfig config;
    private final Breakers breakers;

    public ServiceCallInterceptor(ServiceCallConfig config, Breakers breakers) {
        this.config = config;
        this.breakers = breakers;
    }

    /**
     * The client interface a method was declared on (the intercepted method may be the generated
     * implementation's) and whether it is a {@code GET}.
     */
    record Target(Class<?> client, boolean get) {

        static Target of(Method method) {
            for (Class<?> type : method.getDeclaringClass().getInterfaces()) {
                try {
                    Method declared = type.getMethod(method.getName(), method.getParameterTypes());
                    return new Target(type, declared.isAnnotationPresent(GET.class));
                } catch (NoSuchMethodException notThisOne) {
                    // another interface declares it
                }
            }
            return new Target(method.getDeclaringClass(), method.isAnnotationPresent(GET.class));
        }
    }

    /** One breaker per client interface, for the whole application. */
    @jakarta.enterprise.context.ApplicationScoped
    public static class Breakers {
        private final Map<Class<?>, Breaker> byClient = new ConcurrentHashMap<>();
        private final Map<Method, Target> targets = new ConcurrentHashMap<>();

        Target target(Method method) {
            return targets.computeIfAbsent(method, Target::of);
        }

        Breaker of(Class<?> client) {
            return byClient.computeIfAbsent(client, c -> new Breaker());
        }

        /** Closes every breaker (tests). */
        public void reset() {
            byClient.clear();
        }
    }

    @AroundInvoke
    Object call(InvocationContext ctx) throws Exception {
        Target target = breakers.target(ctx.getMethod());
        Class<?> client = target.client();
        Breaker breaker = breakers.of(client);
        breaker.admit(client.getSimpleName());
        boolean safe = target.get();
        Object result;
        try {
            result = withRetries(ctx, safe);
        } catch (RuntimeException e) {
            if (failure(e)) {
                breaker.failed(client.getSimpleName(), config);
            } else {
                breaker.succeeded();
            }
            throw e;
        }
        if (status(result) >= 500) {
            breaker.failed(client.getSimpleName(), config);
        } else {
            breaker.succeeded();
        }
        return result;
    }

    /**
     * The call, once more after a 401 (a fresh token) and, for a GET, after a transient failure.
     */
    private Object withRetries(InvocationContext ctx, boolean safe) throws Exception {
        boolean retriedUnauthorized = false;
        boolean retriedTransient = false;
        while (true) {
            Object result;
            try {
                result = ctx.proceed();
            } catch (RuntimeException e) {
                if (!retriedUnauthorized && unauthorized(e)) {
                    retriedUnauthorized = true;
                    LOG.debugf(
                            "%s answered 401: retrying once with a fresh service token",
                            ctx.getMethod().getName());
                    continue;
                }
                if (safe && !retriedTransient && transientFailure(e)) {
                    retriedTransient = true;
                    pause(ctx, e.getMessage());
                    continue;
                }
                throw e;
            }
            int status = status(result);
            if (status == 401 && !retriedUnauthorized) {
                retriedUnauthorized = true;
                close(result);
                LOG.debugf(
                        "%s answered 401: retrying once with a fresh service token",
                        ctx.getMethod().getName());
                continue;
            }
            if (safe && !retriedTransient && transientStatus(status)) {
                retriedTransient = true;
                close(result);
                pause(ctx, "HTTP " + status);
                continue;
            }
            return result;
        }
    }

    private void pause(InvocationContext ctx, String why) throws InterruptedException {
        LOG.debugf("%s failed (%s): retrying once", ctx.getMethod().getName(), why);
        Thread.sleep(config.retryDelay().toMillis());
    }

    /**
     * The state of one client's breaker: failures in a row, and until when it is open (nanoTime).
     */
    static final class Breaker {
        private int failuresInARow;
        private long openUntil;
        private boolean open;
        private boolean trialRunning;

        synchronized void admit(String client) {
            if (!open) {
                return;
            }
            long now = System.nanoTime();
            if (now - openUntil < 0 || trialRunning) {
                throw new CircuitOpenException(
                        client, trialRunning ? 1000 : (openUntil - now) / 1_000_000);
            }
            trialRunning = true;
        }

        synchronized void succeeded() {
            failuresInARow = 0;
            open = false;
            trialRunning = false;
        }

        synchronized void failed(String client, ServiceCallConfig config) {
            failuresInARow++;
            if (trialRunning || failuresInARow >= config.breaker().failures()) {
                if (!open || trialRunning) {
                    LOG.warnf(
                            "%s: %d call(s) in a row failed: not called for %s (circuit breaker"
                                    + " open)",
                            client, failuresInARow, config.breaker().openFor());
                }
                open = true;
                trialRunning = false;
                openUntil = System.nanoTime() + config.breaker().openFor().toNanos();
            }
        }
    }

    /** No connection, a timeout, a broken answer or a 5xx: what the breaker counts. */
    static boolean failure(Throwable e) {
        if (e instanceof CircuitOpenException) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof WebApplicationException w && w.getResponse() != null) {
                return w.getResponse().getStatus() >= 500;
            }
            if (t instanceof ProcessingException) {
                return true;
            }
        }
        return false;
    }

    /** Nothing was sent (no connection), or the answer was 502/503/504: safe to ask again. */
    static boolean transientFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
            if (t instanceof WebApplicationException w && w.getResponse() != null) {
                return transientStatus(w.getResponse().getStatus());
            }
        }
        return false;
    }

    private static boolean transientStatus(int status) {
        return status == 502 || status == 503 || status == 504;
    }

    /** A 401 anywhere in the cause chain (REST clients may wrap the WebApplicationException). */
    static boolean unauthorized(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof WebApplicationException w
                    && w.getResponse() != null
                    && w.getResponse().getStatus() == 401) {
                return true;
            }
        }
        return false;
    }

    private static int status(Object result) {
        if (result instanceof Response r) {
            return r.getStatus();
        }
        if (result instanceof RestResponse<?> r) {
            return r.getStatus();
        }
        return -1;
    }

    private static void close(Object result) {
        try {
            if (result instanceof Response r) {
                r.close();
            } else if (result instanceof RestResponse<?> r) {
                r.close();
            }
        } catch (RuntimeException ignored) {
            // the body of a refused call is not needed
        }
    }
}
