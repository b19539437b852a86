package io.kiban.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests to one of the services, as a demo user, with a real Keycloak token. */
public final class Api {

    private static final RestAssuredConfig CONFIG =
            RestAssuredConfig.config()
                    .httpClient(
                            HttpClientConfig.httpClientConfig()
                                    .setParam("http.connection.timeout", 5000)
                                    .setParam("http.socket.timeout", 60000));

    private Api() {}

    /** e.g. {@code Api.as(Tokens.VENDOR_A, "asset").body(...).post("/hardware")} */
    public static RequestSpecification as(String user, String svc) {
        return given().config(CONFIG)
                .baseUri(Suite.get().url(svc))
                .auth()
                .oauth2(Tokens.of(user))
                .contentType(ContentType.JSON)
                .accept("application/json, application/problem+json");
    }

    /** The same with an explicit token (a fresh one, a service token, …). */
    public static RequestSpecification withToken(String token, String svc) {
        return given().config(CONFIG)
                .baseUri(Suite.get().url(svc))
                .auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .accept("application/json, application/problem+json");
    }

    /**
     * Every element of a paged list ({@code ?page=&size=}, commons: size ≤ 200, {@code
     * X-Total-Count}), page by page; {@code query} holds the other parameters.
     */
    public static java.util.List<java.util.Map<String, Object>> all(
            String user, String svc, String path, java.util.Map<String, ?> query) {
        java.util.List<java.util.Map<String, Object>> all = new java.util.ArrayList<>();
        for (int page = 0; page < 1000; page++) {
            var r =
                    as(user, svc)
                            .queryParams(query)
                            .queryParam("page", page)
                            .queryParam("size", 200)
                            .get(path)
                            .then()
                            .statusCode(200)
                            .extract();
            java.util.List<java.util.Map<String, Object>> rows = r.jsonPath().getList("$");
            all.addAll(rows);
            String total = r.header("X-Total-Count");
            if (rows.isEmpty() || total == null || all.size() >= Long.parseLong(total)) {
                return all;
            }
        }
        throw new IllegalStateException(path + ": more than 1000 pages");
    }

    public static RequestSpecification anonymous(String svc) {
        return given().config(CONFIG).baseUri(Suite.get().url(svc)).contentType(ContentType.JSON);
    }
}
