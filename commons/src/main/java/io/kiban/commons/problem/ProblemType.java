package io.kiban.commons.problem;

/** The stable problem types. Clients may switch on {@link #uri()}; titles are for people. */
public enum ProblemType {
    MALFORMED_JSON(400, "Malformed JSON"),
    VALIDATION(400, "Invalid request"),
    BAD_REQUEST(400, "Bad request"),
    UNAUTHORIZED(401, "Authentication required"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    CONFLICT(409, "Conflict"),
    IDEMPOTENCY_IN_FLIGHT(409, "A request with this Idempotency-Key is still in progress"),
    PRECONDITION_FAILED(412, "Precondition failed: the resource has changed"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    RULE_VIOLATION(422, "Business rule violated"),
    UNKNOWN_REFERENCE(422, "Unknown reference"),
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency-Key reused with a different request"),
    PRECONDITION_REQUIRED(428, "Precondition required: send If-Match"),
    SERVICE_UNAVAILABLE(503, "Service temporarily unavailable"),
    DEPENDENCY_UNAVAILABLE(503, "A service this request needs is unavailable"),
    INTERNAL(500, "Internal error");

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return "urn:kiban:problem:" + name().toLowerCase().replace('_', '-');
    }
}
