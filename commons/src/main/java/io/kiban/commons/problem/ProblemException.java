package io.kiban.commons.problem;

import java.util.List;

/**
 * The one exception services throw for an expected failure. Resources never build error
 * responses themselves; {@link ProblemMappers} turns this into {@code application/problem+json}.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final String rule;
    private final List<Problem.FieldError> errors;
    private final List<Problem.Conflict> conflicts;

    public ProblemException(ProblemType type, String detail, String rule,
            List<Problem.FieldError> errors, List<Problem.Conflict> conflicts) {
        super(detail, null, false, false);
        this.type = type;
        this.rule = rule;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
    }

    public static ProblemException of(ProblemType type, String detail) {
        return new ProblemException(type, detail, null, null, null);
    }

    public static ProblemException notFound(String what, Object id) {
        return of(ProblemType.NOT_FOUND, what + " " + id + " does not exist");
    }

    /** A request that breaks a rule of the domain: 422 naming the rule id. */
    public static ProblemException rule(String ruleId, String detail) {
        return new ProblemException(ProblemType.RULE_VIOLATION, detail, ruleId, null, null);
    }

    /** A body that references something that does not exist: 422. */
    public static ProblemException unknownReference(String field, Object id) {
        return new ProblemException(ProblemType.UNKNOWN_REFERENCE, field + " refers to " + id + ", which does not exist",
                null, List.of(new Problem.FieldError(field, "unknown: " + id)), null);
    }

    public static ProblemException conflict(String detail, List<Problem.Conflict> conflicts) {
        return new ProblemException(ProblemType.CONFLICT, detail, null, null, conflicts);
    }

    public static ProblemException conflict(String ruleId, String detail, List<Problem.Conflict> conflicts) {
        return new ProblemException(ProblemType.CONFLICT, detail, ruleId, null, conflicts);
    }

    public static ProblemException badField(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, field + ": " + message, null,
                List.of(new Problem.FieldError(field, message)), null);
    }

    public ProblemType type() {
        return type;
    }

    public String rule() {
        return rule;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public List<Problem.Conflict> conflicts() {
        return conflicts;
    }

    public Problem toProblem(String instance) {
        return new Problem(type.uri(), type.title(), type.status(), getMessage(), instance, rule, errors, conflicts);
    }
}
