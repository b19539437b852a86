package io.kiban.maintenance.support;

import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.security.Caller;
import io.kiban.commons.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * R-MT-7 / R-MT-2: a vendor user sees and acts on its own organisation's records only. Everything
 * else answers 404 (never 403, which would tell it the record exists).
 */
@RequestScoped
public class Access {

    private final Caller caller;

    public Access(Caller caller) {
        this.caller = caller;
    }

    /**
     * A vendor-side user (vendor or support-vendor) held to its own organisation (commons' {@link
     * Caller}).
     */
    public boolean isVendor() {
        return caller.isOrganisationScoped();
    }

    public boolean isJpoAdmin() {
        return caller.hasRole(Roles.JPO_ADMIN);
    }

    /** The organisation a vendor user's queries are limited to; empty for everyone else. */
    public Optional<String> scope() {
        return caller.organisationScope();
    }

    public boolean maySee(String organisation) {
        return caller.maySee(organisation);
    }

    public <T> T visible(
            Optional<T> found,
            java.util.function.Function<T, String> organisation,
            String what,
            Object id) {
        return found.filter(t -> maySee(organisation.apply(t)))
                .orElseThrow(() -> ProblemException.notFound(what, id));
    }

    /**
     * The organisation a new record belongs to: a vendor's own (a different one in the body is
     * refused); JPO must name it.
     */
    public String owningOrganisation(String requested) {
        if (isVendor()) {
            String own =
                    caller.organisation()
                            .orElseThrow(
                                    () ->
                                            ProblemException.badField(
                                                    "organisation",
                                                    "your token carries no organisation"));
            if (requested != null && !requested.equals(own)) {
                throw ProblemException.badField(
                        "organisation", "a vendor user files for its own organisation only");
            }
            return own;
        }
        if (requested == null || requested.isBlank()) {
            throw ProblemException.badField(
                    "organisation", "name the vendor organisation this record is for");
        }
        return requested;
    }

    public String actor() {
        return caller.name();
    }

    /** The account (token issuer#subject) for segregation-of-duties checks. */
    public String actorId() {
        return caller.id();
    }

    /**
     * R-SEC-2: whoever proposed, submitted, uploaded or recorded something never approves or
     * accepts it: commons' {@link Caller#requireNotSelf} (the stored account id, issuer#subject,
     * or, for records older than that column, the stored name). 403 naming the rule.
     */
    public void requireNotSelf(
            String ruleId, String recordedById, String recordedByName, String what) {
        caller.requireNotSelf(ruleId, recordedById, recordedByName, what);
    }
}
