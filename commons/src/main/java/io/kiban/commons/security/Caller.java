package io.kiban.commons.security;

import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: issuer and subject of the token, roles, and the organisation ({@code org} claim).
 * Services use it to scope vendor users to their own organisation (another organisation's object
 * answers 404, never 403).
 */
@RequestScoped
public class Caller {

    public static final String ORG_CLAIM = "org";

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    public String issuer() {
        return token().map(JsonWebToken::getIssuer).orElse("local");
    }

    public String subject() {
        return token().map(JsonWebToken::getSubject)
                .orElseGet(
                        () ->
                                identity.isAnonymous()
                                        ? "anonymous"
                                        : identity.getPrincipal().getName());
    }

    /** A readable name for records: preferred_username when the token has one. */
    public String name() {
        return token().map(t -> (String) t.getClaim("preferred_username"))
                .orElseGet(
                        () ->
                                identity.isAnonymous()
                                        ? "anonymous"
                                        : identity.getPrincipal().getName());
    }

    /** issuer + subject: unique across identity providers. */
    public String id() {
        return issuer() + "#" + subject();
    }

    /**
     * R-SEC-2: whether the caller is the account that recorded something, by the account id stored
     * with it ({@link #id()}, issuer#subject) or, for a record made before ids were stored (a null
     * id), by its stored name. A name alone is not an account: compare ids wherever the record has
     * one.
     */
    public boolean isSameAccount(String recordedById, String recordedByName) {
        return recordedById != null
                ? recordedById.equals(id())
                : recordedByName != null && recordedByName.equals(name());
    }

    /**
     * R-SEC-2 (segregation of duties): whoever proposed, submitted, uploaded or recorded something
     * never approves, accepts, signs off or rejects it; 403 naming the rule id. {@code what} says
     * what the recording account did ("recorded the delay").
     */
    public void requireNotSelf(
            String ruleId, String recordedById, String recordedByName, String what) {
        if (isSameAccount(recordedById, recordedByName)) {
            throw new ProblemException(
                    ProblemType.FORBIDDEN,
                    ruleId
                            + ": the account that "
                            + what
                            + " cannot approve, accept, sign off or reject it; another jpo-admin"
                            + " must decide (segregation of duties)",
                    ruleId,
                    null,
                    null);
        }
    }

    public Optional<String> organisation() {
        Optional<String> fromToken =
                token().map(t -> t.<Object>getClaim(ORG_CLAIM)).map(Object::toString);
        if (fromToken.isPresent()) {
            return fromToken;
        }
        Object attribute = identity.getAttribute(ORG_CLAIM);
        return Optional.ofNullable(attribute).map(Object::toString);
    }

    public Set<String> roles() {
        return new TreeSet<>(identity.getRoles());
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** A vendor or support-vendor user: sees its own organisation's records only. */
    public boolean isVendorSide() {
        return hasRole(Roles.VENDOR) || hasRole(Roles.SUPPORT_VENDOR);
    }

    /**
     * True when the caller may see a record that belongs to {@code owningOrganisation}: JPO,
     * auditors and services see everything; vendor-side users (vendor and support-vendor alike)
     * their own organisation's records only.
     */
    public boolean maySee(String owningOrganisation) {
        return organisationScope().map(o -> o.equals(owningOrganisation)).orElse(true);
    }

    /** True when the caller is held to one organisation's records (see {@link #maySee}). */
    public boolean isOrganisationScoped() {
        return isVendorSide()
                && !hasRole(Roles.JPO_ADMIN)
                && !hasRole(Roles.JPO_STAFF)
                && !hasRole(Roles.AUDITOR)
                && !hasRole(Roles.SERVICE);
    }

    /**
     * The organisation a list query is limited to: empty for whoever sees everything; for a
     * vendor-side user its token's organisation, or a value no record has when the token carries
     * none (so it sees nothing).
     */
    public Optional<String> organisationScope() {
        if (!isOrganisationScoped()) {
            return Optional.empty();
        }
        return Optional.of(organisation().orElse(NO_ORGANISATION));
    }

    /** The scope of a vendor-side token without an organisation claim: matches no record. */
    public static final String NO_ORGANISATION = "\u0000no-organisation";

    private Optional<JsonWebToken> token() {
        return identity.getPrincipal() instanceof JsonWebToken jwt
                ? Optional.of(jwt)
                : Optional.empty();
    }
}
