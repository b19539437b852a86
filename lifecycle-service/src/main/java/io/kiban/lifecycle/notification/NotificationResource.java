package io.kiban.lifecycle.notification;

import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/notifications")
@Tag(
        name = "notifications",
        description = "通知メールの送信記録 / The log of the notification mails (issue #17)")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    private final NotificationHistory history;

    public NotificationResource(NotificationHistory history) {
        this.history = history;
    }

    @GET
    @RolesAllowed({Roles.JPO_ADMIN, Roles.AUDITOR})
    @Operation(
            summary = "送信した通知メールの一覧（新しい順） / Every notification mail claimed, newest first",
            description =
                    "送信した通知メールを新しい順に返す。同じ事象（event id）は一度だけ送る（送信前に記録を確保する）。"
                            + "状態は SENDING（送信中）、SENT（送信済み）、FAILED（再試行する）、ABANDONED（断念）。ページ単位。\n\n"
                            + "Issue #17: each event id is mailed at most once (the row is claimed before sending); status "
                            + "SENDING, SENT, FAILED (retried) or ABANDONED. Paged: page, size ≤ 200, X-Total-Count.")
    public RestResponse<List<NotificationHistory.SentView>> list(
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return history.newestFirst(PageRequest.of(page, size)).toResponse(uri);
    }
}
