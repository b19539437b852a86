package io.kiban.maintenance.support;

import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * For endpoints that stream a body whose type is only known at run time (evidence files: PDF, JPEG
 * or PNG). The method declares {@code application/octet-stream} so the streaming writer is chosen
 * at build time, and names the real type in the {@value #HEADER} response header; this interceptor
 * moves it into {@code Content-Type} after the writer was chosen and before anything is written.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ServedAs {

    String HEADER = "X-Kiban-Served-As";

    @Provider
    @ServedAs
    class Interceptor implements WriterInterceptor {
        @Override
        public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
            Object type = context.getHeaders().getFirst(HEADER);
            if (type != null) {
                context.getHeaders().remove(HEADER);
                MediaType media = MediaType.valueOf(type.toString());
                context.setMediaType(media);
                context.getHeaders().putSingle("Content-Type", media.toString());
            }
            context.proceed();
        }
    }
}
