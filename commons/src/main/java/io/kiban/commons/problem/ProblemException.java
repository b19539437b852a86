package io.kiban.commons.problem;

import java.util.List;

/**
 * The one exception services throw for an expected failure. Resources never build error responses
 * themselves; {@link ProblemMappers} turns this into {@code application/problem+json}.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final String rule;
    private final List<Problem.FieldError> errors;
    private final List<Problem.Conflict> conflicts;
    private final ProblemMessage message;

    public ProblemException(
            ProblemType type,
            String detail,
            String rule,
            List<Problem.FieldError> errors,
            List<Problem.Conflict> conflicts) {
        this(type, detail, rule, errors, conflicts, null);
    }

    /**
     * @param message the Japanese detail's bundle key and values (see {@link ProblemMessages}), or
     *     null: then a request preferring Japanese gets the rule's sentence (when a rule id is
     *     named) or the English detail
     */
    public ProblemException(
            ProblemType type,
            String detail,
            String rule,
            List<Problem.FieldError> errors,
            List<Problem.Conflict> conflicts,
            ProblemMessage message) {
        super(detail, null, false, false);
        this.type = type;
        this.rule = rule;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
        this.message = message;
    }

    /**
     * The same problem with a Japanese detail: {@code key} names an entry of a {@code
     * kiban-problems_ja.properties} of the service (or of commons' bundle), {@code args} fill its
     * {@code {0}}, {@code {1}}, …. The English detail, the rule id and every other member stay as
     * they are.
     */
    public ProblemException withMessage(String key, Object... args) {
        return new ProblemException(
                type, getMessage(), rule, errors, conflicts, ProblemMessage.of(key, args));
    }

    public static ProblemException of(ProblemType type, String detail) {
        return new ProblemException(type, detail, null, null, null);
    }

    public static ProblemException notFound(String what, Object id) {
        if (transactionBroken()) {
            return databaseUnavailable();
        }
        return of(ProblemType.NOT_FOUND, what + " " + id + " does not exist")
                .withMessage("detail.not-found", what, id);
    }

    /** A request that breaks a rule of the domain: 422 naming the rule id. */
    public static ProblemException rule(String ruleId, String detail) {
        return new ProblemException(ProblemType.RULE_VIOLATION, detail, ruleId, null, null);
    }

    /** A body that references something that does not exist: 422. */
    public static ProblemException unknownReference(String field, Object id) {
        if (transactionBroken()) {
            return databaseUnavailable();
        }
        return new ProblemException(
                ProblemType.UNKNOWN_REFERENCE,
                field + " refers to " + id + ", which does not exist",
                null,
                List.of(new Problem.FieldError(field, "unknown: " + id)),
                null,
                ProblemMessage.of("detail.unknown-reference", field, id));
    }

    /**
     * A lookup that found nothing inside a transaction already marked for rollback proves nothing:
     * Hibernate answers {@code find} with null when the connection failed (HHH-12472), so an
     * existing row would be reported missing while the database is down. That is an outage (503),
     * not a 404/422.
     */
    private static boolean transactionBroken() {
        try {
            int status = com.arjuna.ats.jta.TransactionManager.transactionManager().getStatus();
            return status == jakarta.transaction.Status.STATUS_MARKED_ROLLBACK
                    || status == jakarta.transaction.Status.STATUS_ROLLEDBACK
                    || status == jakarta.transaction.Status.STATUS_ROLLING_BACK;
        } catch (Exception | LinkageError e) {
            return false;
        }
    }

    private static ProblemException databaseUnavailable() {
        return of(ProblemType.SERVICE_UNAVAILABLE, "the database is not reachable; retry shortly")
                .withMessage("detail.database-unavailable");
    }

    public static ProblemException conflict(String detail, List<Problem.Conflict> conflicts) {
        return new ProblemException(ProblemType.CONFLICT, detail, null, null, conflicts);
    }

    public static ProblemException conflict(
            String ruleId, String detail, List<Problem.Conflict> conflicts) {
        return new ProblemException(ProblemType.CONFLICT, detail, ruleId, null, conflicts);
    }

    public static ProblemException badField(String field, String message) {
        return new ProblemException(
                ProblemType.VALIDATION,
                field + ": " + message,
                null,
                List.of(new Problem.FieldError(field, message)),
                null,
                ProblemMessage.of("detail.bad-field", field, message));
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

    /** The Japanese detail's key and values, or null. */
    public ProblemMessage message() {
        return message;
    }

    public Problem toProblem(String instance) {
        return new Problem(
                type.uri(),
                type.title(),
                type.status(),
                getMessage(),
                instance,
                rule,
                errors,
                conflicts);
    }
}
