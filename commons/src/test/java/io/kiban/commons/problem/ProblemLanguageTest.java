package io.kiban.commons.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * #17: problems answer in Japanese when Accept-Language prefers it (title and detail only), in
 * English otherwise; Content-Language says which, Vary: Accept-Language tells caches.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
class ProblemLanguageTest {

    static RequestSpecification ja() {
        return given().auth().oauth2(Tokens.jpoAdmin()).header("Accept-Language", "ja");
    }

    static RequestSpecification en() {
        return given().auth().oauth2(Tokens.jpoAdmin()).header("Accept-Language", "en");
    }

    static String widget(String name, String kind, Object quantity) {
        return "{\"name\":\""
                + name
                + "\",\"kind\":\""
                + kind
                + "\",\"quantity\":"
                + quantity
                + "}";
    }

    @Test
    void not_found_in_japanese_and_english() {
        ja().get("/probes/hardware/42")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .header("Content-Language", "ja")
                .header("Vary", containsString("Accept-Language"))
                .body("type", equalTo("urn:kiban:problem:not-found"))
                .body("status", equalTo(404))
                .body("instance", equalTo("/probes/hardware/42"))
                .body("title", equalTo("見つかりません"))
                .body("detail", equalTo("ハードウェア 42 は存在しません"));
        en().get("/probes/hardware/42")
                .then()
                .statusCode(404)
                .header("Content-Language", "en")
                .header("Vary", containsString("Accept-Language"))
                .body("title", equalTo("Not found"))
                .body("detail", equalTo("hardware 42 does not exist"));
    }

    @Test
    void no_accept_language_is_english_with_vary() {
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .get("/probes/hardware/7")
                .then()
                .statusCode(404)
                .header("Content-Language", "en")
                .header("Vary", containsString("Accept-Language"))
                .body("title", equalTo("Not found"))
                .body("detail", equalTo("hardware 7 does not exist"));
    }

    @Test
    @DisplayName(
            "quality values: en;q=0.9, ja → ja; ja-JP → ja; ja;q=0.5, en → en; fr → en; ja;q=0 → en")
    void quality_values_choose_the_language() {
        String[][] cases = {
            {"en;q=0.9, ja", "見つかりません"},
            {"ja-JP", "見つかりません"},
            {"ja-JP,ja;q=0.9,en-US;q=0.8,en;q=0.7", "見つかりません"},
            {"ja;q=0.5, en", "Not found"},
            {"fr", "Not found"},
            {"fr, ja;q=0.3", "見つかりません"},
            {"ja;q=0, *", "Not found"},
            {"*", "Not found"},
        };
        for (String[] c : cases) {
            given().auth()
                    .oauth2(Tokens.jpoAdmin())
                    .header("Accept-Language", c[0])
                    .get("/probes/hardware/1")
                    .then()
                    .statusCode(404)
                    .body("title", equalTo(c[1]));
        }
    }

    @Test
    void validation_problem_in_both_languages_keeps_the_errors() {
        ja().contentType(ContentType.JSON)
                .body("{\"quantity\":1}")
                .post("/widgets")
                .then()
                .statusCode(400)
                .header("Content-Language", "ja")
                .body("type", equalTo("urn:kiban:problem:validation"))
                .body("title", equalTo("入力内容に誤りがあります"))
                .body("detail", equalTo("kind: null は許可されていません; name: 空白は許可されていません"))
                .body("errors.field", hasItem("kind"))
                .body("errors.field", hasItem("name"))
                .body("errors.message", hasItem("must not be null"));
        en().contentType(ContentType.JSON)
                .body("{\"quantity\":1}")
                .post("/widgets")
                .then()
                .statusCode(400)
                .body("title", equalTo("Invalid request"))
                .body("detail", equalTo("kind: must not be null; name: must not be blank"));
    }

    @Test
    void wrong_enum_in_body_lists_the_values_in_japanese() {
        ja().contentType(ContentType.JSON)
                .body(widget("w-" + UUID.randomUUID(), "HUGE", 1))
                .post("/widgets")
                .then()
                .statusCode(400)
                .body("detail", equalTo("kind: SMALL, LARGE のいずれかを指定してください"))
                .body("errors.field", hasItem("kind"));
    }

    @Test
    void malformed_json_and_unknown_property() {
        ja().contentType(ContentType.JSON)
                .body("{\"name\": ")
                .post("/widgets")
                .then()
                .statusCode(400)
                .body("title", equalTo("JSON の形式が正しくありません"))
                .body("detail", startsWith("本文が"));
        ja().contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"kind\":\"SMALL\",\"quantity\":1,\"colour\":\"red\"}")
                .post("/widgets")
                .then()
                .statusCode(400)
                .body("detail", equalTo("不明な項目 'colour' です"))
                .body("errors.field", hasItem("colour"));
    }

    @Test
    void bad_field_names_the_field_in_japanese() {
        ja().get("/probes/bad-field")
                .then()
                .statusCode(400)
                .body("title", equalTo("入力内容に誤りがあります"))
                .body("detail", equalTo("serial: 値が正しくありません（must not contain spaces）"))
                .body("errors[0].field", equalTo("serial"))
                .body("errors[0].message", equalTo("must not contain spaces"));
        en().get("/probes/bad-field")
                .then()
                .statusCode(400)
                .body("detail", equalTo("serial: must not contain spaces"));
        ja().get("/widgets?size=0")
                .then()
                .statusCode(400)
                .body("detail", equalTo("size: 1～200 の範囲で指定してください"))
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void unknown_route_and_unknown_reference() {
        ja().get("/no-such-thing")
                .then()
                .statusCode(404)
                .body("title", equalTo("見つかりません"))
                .body("detail", equalTo("該当するリソースはありません"));
        ja().contentType(ContentType.JSON)
                .body(
                        "{\"name\":\"w-"
                                + UUID.randomUUID()
                                + "\",\"kind\":\"SMALL\",\"quantity\":1,\"parentId\":987654321}")
                .post("/widgets")
                .then()
                .statusCode(422)
                .body("title", equalTo("参照先が存在しません"))
                .body("detail", equalTo("parentId が参照する 987654321 は存在しません"))
                .body("errors.field", hasItem("parentId"));
    }

    @Test
    void unauthenticated_and_forbidden() {
        given().header("Accept-Language", "ja")
                .get("/probes/hardware/1")
                .then()
                .statusCode(401)
                .header("Content-Language", "ja")
                .body("title", equalTo("認証が必要です"))
                .body("detail", equalTo("有効なベアラートークンが必要です"));
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .header("Accept-Language", "ja")
                .get("/probes/admin-only")
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:kiban:problem:forbidden"))
                .body("title", equalTo("この操作は許可されていません"))
                .body("detail", equalTo("あなたのロールではこの操作は許可されていません"));
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .header("Accept-Language", "en")
                .get("/probes/admin-only")
                .then()
                .statusCode(403)
                .body("title", equalTo("Forbidden"))
                .body("detail", equalTo("your role does not allow this"));
    }

    @Test
    void if_match_missing_428_and_stale_412() {
        String location =
                en().contentType(ContentType.JSON)
                        .body(widget("w-" + UUID.randomUUID(), "SMALL", 1))
                        .post("/widgets")
                        .then()
                        .statusCode(201)
                        .extract()
                        .header("Location");
        ja().contentType(ContentType.JSON)
                .body(widget("w-" + UUID.randomUUID(), "SMALL", 2))
                .put(location)
                .then()
                .statusCode(428)
                .body("type", equalTo("urn:kiban:problem:precondition-required"))
                .body("title", equalTo("前提条件が必要です：If-Match を送ってください"))
                .body("detail", equalTo("読み取った版の ETag を If-Match ヘッダーで送ってください"));
        ja().contentType(ContentType.JSON)
                .header("If-Match", "\"7\"")
                .body(widget("w-" + UUID.randomUUID(), "SMALL", 2))
                .put(location)
                .then()
                .statusCode(412)
                .body("title", equalTo("前提条件を満たしていません：リソースが変更されています"))
                .body("detail", equalTo("If-Match \"7\" は古くなっています。現在の版は \"0\" です"));
        en().contentType(ContentType.JSON)
                .header("If-Match", "\"7\"")
                .body(widget("w-" + UUID.randomUUID(), "SMALL", 2))
                .put(location)
                .then()
                .statusCode(412)
                .body("detail", equalTo("If-Match \"7\" is stale; the current version is \"0\""));
    }

    @Test
    void conflict_title_translated_and_blockers_unchanged() {
        ja().get("/probes/plain-conflict")
                .then()
                .statusCode(409)
                .body("title", equalTo("競合が発生しました"))
                .body("detail", equalTo("widget 9 is approved"))
                .body("conflicts[0].kind", equalTo("widget"))
                .body("conflicts[0].id", equalTo("9"))
                .body("conflicts[0].detail", equalTo("approved"));
    }

    @Test
    void too_large_413_and_wrong_media_type_415() {
        String big =
                "{\"name\":\"" + "x".repeat(1_100_000) + "\",\"kind\":\"SMALL\",\"quantity\":1}";
        ja().contentType(ContentType.JSON)
                .body(big)
                .post("/widgets")
                .then()
                .statusCode(413)
                .body("title", equalTo("要求の本文が大きすぎます"))
                .body("detail", containsString("1048576 バイト"));
        ja().contentType(ContentType.XML)
                .body("<widget/>")
                .post("/widgets")
                .then()
                .statusCode(415)
                .body("title", equalTo("サポートされていないメディアタイプです"))
                .body("detail", equalTo("このコンテンツタイプはここでは受け付けられません"));
    }

    @Test
    void unavailable_503_and_internal_500() {
        ja().get("/probes/outage")
                .then()
                .statusCode(503)
                .body("type", equalTo("urn:kiban:problem:service-unavailable"))
                .body("title", equalTo("サービスが一時的に利用できません"))
                .body("detail", equalTo("データベースに接続できません。しばらくしてから再試行してください"));
        ja().get("/probes/bug")
                .then()
                .statusCode(500)
                .body("type", equalTo("urn:kiban:problem:internal"))
                .body("title", equalTo("内部エラーが発生しました"))
                .body("detail", equalTo("予期しないエラーが発生しました。このエラーは記録されています"))
                .body(not(containsString("a bug")));
        en().get("/probes/bug")
                .then()
                .statusCode(500)
                .body("title", equalTo("Internal error"))
                .body("detail", equalTo("an unexpected error occurred; it has been logged"));
    }

    @Test
    @DisplayName(
            "R-MT-6 violation: Japanese rule sentence then the service's English detail; rule id unchanged")
    void rule_violation_detail_is_the_rule_sentence_then_the_english_detail() {
        ja().get("/probes/rule")
                .then()
                .statusCode(422)
                .header("Content-Language", "ja")
                .body("type", equalTo("urn:kiban:problem:rule-violation"))
                .body("rule", equalTo("R-MT-6"))
                .body("title", equalTo("業務規則に違反しています"))
                .body(
                        "detail",
                        equalTo(
                                "R-MT-6: データを保持する部品を取り外したチケットは、その各部品について特許庁が受理した"
                                        + "破壊の証跡がそろうまで完了できません。（ticket 7 cannot close: medium SN-1 has no accepted"
                                        + " destruction evidence）"));
        en().get("/probes/rule")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-MT-6"))
                .body("title", equalTo("Business rule violated"))
                .body(
                        "detail",
                        equalTo(
                                "ticket 7 cannot close: medium SN-1 has no accepted destruction evidence"));
    }

    @Test
    @DisplayName(
            "R-SEC-2 named only in the detail of a 409: the rule sentence is found from the detail")
    void rule_named_in_the_detail_only() {
        ja().get("/probes/rule-in-detail")
                .then()
                .statusCode(409)
                .body("rule", nullValue())
                .body(
                        "detail",
                        equalTo(
                                "R-SEC-2: 提案・提出・記録した者がそれを承認・受理することはできず、承認は承認した版"
                                        + "（If-Match）を指定します（職務の分離）。（R-SEC-2: whoever proposed handler 5 cannot approve it）"))
                .body("conflicts[0].kind", equalTo("handler"));
    }

    @Test
    void a_service_message_key_replaces_the_rule_sentence() {
        ja().get("/probes/rule-keyed")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-SAMPLE-1"))
                .body("detail", equalTo("R-SAMPLE-1: ウィジェットの数量 5000 は上限 1000 を超えています"));
        en().get("/probes/rule-keyed")
                .then()
                .statusCode(422)
                .body("detail", equalTo("quantity 5000 is above the limit of 1000"));
    }

    @Test
    void idempotency_key_refused_in_japanese() {
        ja().contentType(ContentType.JSON)
                .header("Idempotency-Key", "k-" + UUID.randomUUID())
                .body(widget("w-" + UUID.randomUUID(), "SMALL", 1))
                .post("/widgets/1/copies")
                .then()
                .statusCode(400)
                .body("title", equalTo("不正な要求です"))
                .body("detail", startsWith("この操作は Idempotency-Key を受け付けません"));
    }
}
