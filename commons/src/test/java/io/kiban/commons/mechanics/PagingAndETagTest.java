package io.kiban.commons.mechanics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
class PagingAndETagTest {

    private static String create() {
        return given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(ProblemResponsesTest.body(ProblemResponsesTest.unique(), "SMALL", 1))
                .post("/widgets")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
    }

    @Test
    void lists_are_paged_with_total_and_links() {
        for (int i = 0; i < 3; i++) {
            create();
        }
        Response r =
                given().auth()
                        .oauth2(Tokens.jpoAdmin())
                        .queryParam("page", 1)
                        .queryParam("size", 2)
                        .get("/widgets");
        r.then().statusCode(200);
        long total = Long.parseLong(r.header("X-Total-Count"));
        assertThat(total).isGreaterThanOrEqualTo(3);
        assertThat(r.jsonPath().getList("$")).hasSizeLessThanOrEqualTo(2);
        String link = r.header("Link");
        assertThat(link)
                .contains("rel=\"first\"")
                .contains("rel=\"prev\"")
                .contains("rel=\"last\"")
                .contains("page=0")
                .contains("size=2");
        if (total > 4) {
            assertThat(link).contains("rel=\"next\"").contains("page=2");
        }
    }

    @Test
    void page_size_above_the_cap_is_400() {
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .queryParam("size", 10_000)
                .get("/widgets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("size"));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .queryParam("page", -1)
                .get("/widgets")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("page"));
    }

    @Test
    @org.junit.jupiter.api.DisplayName(
            "SEC_paging_overflow: page × size beyond 2^31 - 1 is 400 naming page, not a 500 (#15 item 10)")
    void SEC_paging_overflow_is_400_not_500() {
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .queryParam("page", Integer.MAX_VALUE)
                .queryParam("size", 200)
                .get("/widgets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("page"));
        // 10,737,418 × 200 = 2,147,483,600; its last row 2,147,483,800 is past 2,147,483,647
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .queryParam("page", 10_737_418)
                .queryParam("size", 200)
                .get("/widgets")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("page"));
        // 10,737,417 × 200 = 2,147,483,400; its last row 2,147,483,600 still fits: an empty page,
        // not an error
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .queryParam("page", 10_737_417)
                .queryParam("size", 200)
                .get("/widgets")
                .then()
                .statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void get_carries_the_version_as_etag_and_updates_need_if_match() {
        String location = create();
        String etag =
                given().auth()
                        .oauth2(Tokens.jpoAdmin())
                        .get(location)
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("ETag");
        assertThat(etag).isEqualTo("\"0\"");
        String update = ProblemResponsesTest.body(ProblemResponsesTest.unique(), "LARGE", 2);

        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(update)
                .put(location)
                .then()
                .statusCode(428)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kiban:problem:precondition-required"));

        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(update)
                .put(location)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("kind", equalTo("LARGE"));

        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(update)
                .put(location)
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kiban:problem:precondition-failed"));

        given().auth().oauth2(Tokens.jpoAdmin()).delete(location).then().statusCode(428);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", etag)
                .delete(location)
                .then()
                .statusCode(412);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", "\"1\"")
                .delete(location)
                .then()
                .statusCode(204);
        given().auth().oauth2(Tokens.jpoAdmin()).get(location).then().statusCode(404);
    }
}
