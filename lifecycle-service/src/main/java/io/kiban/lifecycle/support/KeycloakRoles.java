package io.kiban.lifecycle.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.RoleMappingResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * R-SEC-1 enforcement: grants and removes the realm role {@code approved-handler} through
 * Keycloak's admin REST API, as the confidential client {@code lifecycle-service} (client
 * credentials). In production its rights are fine-grained admin permissions (FGAP v2): view users
 * and map {@code approved-handler} only, so every call here is one of: {@code GET /users} (by
 * username, or paged), {@code GET /users/{id}}, {@code GET/POST/DELETE
 * /users/{id}/role-mappings/realm}, {@code GET …/realm/available} and {@code GET
 * …/realm/composite}, each proven on the hardened realm by {@code scripts/realm-check.py}
 * (SEC_FGAP_calls). The dev realm's manage-users allows them too.
 */
@ApplicationScoped
public class KeycloakRoles {

    private static final Logger LOG = Logger.getLogger(KeycloakRoles.class);
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F-]{36}");

    private final Keycloak keycloak;
    private final LifecycleConfig.Keycloak config;

    public KeycloakRoles(Keycloak keycloak, LifecycleConfig.Keycloak config) {
        this.keycloak = keycloak;
        this.config = config;
    }

    /**
     * Grants {@code approved-handler}: the role is picked by name from the user's available realm
     * roles (FGAP v2 lets this client map that role only, and not read it through {@code GET
     * /roles/…}), then mapped.
     */
    public void grant(String accountId) {
        RealmResource realm = realm();
        String id = userId(realm, accountId);
        RoleMappingResource mappings = realm.users().get(id).roles();
        List<RoleRepresentation> role = named(mappings.realmLevel().listAvailable());
        if (role.isEmpty()) {
            if (!named(mappings.realmLevel().listAll()).isEmpty()) {
                return; // already mapped
            }
            throw new IllegalStateException(
                    "R-SEC-1: "
                            + config.approvedHandlerRole()
                            + " is not mappable to "
                            + accountId);
        }
        mappings.realmLevel().add(role);
        LOG.infof("R-SEC-1: granted %s to %s", config.approvedHandlerRole(), accountId);
    }

    /**
     * Removes {@code approved-handler} from the user's direct realm role mappings (picked by name
     * from them). A user who holds it only through a group or a composite role cannot be changed by
     * this client: that throws (the reconciler counts it as a failure, which alerts).
     */
    public void revoke(String accountId) {
        RealmResource realm = realm();
        String id = userId(realm, accountId);
        RoleMappingResource mappings = realm.users().get(id).roles();
        List<RoleRepresentation> role = named(mappings.realmLevel().listAll());
        if (!role.isEmpty()) {
            mappings.realmLevel().remove(role);
            LOG.infof("R-SEC-1: removed %s from %s", config.approvedHandlerRole(), accountId);
            return;
        }
        if (!named(mappings.realmLevel().listEffective()).isEmpty()) {
            throw new IllegalStateException(
                    "R-SEC-1: "
                            + accountId
                            + " holds "
                            + config.approvedHandlerRole()
                            + " through a group or composite role, which lifecycle-service may not change");
        }
    }

    private List<RoleRepresentation> named(List<RoleRepresentation> roles) {
        return roles == null
                ? List.of()
                : roles.stream()
                        .filter(r -> config.approvedHandlerRole().equals(r.getName()))
                        .toList();
    }

    /** A Keycloak account: its id, username and organisation (user attribute {@code org}). */
    public record Account(String id, String username, String organisation) {}

    /**
     * The account for an id or exact username, with its {@code org} attribute; empty when Keycloak
     * knows none.
     */
    public java.util.Optional<Account> account(String accountId) {
        RealmResource realm = realm();
        String id;
        try {
            id = userId(realm, accountId);
        } catch (NotFoundException e) {
            return java.util.Optional.empty();
        }
        UserRepresentation user;
        try {
            user = realm.users().get(id).toRepresentation();
        } catch (NotFoundException e) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(of(user));
    }

    /**
     * Every account holding the realm role {@code approved-handler}, directly or through a group or
     * composite role: pages through {@code GET /users} (100 at a time) and reads each user's
     * effective realm roles. These are calls FGAP v2 allows a client that may view users ({@code
     * GET /roles/approved-handler/users} is refused to it).
     */
    public List<Account> holders() {
        RealmResource realm = realm();
        List<Account> all = new java.util.ArrayList<>();
        for (int first = 0; ; first += PAGE) {
            List<UserRepresentation> page = realm.users().list(first, PAGE);
            if (page == null || page.isEmpty()) {
                return all;
            }
            for (UserRepresentation u : page) {
                if (!named(realm.users().get(u.getId()).roles().realmLevel().listEffective())
                        .isEmpty()) {
                    all.add(of(u));
                }
            }
            if (page.size() < PAGE) {
                return all;
            }
        }
    }

    private static final int PAGE = 100;

    private static Account of(UserRepresentation u) {
        List<String> org = u.getAttributes() == null ? null : u.getAttributes().get("org");
        return new Account(
                u.getId(), u.getUsername(), org == null || org.isEmpty() ? null : org.get(0));
    }

    private RealmResource realm() {
        return keycloak.realm(config.realm());
    }

    /** A Keycloak user id is used as is; anything else is looked up as an exact username. */
    private static String userId(RealmResource realm, String accountId) {
        if (UUID.matcher(accountId).matches()) {
            return accountId;
        }
        List<UserRepresentation> found = realm.users().searchByUsername(accountId, true);
        if (found == null || found.isEmpty()) {
            throw new NotFoundException("no Keycloak user " + accountId);
        }
        return found.get(0).getId();
    }
}
