package io.kiban.commons.client;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

@RetryOnceOnUnauthorized
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class RetryOnceOnUnauthorizedInterceptor {

    private static final Logger LOG = Logger.getLogger(RetryOnceOnUnauthorizedInterceptor.class);

    @AroundInvoke
    Object retryOnce(InvocationContext ctx) throws Exception {
        Object result;
        try {
            result = ctx.proceed();
        } catch (RuntimeException e) {
            if (!unauthorized(e)) {
                throw e;
            }
            LOG.debugf(
                    "%s answered 401: retrying once with a fresh service token",
                    ctx.getMethod().getName());
            return ctx.proceed();
        }
        if (status(result) == 401) {
            close(result);
            LOG.debugf(
                    "%s answered 401: retrying once with a fresh service token",
                    ctx.getMethod().getName());
            return ctx.proceed();
        }
        return result;
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
