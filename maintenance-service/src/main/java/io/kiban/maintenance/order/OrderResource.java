package io.kiban.maintenance.order;

import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.Responses;
import io.kiban.maintenance.order.OrderService.OrderInput;
import io.kiban.maintenance.order.OrderService.OrderView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/sanitization-orders")
@Tag(name = "Sanitization orders", description = "Evidence for every medium of an environment at removal (R-RM-3)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrderResource {

    private final OrderService service;

    public OrderResource(OrderService service) {
        this.service = service;
    }

    @POST
    @Idempotent
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR })
    @Operation(summary = "Take the data-bearing media of an environment (or listed hardware) from asset-service into custody",
            description = "R-RM-3: every data-bearing medium asset-service lists (removed ones included) gets a custody chain."
                    + " A vendor opens orders only for hardware its organisation maintains (the contracted vendor of"
                    + " lifecycle-service's contract; 404 otherwise). Idempotency-Key honoured.")
    public RestResponse<OrderView> create(@Valid @NotNull OrderInput body) {
        OrderView view = service.create(body);
        return Responses.created(URI.create("/sanitization-orders/" + view.id()), view);
    }

    @GET
    @RolesAllowed({ Roles.VENDOR, Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR })
    @Operation(summary = "Sanitization orders, paged (?page=&size=, X-Total-Count, Link); vendors see their own organisation's")
    public RestResponse<List<OrderView>> list(@RestQuery Integer page, @RestQuery Integer size,
            @Context UriInfo uri) {
        return service.list(PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.VENDOR, Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR })
    public OrderView get(@RestPath long id) {
        return service.get(id);
    }
}
