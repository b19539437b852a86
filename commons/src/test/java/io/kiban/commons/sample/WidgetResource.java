package io.kiban.commons.sample;

import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.sample.WidgetDtos.WidgetInput;
import io.kiban.commons.sample.WidgetDtos.WidgetView;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.Responses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/widgets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WidgetResource {

    private final WidgetService service;

    public WidgetResource(WidgetService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR})
    public RestResponse<List<WidgetView>> list(
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return service.list(PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR})
    @org.eclipse.microprofile.openapi.annotations.Operation(
            summary = "部品の参照 / Read one widget",
            description = "部品を一件返す。ETag に版を載せる。\n\nAnswers one widget with its version as ETag.")
    public RestResponse<WidgetView> get(@RestPath long id) {
        WidgetView view = service.get(id);
        return Responses.ok(view, view.version());
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR})
    @org.eclipse.microprofile.openapi.annotations.Operation(
            summary = "部品の登録 / Create a widget",
            description = "部品を登録する。\n\nCreates a widget.")
    public RestResponse<WidgetView> create(
            @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(
                            content =
                                    @org.eclipse.microprofile.openapi.annotations.media.Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @org.eclipse.microprofile.openapi.annotations
                                                            .media.ExampleObject(
                                                            name = "widget",
                                                            value =
                                                                    "{\"name\": \"GPU tray\", \"kind\": \"SMALL\", \"quantity\": 2}")))
                    @Valid
                    @NotNull
                    WidgetInput body) {
        WidgetView view = service.create(body);
        return Responses.created(URI.create("/widgets/" + view.id()), view, view.version());
    }

    /**
     * A POST that does not honour Idempotency-Key (a key sent to it → 400 from
     * IdempotencyKeyFilter).
     */
    @POST
    @Path("/{id}/copies")
    @RolesAllowed({Roles.JPO_ADMIN})
    public RestResponse<WidgetView> copy(@RestPath long id, @Valid @NotNull WidgetInput body) {
        WidgetView view = service.create(body);
        return Responses.created(URI.create("/widgets/" + view.id()), view, view.version());
    }

    /**
     * A multipart upload with its own body limit (64K unless kiban.test.attachment-limit says
     * otherwise).
     */
    @POST
    @Path("/{id}/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @io.kiban.commons.web.BodyLimit(property = "kiban.test.attachment-limit", defaultValue = "64K")
    @RolesAllowed({Roles.JPO_ADMIN})
    public RestResponse<java.util.Map<String, Object>> attach(
            @RestPath long id,
            @org.jboss.resteasy.reactive.RestForm("file")
                    org.jboss.resteasy.reactive.multipart.FileUpload file) {
        return RestResponse.ok(java.util.Map.of("size", file.size()));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR})
    public RestResponse<WidgetView> update(
            @RestPath long id,
            @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull WidgetInput body) {
        WidgetView view = service.update(id, ifMatch, body);
        return Responses.ok(view, view.version());
    }

    @PUT
    @Path("/{id}/approval")
    @RolesAllowed({Roles.JPO_ADMIN})
    public RestResponse<WidgetView> approve(
            @RestPath long id, @RestHeader("If-Match") String ifMatch) {
        WidgetView view = service.approve(id, ifMatch);
        return Responses.ok(view, view.version());
    }

    @PUT
    @Path("/{id}/reapproval")
    @RolesAllowed({Roles.JPO_ADMIN})
    public RestResponse<WidgetView> reapprove(
            @RestPath long id, @RestHeader("If-Match") String ifMatch) {
        WidgetView view = service.reapprove(id, ifMatch);
        return Responses.ok(view, view.version());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR})
    public void delete(@RestPath long id, @RestHeader("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
    }
}
