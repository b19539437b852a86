package io.kiban.lifecycle.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * R-SEC-1 enforcement: grants and removes the realm role {@code approved-handler} through Keycloak's admin
 * REST API, as the confidential client {@code lifecycle-service} (client credentials; its service account
 * needs only realm-management roles view-users, manage-users and view-realm).
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

    public void grant(String accountId) {
        RealmResource realm = realm();
        RoleRepresentation role = realm.roles().get(config.approvedHandlerRole()).toRepresentation();
        realm.users().get(userId(realm, accountId)).roles().realmLevel().add(List.of(role));
        LOG.infof("R-SEC-1: granted %s to %s", role.getName(), accountId);
    }

    public void revoke(String accountId) {
        RealmResource realm = realm();
        RoleRepresentation role = realm.roles().get(config.approvedHandlerRole()).toRepresentation();
        realm.users().get(userId(realm, accountId)).roles().realmLevel().remove(List.of(role));
        LOG.infof("R-SEC-1: removed %s from %s", role.getName(), accountId);
    }

    /** A Keycloak account: its id, username and organisation (user attribute {@code org}). */
    public record Account(String id, String username, String organisation) {
    }

    /** The account for an id or exact username, with its {@code org} attribute; empty when Keycloak knows none. */
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

    /** Every account holding the realm role {@code approved-handler} (paged through, 100 at a time). */
    public List<Account> holders() {
        RealmResource realm = realm();
        List<Account> all = new java.util.ArrayList<>();
        for (int first = 0;; first += PAGE) {
            List<UserRepresentation> page = realm.roles().get(config.approvedHandlerRole()).getUserMembers(first, PAGE);
            if (page == null || page.isEmpty()) {
                return all;
            }
            page.forEach(u -> all.add(of(u)));
            if (page.size() < PAGE) {
                return all;
            }
        }
    }

    private static final int PAGE = 100;

    private static Account of(UserRepresentation u) {
        List<String> org = u.getAttributes() == null ? null : u.getAttributes().get("org");
        return new Account(u.getId(), u.getUsername(), org == null || org.isEmpty() ? null : org.get(0));
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
