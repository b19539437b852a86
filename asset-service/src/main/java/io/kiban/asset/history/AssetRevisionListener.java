package io.kiban.asset.history;

import io.kiban.commons.security.Caller;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import jakarta.enterprise.context.ContextNotActiveException;
import org.hibernate.envers.RevisionListener;

/**
 * Stamps each revision with the caller of the request that made it ("system" outside a request).
 */
public class AssetRevisionListener implements RevisionListener {

    @Override
    public void newRevision(Object revisionEntity) {
        AssetRevision revision = (AssetRevision) revisionEntity;
        revision.subject = "system";
        revision.actorName = "system";
        if (!Arc.container().requestContext().isActive()) {
            return;
        }
        try (InstanceHandle<Caller> handle = Arc.container().instance(Caller.class)) {
            Caller caller = handle.get();
            if (caller != null && !caller.isAnonymous()) {
                revision.subject = caller.subject();
                revision.actorName = caller.name();
            }
        } catch (ContextNotActiveException e) {
            // no request: a system change
        }
    }
}
