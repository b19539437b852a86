package io.kiban.commons.sample;

import io.kiban.commons.problem.Problem;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Throws each kind of problem the services throw, and takes enum query parameters (#17). */
@Path("/probes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR})
public class ProbeResource {

    public enum Colour {
        RED,
        GREEN,
        BLUE
    }

    /** An enum that converts through its own fromString (case-insensitive), as JAX-RS lets it. */
    public enum Size {
        SMALL,
        LARGE;

        public static Size fromString(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }

    @GET
    @Path("/colours")
    public Map<String, Object> colours(
            @RestQuery Colour colour,
            @QueryParam("shade") Colour shade,
            @RestQuery List<Colour> mix,
            @RestQuery Size size) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("colour", colour == null ? "none" : colour.name());
        answer.put("shade", shade == null ? "none" : shade.name());
        answer.put("mix", mix == null ? List.of() : mix.stream().map(Enum::name).toList());
        answer.put("size", size == null ? "none" : size.name());
        return answer;
    }

    @GET
    @Path("/colours/{colour}")
    public Map<String, Object> colour(@RestPath Colour colour) {
        return Map.of("colour", colour.name());
    }

    @GET
    @Path("/hardware/{id}")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(
            responseCode = "404",
            description = "ハードウェアがありません。 No hardware with this id.",
            content =
                    @org.eclipse.microprofile.openapi.annotations.media.Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema =
                                    @org.eclipse.microprofile.openapi.annotations.media.Schema(
                                            implementation = Problem.class)))
    public Map<String, Object> hardware(@RestPath long id) {
        throw ProblemException.notFound("hardware", id);
    }

    @GET
    @Path("/bad-field")
    public Map<String, Object> badField() {
        throw ProblemException.badField("serial", "must not contain spaces");
    }

    @GET
    @Path("/rule")
    public Map<String, Object> rule() {
        throw ProblemException.rule(
                "R-MT-6",
                "ticket 7 cannot close: medium SN-1 has no accepted destruction evidence");
    }

    @GET
    @Path("/rule-in-detail")
    public Map<String, Object> ruleInDetail() {
        throw ProblemException.conflict(
                "R-SEC-2: whoever proposed handler 5 cannot approve it",
                List.of(Problem.Conflict.of("handler", "5", "proposed by you")));
    }

    @GET
    @Path("/rule-keyed")
    public Map<String, Object> ruleKeyed() {
        throw ProblemException.rule("R-SAMPLE-1", "quantity 5000 is above the limit of 1000")
                .withMessage("sample.quantity-limit", 5000, 1000);
    }

    @GET
    @Path("/plain-conflict")
    public Map<String, Object> plainConflict() {
        throw ProblemException.conflict(
                "widget 9 is approved", List.of(Problem.Conflict.of("widget", "9", "approved")));
    }

    @GET
    @Path("/admin-only")
    @RolesAllowed(Roles.JPO_ADMIN)
    public Map<String, Object> adminOnly() {
        return Map.of("ok", true);
    }

    @GET
    @Path("/outage")
    public Map<String, Object> outage() {
        throw new org.hibernate.exception.JDBCConnectionException(
                "connection lost", new SQLException("Socket fail to connect", "08S01"));
    }

    /** A closed set taken as a free string: the #17 documentation contract must name it. */
    @GET
    @Path("/status-text")
    public Map<String, Object> statusText(@QueryParam("status") String status) {
        return Map.of("status", String.valueOf(status));
    }

    @GET
    @Path("/bug")
    public Map<String, Object> bug() {
        throw new IllegalStateException("a bug");
    }
}
