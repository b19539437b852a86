package io.kiban.lifecycle.removal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.kiban.lifecycle.testing.Fixtures;
import io.kiban.lifecycle.testing.Stubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The restoration notes of the removal checklist are the contracted vendor's to write (found by the
 * e2e matrix).
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(Stubs.class)
class RestorationNoteTest {

    @BeforeEach
    void reset() {
        Fixtures.reset();
        Stubs.reset();
    }

    @Test
    void R_RM_1_only_the_contracted_vendor_writes_a_restoration_note() {
        Map<String, String> note = Map.of("note", "ラック2台を撤去");
        given().auth()
                .oauth2(Tokens.vendor("vendor-b"))
                .contentType(ContentType.JSON)
                .body(note)
                .put("/removal/STAGING/checklist/RACKS/note")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .contentType(ContentType.JSON)
                .body(note)
                .put("/removal/STAGING/checklist/RACKS/note")
                .then()
                .statusCode(200)
                .body("vendorNote", equalTo("ラック2台を撤去"));
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/removal/STAGING/checklist")
                .then()
                .statusCode(200)
                .body("find { it.item == 'RACKS' }.vendorNote", equalTo("ラック2台を撤去"));
    }
}
