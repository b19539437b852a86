package io.kiban.commons.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * R-SEC-1: a vendor or support-vendor account that is not on the JPO-approved list of information
 * handlers (realm role {@code approved-handler}) gets nothing: all its roles are dropped, so every
 * {@code @RolesAllowed} endpoint answers 403.
 */
@ApplicationScoped
public class ApprovedHandlerAugmentor implements SecurityIdentityAugmentor {

    private static final Logger LOG = Logger.getLogger(ApprovedHandlerAugmentor.class);

    @Override
    public Uni<SecurityIdentity> augment(
            SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !needsApproval(identity.getRoles())) {
            return Uni.createFrom().item(identity);
        }
        LOG.infof(
                "R-SEC-1: %s holds a vendor role but is not an approved information handler; all roles withheld",
                identity.getPrincipal().getName());
        QuarkusSecurityIdentity.Builder builder =
                QuarkusSecurityIdentity.builder()
                        .setPrincipal(identity.getPrincipal())
                        .addCredentials(identity.getCredentials())
                        .addAttributes(identity.getAttributes())
                        .setAnonymous(false);
        return Uni.createFrom().item(builder.build());
    }

    static boolean needsApproval(Set<String> roles) {
        return (roles.contains(Roles.VENDOR) || roles.contains(Roles.SUPPORT_VENDOR))
                && !roles.contains(Roles.APPROVED_HANDLER);
    }
}
