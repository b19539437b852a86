package io.kiban.commons.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves the suite as {@code application/problem+json}. Bad input is a 4xx naming the
 * field; an unexpected failure is a 500 without a stack trace (logged here, with the request path).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    public static Response response(Problem problem) {
        return response(problem, null);
    }

    /**
     * The problem in the language the request prefers ({@link ProblemLanguage}): with {@code
     * Accept-Language} preferring Japanese, the title and detail come from the Japanese bundles
     * ({@link ProblemMessages}; the detail from {@code message} when given); every other member is
     * unchanged. The answer carries {@code Content-Language} and {@code Vary: Accept-Language}.
     */
    public static Response response(Problem problem, ProblemMessage message) {
        java.util.Locale language = ProblemLanguage.ofCurrentRequest();
        Problem localized = ProblemMessages.localize(problem, message, language);
        Response.ResponseBuilder builder =
                Response.status(localized.status())
                        .type(Problem.MEDIA_TYPE)
                        .entity(localized)
                        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                        .header(HttpHeaders.CONTENT_LANGUAGE, language.getLanguage());
        if (problem.status() == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (problem.status() == 503) {
            builder.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return builder.build();
    }

    public static Response response(ProblemType type, String detail, String instance) {
        return response(type, detail, instance, null);
    }

    /**
     * A problem of a type with an English detail and the key (and values) of its Japanese detail.
     */
    public static Response response(
            ProblemType type, String detail, String instance, ProblemMessage message) {
        return response(
                new Problem(
                        type.uri(),
                        type.title(),
                        type.status(),
                        detail,
                        instance,
                        null,
                        null,
                        null),
                message);
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return response(e.toProblem(path(uri)), e.message());
    }

    @ServerExceptionMapper
    public Response unrecognized(UnrecognizedPropertyException e, UriInfo uri) {
        String field = fieldPath(e);
        return fields(
                ProblemType.VALIDATION,
                "unknown property '" + field + "'",
                List.of(new Problem.FieldError(field, "unknown property")),
                uri,
                ProblemMessage.of("detail.unknown-property", field));
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        String field = fieldPath(e);
        String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        return fields(
                ProblemType.VALIDATION,
                field + ": expected " + expected,
                List.of(
                        new Problem.FieldError(
                                field, "expected " + expected + ", got " + e.getValue())),
                uri,
                ProblemMessage.of("detail.expected", field, describeJapanese(e.getTargetType())));
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        Response tooLarge = tooLargeCause(e, uri);
        if (tooLarge != null) {
            return tooLarge;
        }
        String field = fieldPath(e);
        if (field.isEmpty()) {
            return response(
                    ProblemType.MALFORMED_JSON,
                    "the body is not the expected JSON document",
                    path(uri),
                    ProblemMessage.of("detail.unexpected-json"));
        }
        String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        return fields(
                ProblemType.VALIDATION,
                field + ": expected " + expected,
                List.of(new Problem.FieldError(field, "expected " + expected)),
                uri,
                ProblemMessage.of("detail.expected", field, describeJapanese(e.getTargetType())));
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        Response tooLarge = tooLargeCause(e, uri);
        if (tooLarge != null) {
            return tooLarge;
        }
        String field = fieldPath(e);
        String message =
                e.getOriginalMessage() == null
                        ? "invalid value"
                        : firstLine(e.getOriginalMessage());
        if (field.isEmpty()) {
            return response(
                    ProblemType.MALFORMED_JSON,
                    message,
                    path(uri),
                    ProblemMessage.of("detail.unreadable-json", message));
        }
        return fields(
                ProblemType.VALIDATION,
                field + ": " + message,
                List.of(new Problem.FieldError(field, message)),
                uri,
                ProblemMessage.of("detail.field-unreadable", field, message));
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e, UriInfo uri) {
        Response tooLarge = tooLargeCause(e, uri);
        if (tooLarge != null) {
            return tooLarge;
        }
        String where =
                e.getLocation() == null
                        ? ""
                        : " at line "
                                + e.getLocation().getLineNr()
                                + ", column "
                                + e.getLocation().getColumnNr();
        return response(
                ProblemType.MALFORMED_JSON,
                "the body is not valid JSON" + where,
                path(uri),
                e.getLocation() == null
                        ? ProblemMessage.of("detail.malformed-json")
                        : ProblemMessage.of(
                                "detail.malformed-json-at",
                                e.getLocation().getLineNr(),
                                e.getLocation().getColumnNr()));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        Response tooLarge = tooLargeCause(e, uri);
        if (tooLarge != null) {
            return tooLarge;
        }
        return response(
                ProblemType.MALFORMED_JSON,
                "the body is not valid JSON",
                path(uri),
                ProblemMessage.of("detail.malformed-json"));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors =
                e.getConstraintViolations().stream()
                        .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                        .sorted(Comparator.comparing(Problem.FieldError::field))
                        .toList();
        String detail =
                errors.stream()
                        .map(f -> f.field() + ": " + f.message())
                        .collect(Collectors.joining("; "));
        ProblemMessage japanese = null;
        if (ProblemLanguage.JAPANESE.equals(ProblemLanguage.ofCurrentRequest())) {
            japanese =
                    ProblemMessage.of(
                            "detail.validation",
                            e.getConstraintViolations().stream()
                                    .map(v -> field(v) + ": " + ValidationMessagesJa.message(v))
                                    .sorted()
                                    .collect(Collectors.joining("; ")));
        }
        return fields(ProblemType.VALIDATION, detail, errors, uri, japanese);
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return response(
                ProblemType.PRECONDITION_FAILED,
                "the resource was changed by someone else; read it again",
                path(uri),
                ProblemMessage.of("detail.changed-by-someone-else"));
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri) {
        return response(
                ProblemType.PRECONDITION_FAILED,
                "the resource was changed by someone else; read it again",
                path(uri),
                ProblemMessage.of("detail.changed-by-someone-else"));
    }

    @ServerExceptionMapper({PessimisticLockException.class, LockAcquisitionException.class})
    public Response lock(RuntimeException e, UriInfo uri) {
        return response(
                ProblemType.SERVICE_UNAVAILABLE,
                "the resource is busy; retry",
                path(uri),
                ProblemMessage.of("detail.busy"));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return response(
                ProblemType.UNAUTHORIZED,
                "a valid bearer token is required",
                path(uri),
                ProblemMessage.of("detail.unauthorized"));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return response(
                ProblemType.UNAUTHORIZED,
                "the bearer token is missing, expired or invalid",
                path(uri),
                ProblemMessage.of("detail.authentication-failed"));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return response(
                ProblemType.FORBIDDEN,
                "your role does not allow this",
                path(uri),
                ProblemMessage.of("detail.forbidden"));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return response(
                ProblemType.NOT_FOUND,
                "no such resource",
                path(uri),
                ProblemMessage.of("detail.no-such-resource"));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        Response r =
                response(
                        ProblemType.METHOD_NOT_ALLOWED,
                        "this method is not allowed here",
                        path(uri),
                        ProblemMessage.of("detail.method-not-allowed"));
        return Response.fromResponse(r).allow(e.getResponse().getAllowedMethods()).build();
    }

    @ServerExceptionMapper
    public Response notSupported(NotSupportedException e, UriInfo uri) {
        return response(
                ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "this content type is not accepted here",
                path(uri),
                ProblemMessage.of("detail.unsupported-media-type"));
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, UriInfo uri) {
        return response(
                ProblemType.NOT_ACCEPTABLE,
                "no representation matches the Accept header",
                path(uri),
                ProblemMessage.of("detail.not-acceptable"));
    }

    private Response tooLargeCause(Throwable e, UriInfo uri) {
        for (Throwable cause = e;
                cause != null && cause != cause.getCause();
                cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return bodyTooLarge(tooLarge, uri);
            }
        }
        return null;
    }

    /**
     * A chunked body that passed the endpoint's limit while it was read (see BodyLimitFilter): 413.
     */
    @ServerExceptionMapper
    public Response bodyTooLarge(BodyTooLargeException e, UriInfo uri) {
        return response(
                ProblemType.PAYLOAD_TOO_LARGE,
                e.getMessage(),
                path(uri),
                e.limit() < 0
                        ? null
                        : ProblemMessage.of("detail.chunked-body-too-large", e.limit()));
    }

    /**
     * An enum query (form, header) parameter with an unknown value: 400 naming it and the allowed
     * values.
     */
    @ServerExceptionMapper
    public Response invalidEnumParameter(
            InvalidEnumParameterException e,
            UriInfo uri,
            jakarta.ws.rs.container.ResourceInfo resource) {
        String name = e.parameter() != null ? e.parameter() : parameterName(e, uri, resource);
        String allowed = String.join(", ", e.allowed());
        String message = "must be one of " + allowed;
        return fields(
                ProblemType.VALIDATION,
                "parameter '" + name + "': '" + e.value() + "' is not allowed; " + message,
                List.of(new Problem.FieldError(name, message + "; got " + e.value())),
                uri,
                ProblemMessage.of("detail.enum-parameter", name, e.value(), allowed));
    }

    /**
     * The name of the parameter an enum converter refused when its annotation did not say it
     * ({@code @RestQuery} without a value): the method's parameter of that enum type (its Java
     * name, compiled with -parameters) whose request value is the refused one.
     */
    static String parameterName(
            InvalidEnumParameterException e,
            UriInfo uri,
            jakarta.ws.rs.container.ResourceInfo resource) {
        java.lang.reflect.Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return "?";
        }
        List<String> candidates = new ArrayList<>();
        for (java.lang.reflect.Parameter p : method.getParameters()) {
            if (!refersTo(p.getParameterizedType(), e.type())) {
                continue;
            }
            String name = p.getName();
            org.jboss.resteasy.reactive.RestQuery rq =
                    p.getAnnotation(org.jboss.resteasy.reactive.RestQuery.class);
            jakarta.ws.rs.QueryParam qp = p.getAnnotation(jakarta.ws.rs.QueryParam.class);
            if (rq != null && !rq.value().isBlank()) {
                name = rq.value();
            } else if (qp != null) {
                name = qp.value();
            }
            candidates.add(name);
        }
        if (uri != null) {
            for (String candidate : candidates) {
                List<String> values = uri.getQueryParameters().get(candidate);
                if (values != null
                        && values.stream()
                                .anyMatch(
                                        v ->
                                                java.util.Arrays.asList(v.split(","))
                                                                .contains(e.value())
                                                        || v.equals(e.value()))) {
                    return candidate;
                }
            }
        }
        return candidates.isEmpty() ? "?" : candidates.get(0);
    }

    private static boolean refersTo(java.lang.reflect.Type type, Class<?> enumType) {
        if (type == enumType) {
            return true;
        }
        if (type instanceof java.lang.reflect.ParameterizedType parameterized) {
            for (java.lang.reflect.Type argument : parameterized.getActualTypeArguments()) {
                if (refersTo(argument, enumType)) {
                    return true;
                }
            }
        }
        return false;
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        for (Throwable cause = e.getCause();
                cause != null && cause != cause.getCause();
                cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return bodyTooLarge(tooLarge, uri);
            }
            if (cause instanceof InvalidFormatException invalid) {
                return invalidFormat(invalid, uri);
            }
            if (cause instanceof UnrecognizedPropertyException unknown) {
                return unrecognized(unknown, uri);
            }
            if (cause instanceof MismatchedInputException mismatched) {
                return mismatched(mismatched, uri);
            }
            if (cause instanceof JsonMappingException mapping) {
                return jsonMapping(mapping, uri);
            }
            if (cause instanceof JsonParseException parse) {
                return malformed(parse, uri);
            }
            if (cause instanceof JsonProcessingException json) {
                return json(json, uri);
            }
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        ProblemType type =
                switch (status) {
                    case 401 -> ProblemType.UNAUTHORIZED;
                    case 403 -> ProblemType.FORBIDDEN;
                    case 404 -> ProblemType.NOT_FOUND;
                    case 405 -> ProblemType.METHOD_NOT_ALLOWED;
                    case 406 -> ProblemType.NOT_ACCEPTABLE;
                    case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
                    case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
                    default -> ProblemType.BAD_REQUEST;
                };
        return response(
                new Problem(
                        type.uri(),
                        type.title(),
                        status,
                        e.getMessage(),
                        path(uri),
                        null,
                        null,
                        null));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (isDatabaseUnavailable(e)) {
            LOG.warnf("database unavailable while serving %s: %s", path(uri), e.getMessage());
            return response(
                    ProblemType.SERVICE_UNAVAILABLE,
                    "the database is not reachable; retry shortly",
                    path(uri),
                    ProblemMessage.of("detail.database-unavailable"));
        }
        if (isDuplicateKey(
                e, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()))) {
            LOG.infof(
                    "duplicate key while serving %s (a concurrent request recorded the same): %s",
                    path(uri), e.getMessage());
            return response(
                    ProblemType.CONFLICT,
                    "another request recorded the same thing at the same moment; "
                            + "nothing was written by this one; retry (with the same Idempotency-Key, if one was sent)",
                    path(uri),
                    ProblemMessage.of("detail.duplicate-race"));
        }
        if (isClientAbort(e)) {
            LOG.debugf(
                    "client closed the connection while %s was served: %s",
                    path(uri), e.getMessage());
        } else {
            LOG.errorf(e, "unexpected error serving %s", path(uri));
        }
        return response(
                ProblemType.INTERNAL,
                "an unexpected error occurred; it has been logged",
                path(uri),
                ProblemMessage.of("detail.internal"));
    }

    /**
     * A lost database connection is an outage (503), not a bug (500). The connection error may be
     * the cause of what was thrown, or only a suppressed exception of it (a commit that failed
     * after the connection broke surfaces as a RollbackException).
     */
    static boolean isDatabaseUnavailable(Throwable e) {
        return isDatabaseUnavailable(
                e, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    private static boolean isDatabaseUnavailable(Throwable t, java.util.Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        if (t instanceof JDBCConnectionException
                || t instanceof SQLTransientConnectionException
                || t instanceof java.sql.SQLNonTransientConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql
                && sql.getSQLState() != null
                && sql.getSQLState().startsWith("08")) {
            return true;
        }
        String name = t.getClass().getName();
        if (name.endsWith("AcquisitionTimeoutException")
                || (t.getMessage() != null
                        && t.getMessage().contains("Unable to acquire JDBC Connection"))) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (isDatabaseUnavailable(suppressed, seen)) {
                return true;
            }
        }
        return isDatabaseUnavailable(t.getCause(), seen);
    }

    /**
     * Two requests raced to insert the same unique row (MariaDB error 1062) and this one lost: a
     * conflict (409), not a bug — the services check first, so only a concurrent request can get
     * here.
     */
    static boolean isDuplicateKey(Throwable e) {
        return isDuplicateKey(
                e, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    private static boolean isDuplicateKey(Throwable t, java.util.Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        if (t instanceof SQLException sql && sql.getErrorCode() == 1062) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (isDuplicateKey(suppressed, seen)) {
                return true;
            }
        }
        return isDuplicateKey(t.getCause(), seen);
    }

    /** The client went away before the answer was written: nothing to fix on this side. */
    static boolean isClientAbort(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.io.IOException
                    && t.getMessage() != null
                    && (t.getMessage().contains("Connection was closed")
                            || t.getMessage().contains("Connection reset"))) {
                return true;
            }
        }
        return false;
    }

    private static Response fields(
            ProblemType type,
            String detail,
            List<Problem.FieldError> errors,
            UriInfo uri,
            ProblemMessage message) {
        return response(
                new Problem(
                        type.uri(),
                        type.title(),
                        type.status(),
                        detail,
                        path(uri),
                        null,
                        errors,
                        null),
                message);
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    static String fieldPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /**
     * The bean-validation path without method and parameter names: {@code create.body.name} →
     * {@code name}; a query parameter keeps its own name ({@code list.size} → {@code size}).
     */
    static String field(ConstraintViolation<?> v) {
        List<String> names = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                names.clear();
            } else if (node.getKind() == ElementKind.PROPERTY) {
                names.add(
                        node.getIndex() == null
                                ? node.getName()
                                : node.getName() + "[" + node.getIndex() + "]");
            } else if (node.getKind() == ElementKind.CONTAINER_ELEMENT
                    && node.getIndex() != null
                    && !names.isEmpty()) {
                names.set(
                        names.size() - 1,
                        names.get(names.size() - 1) + "[" + node.getIndex() + "]");
            }
        }
        return names.isEmpty() ? (parameter == null ? "" : parameter) : String.join(".", names);
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return "one of "
                    + java.util.Arrays.stream(constants)
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 " + type.getSimpleName();
        }
        return "a " + type.getSimpleName();
    }

    /** {@link #describe} in Japanese, for the Japanese detail. */
    static String describeJapanese(Class<?> type) {
        if (type == null) {
            return "別の型の値";
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return java.util.Arrays.stream(constants)
                            .map(Object::toString)
                            .collect(Collectors.joining(", "))
                    + " のいずれか";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "数値";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true または false";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "ISO-8601 形式の " + type.getSimpleName();
        }
        return type.getSimpleName() + " 型の値";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
