package io.kiban.commons.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.commons.testing.OidcTestServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * #17: every operation documents its problem responses; enum query parameters are enums in the
 * document.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
class ProblemOpenApiTest {

    Map<String, Object> document;

    @BeforeEach
    void read() {
        document =
                given().get("/q/openapi?format=json")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getMap("");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o, String... keys) {
        Object current = o;
        for (String key : keys) {
            assertThat(current).as("at " + key).isInstanceOf(Map.class);
            current = ((Map<String, Object>) current).get(key);
        }
        return (Map<String, Object>) current;
    }

    Map<String, Object> responses(String path, String method) {
        return map(document, "paths", path, method, "responses");
    }

    static void assertProblem(Map<String, Object> responses, String status) {
        assertThat(responses).as("response " + status).containsKey(status);
        Map<String, Object> schema =
                map(responses, status, "content", "application/problem+json", "schema");
        assertThat(schema)
                .as("schema of " + status)
                .containsEntry("$ref", "#/components/schemas/Problem");
        assertThat((String) map(responses, status).get("description")).isNotBlank();
    }

    @Test
    void a_secured_get_with_a_path_parameter_documents_400_401_403_404() {
        Map<String, Object> responses = responses("/probes/hardware/{id}", "get");
        for (String status : List.of("400", "401", "403", "404")) {
            assertProblem(responses, status);
        }
        assertThat(responses).doesNotContainKeys("409", "412", "422", "428");
        assertThat(map(responses, "404").get("description"))
                .as("a documented response is kept")
                .isEqualTo("ハードウェアがありません。 No hardware with this id.");
    }

    @Test
    void a_put_with_if_match_documents_409_412_422_428() {
        Map<String, Object> responses = responses("/widgets/{id}", "put");
        for (String status : List.of("400", "401", "403", "404", "409", "412", "422", "428")) {
            assertProblem(responses, status);
        }
        Map<String, Object> create = responses("/widgets", "post");
        for (String status : List.of("400", "401", "403", "409", "422")) {
            assertProblem(create, status);
        }
        assertThat(create).doesNotContainKeys("404", "412", "428");
    }

    @Test
    void the_problem_schema_is_in_the_components() {
        Map<String, Object> schema = map(document, "components", "schemas", "Problem");
        assertThat(map(schema, "properties"))
                .containsKeys(
                        "type",
                        "title",
                        "status",
                        "detail",
                        "instance",
                        "rule",
                        "errors",
                        "conflicts");
    }

    @Test
    @SuppressWarnings("unchecked")
    void enum_query_parameters_are_enums() {
        List<Map<String, Object>> parameters =
                (List<Map<String, Object>>)
                        map(document, "paths", "/probes/colours", "get").get("parameters");
        Map<String, Object> colour =
                parameters.stream()
                        .filter(p -> "colour".equals(p.get("name")))
                        .findFirst()
                        .orElseThrow();
        assertThat(colour.get("in")).isEqualTo("query");
        Map<String, Object> schema = (Map<String, Object>) colour.get("schema");
        if (schema.containsKey("$ref")) {
            String name = ((String) schema.get("$ref")).substring("#/components/schemas/".length());
            schema = map(document, "components", "schemas", name);
        }
        assertThat((List<String>) schema.get("enum")).containsExactly("RED", "GREEN", "BLUE");
    }
}
