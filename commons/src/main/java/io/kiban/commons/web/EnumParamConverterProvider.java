package io.kiban.commons.web;

import io.kiban.commons.problem.InvalidEnumParameterException;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestMatrix;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Enum-typed query, form, header and cookie parameters (also inside a {@code List}/{@code
 * Set}/{@code Optional}): a value that is none of the constants answers 400 {@code
 * application/problem+json} naming the parameter and the allowed values ({@link
 * InvalidEnumParameterException}), where JAX-RS would answer 404 for a query parameter. Values are
 * matched exactly (the constant's name), or through the enum's own static {@code
 * fromString(String)} when it declares one (as JAX-RS prescribes). A path parameter keeps the
 * JAX-RS behaviour: an unknown value in the path is a resource that does not exist (404).
 */
@Provider
public class EnumParamConverterProvider implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(
            Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == null || !rawType.isEnum()) {
            return null;
        }
        String name = null;
        if (annotations != null) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof PathParam || annotation instanceof RestPath) {
                    return null;
                }
                String n = name(annotation);
                if (n != null && !n.isBlank()) {
                    name = n;
                }
            }
        }
        return (ParamConverter<T>) new EnumConverter(rawType, name);
    }

    private static String name(Annotation annotation) {
        if (annotation instanceof QueryParam a) {
            return a.value();
        }
        if (annotation instanceof RestQuery a) {
            return a.value();
        }
        if (annotation instanceof FormParam a) {
            return a.value();
        }
        if (annotation instanceof RestForm a) {
            return a.value();
        }
        if (annotation instanceof HeaderParam a) {
            return a.value();
        }
        if (annotation instanceof RestHeader a) {
            return a.value();
        }
        if (annotation instanceof CookieParam a) {
            return a.value();
        }
        if (annotation instanceof RestCookie a) {
            return a.value();
        }
        if (annotation instanceof MatrixParam a) {
            return a.value();
        }
        if (annotation instanceof RestMatrix a) {
            return a.value();
        }
        return null;
    }

    static final class EnumConverter<E extends Enum<E>> implements ParamConverter<E> {
        private final Class<E> type;
        private final String parameter;
        private final Method fromString;

        EnumConverter(Class<E> type, String parameter) {
            this.type = type;
            this.parameter = parameter;
            this.fromString = fromString(type);
        }

        @Override
        public E fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                if (fromString != null) {
                    Object converted = fromString.invoke(null, value);
                    if (converted != null) {
                        return type.cast(converted);
                    }
                } else {
                    return Enum.valueOf(type, value);
                }
            } catch (IllegalArgumentException
                    | IllegalAccessException
                    | InvocationTargetException e) {
                // none of the constants: below
            }
            throw new InvalidEnumParameterException(parameter, value, type);
        }

        @Override
        public String toString(E value) {
            return value == null ? null : value.name();
        }

        private static Method fromString(Class<?> type) {
            try {
                Method m = type.getDeclaredMethod("fromString", String.class);
                return Modifier.isStatic(m.getModifiers())
                                && type.isAssignableFrom(m.getReturnType())
                                && Modifier.isPublic(m.getModifiers())
                        ? m
                        : null;
            } catch (NoSuchMethodException e) {
                return null;
            }
        }
    }
}
