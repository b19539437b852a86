package io.kiban.commons.client;

import jakarta.annotation.Priority;
import jakarta.interceptor.Interceptor;

/** {@link ServiceCallInterceptor} under the former name of {@link ServiceCall}; to be removed. */
@SuppressWarnings("removal")
@RetryOnceOnUnauthorized
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class RetryOnceOnUnauthorizedInterceptor extends ServiceCallInterceptor {

    public RetryOnceOnUnauthorizedInterceptor(ServiceCallConfig config, Breakers breakers) {
        super(config, breakers);
    }
}
