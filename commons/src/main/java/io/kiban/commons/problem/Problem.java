package io.kiban.commons.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail. {@code type} is stable per kind of error (see {@link ProblemType});
 * {@code rule} names the requirement id ({@code R-…}) a request broke; {@code errors} lists each
 * bad field; {@code conflicts} lists what stands in the way of a state change.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(
        name = "Problem",
        description = "RFC 9457 problem detail, served as application/problem+json")
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String rule,
        List<FieldError> errors,
        List<Conflict> conflicts) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String message) {}

    /** One thing that blocks a state change: what it is, its id, and where it lives. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Conflict(String kind, String id, String detail, String source) {
        public static Conflict of(String kind, String id, String detail) {
            return new Conflict(kind, id, detail, null);
        }
    }
}
