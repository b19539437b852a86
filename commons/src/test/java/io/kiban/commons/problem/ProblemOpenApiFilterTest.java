package io.kiban.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.io.IOException;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.jboss.jandex.Index;
import org.junit.jupiter.api.Test;

/**
 * The filter on a hand-built document: a {@code @PermitAll} operation gets no 401/403 (the sample
 * app has no public operation: its SecurityTest requires a token everywhere, so this is checked
 * without a running app).
 */
class ProblemOpenApiFilterTest {

    /** Not a root resource (no class-level @Path): only indexed, never served. */
    static class Operations {
        @GET
        @Path("/open/{id}")
        @PermitAll
        public String open() {
            return "";
        }

        @DELETE
        @Path("/closed/{id}")
        @RolesAllowed("jpo-admin")
        public void closed() {}
    }

    @Test
    void permit_all_gets_no_401_403_and_a_delete_with_if_match_gets_409_412_422_428()
            throws IOException {
        ProblemOpenApiFilter filter = new ProblemOpenApiFilter(Index.of(Operations.class));
        Operation open =
                OASFactory.createOperation()
                        .responses(
                                OASFactory.createAPIResponses()
                                        .addAPIResponse(
                                                "200",
                                                OASFactory.createAPIResponse().description("OK")));
        Operation closed =
                OASFactory.createOperation()
                        .addParameter(
                                OASFactory.createParameter()
                                        .name("If-Match")
                                        .in(Parameter.In.HEADER))
                        .responses(
                                OASFactory.createAPIResponses()
                                        .addAPIResponse(
                                                "401",
                                                OASFactory.createAPIResponse()
                                                        .description("Not Authorized")));
        OpenAPI document =
                OASFactory.createOpenAPI()
                        .paths(
                                OASFactory.createPaths()
                                        .addPathItem(
                                                "/open/{id}", OASFactory.createPathItem().GET(open))
                                        .addPathItem(
                                                "/closed/{id}",
                                                OASFactory.createPathItem().DELETE(closed)));

        filter.filterOpenAPI(document);

        assertThat(open.getResponses().getAPIResponses()).containsOnlyKeys("200", "400", "404");
        assertThat(closed.getResponses().getAPIResponses())
                .containsOnlyKeys("400", "401", "403", "404", "409", "412", "422", "428");
        assertThat(
                        closed.getResponses()
                                .getAPIResponse("401")
                                .getContent()
                                .getMediaType(Problem.MEDIA_TYPE)
                                .getSchema()
                                .getRef())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(closed.getResponses().getAPIResponse("401").getDescription())
                .startsWith("認証が必要です。");
        assertThat(document.getComponents().getSchemas()).containsKey("Problem");
    }
}
