package io.kiban.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console (issue #17) in a real browser: its packaged jar on port base+5 (profile e2e),
 * headless Chromium (Debian's chromium + chromium-driver, which scripts/e2e.sh installs when
 * missing) through the REAL Keycloak login page of the dev realm, against the four packaged
 * services the suite runs.
 *
 * <ul>
 *   <li>jpo-admin2 proposes a handler through lifecycle-service's API; jpo-admin1 signs in, sees it
 *       counted on the dashboard, approves it from 承認待ち with a typed reason — the page sends the
 *       version it showed as If-Match, which is the ETag lifecycle-service answers — and the
 *       dashboard's count goes down (R-SEC-1, R-SEC-2).
 *   <li>Every page (dashboard, inbox, ledger, maintenance, backup, removal, audit) renders with no
 *       section reporting a service it could not reach, is screenshotted to docs/console/*.png, and
 *       axe-core (npm, injected into the page) finds no serious or critical violation.
 *   <li>An xlsx download works with the browser's session only (no bearer token in the page).
 *   <li>vendor-b1 signs in and sees none of vendor-a's tickets on 保守 and no decision buttons on
 *       承認待ち.
 * </ul>
 *
 * The class changes the story's state only by one handler of its own (a Keycloak account it creates
 * for vendor-a); it runs after the drills and before {@link StoryRemovalE2E}. Needs vendor-a's
 * ticket of StoryE2E step 4.
 */
@Order(10)
@DisplayName("The console in a real browser (issue #17)")
class ConsoleBrowserE2E {

    static final String HANDLER_ACCOUNT = "console-e2e-handler1";
    static final List<String> PAGES =
            List.of("dashboard", "inbox", "ledger", "maintenance", "backup", "removal", "audit");
    static final Map<String, String> PATHS =
            Map.of(
                    "dashboard",
                    "/",
                    "inbox",
                    "/inbox",
                    "ledger",
                    "/ledger",
                    "maintenance",
                    "/maintenance",
                    "backup",
                    "/backup",
                    "removal",
                    "/removal",
                    "audit",
                    "/audit");
    static final Map<String, String> TITLES =
            Map.of(
                    "dashboard",
                    "ダッシュボード",
                    "inbox",
                    "承認待ち",
                    "ledger",
                    "台帳",
                    "maintenance",
                    "保守",
                    "backup",
                    "バックアップ",
                    "removal",
                    "撤去",
                    "audit",
                    "監査");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Process console;
    private static String consoleUrl;
    private static String axeSource;
    private static final List<WebDriver> DRIVERS = new ArrayList<>();
    private static WebDriver admin;
    private static long handlerId;

    @BeforeAll
    static void start() throws Exception {
        Suite suite = Suite.get();
        // the port after the services' (base+5), as lib.sh's KIBAN_CONSOLE_PORT follows theirs
        int port = suite.portBase + Suite.SERVICES.size() + 1;
        consoleUrl = "http://127.0.0.1:" + port;
        Path axe =
                Path.of(
                        System.getProperty(
                                "e2e.axe",
                                suite.home
                                        .resolve("../node/node_modules/axe-core/axe.min.js")
                                        .toString()));
        assertThat(axe).as("axe-core (scripts/e2e.sh installs it with npm)").isRegularFile();
        axeSource = Files.readString(axe);
        allowConsoleRedirects(port);
        ensureHandlerAccount();
        console = startConsole(suite, port);
        awaitReady(port);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (WebDriver d : DRIVERS) {
            try {
                d.quit();
            } catch (RuntimeException e) {
                // the browser is gone already
            }
        }
        if (console != null) {
            console.destroy();
            if (!console.waitFor(20, TimeUnit.SECONDS)) {
                console.destroyForcibly();
            }
        }
    }

    @Test
    @Order(1)
    @DisplayName(
            "R-SEC-1/R-SEC-2: jpo-admin1 approves jpo-admin2's handler proposal from 承認待ち (If-Match of the version shown, reason typed); the dashboard's count goes down")
    void approveHandlerFromInbox() {
        // the proposal, through the API as the story makes them (jpo-admin proposes for the
        // organisation)
        Map<String, Object> proposal = new LinkedHashMap<>(DemoHandlers.proposal(Tokens.VENDOR_A));
        proposal.put("name", "コンソール 試験担当");
        proposal.put("accountId", HANDLER_ACCOUNT);
        handlerId =
                ((Number)
                                Api.as(Tokens.JPO_ADMIN2, "lifecycle")
                                        .body(proposal)
                                        .post("/handlers")
                                        .then()
                                        .log()
                                        .ifValidationFails()
                                        .statusCode(201)
                                        .extract()
                                        .path("id"))
                        .longValue();
        String etag =
                Api.as(Tokens.JPO_ADMIN, "lifecycle")
                        .get("/handlers/" + handlerId)
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("ETag");

        admin = login(Tokens.JPO_ADMIN);
        int before = handlerCount(admin);
        assertThat(before)
                .as("handlers waiting on the dashboard, ours included")
                .isGreaterThanOrEqualTo(1);

        open(admin, "/inbox");
        WebElement item = admin.findElement(By.id("item-handler-" + handlerId));
        assertThat(item.getText())
                .contains("コンソール 試験担当")
                .contains("vendor-a")
                .contains("jpo-admin2");
        WebElement form = item.findElement(By.cssSelector("form.decision"));
        assertThat(form.findElement(By.name("version")).getAttribute("value"))
                .as(
                        "the version the page shows and will send as If-Match is lifecycle-service's ETag")
                .isEqualTo(etag);
        screenshot(admin, "inbox");
        assertNoSeriousViolations(admin, "inbox");

        form.findElement(By.name("reason")).sendKeys("経歴と所属を確認しました");
        form.findElement(By.cssSelector("button[value='approve']")).click();
        WebElement status =
                new WebDriverWait(admin, Duration.ofSeconds(30))
                        .until(
                                ExpectedConditions.visibilityOfElementLocated(
                                        By.cssSelector("p.message[role='status']")));
        assertThat(status.getText()).isEqualTo("情報取扱者の承認（R-SEC-1） #" + handlerId + " を承認しました。");
        assertThat(admin.findElements(By.id("item-handler-" + handlerId)))
                .as("no longer waiting")
                .isEmpty();

        var approved =
                Api.as(Tokens.JPO_ADMIN, "lifecycle")
                        .get("/handlers/" + handlerId)
                        .then()
                        .statusCode(200)
                        .extract();
        assertThat((String) approved.path("status")).isEqualTo("APPROVED");
        assertThat(approved.header("ETag"))
                .as("a new version after the decision")
                .isNotEqualTo(etag);
        assertThat(approved.asString()).contains(Tokens.JPO_ADMIN);

        assertThat(handlerCount(admin))
                .as("the dashboard after the approval")
                .isEqualTo(before - 1);
    }

    @Test
    @Order(2)
    @DisplayName(
            "every page renders with all four services answering, is screenshotted to docs/console/, and axe-core finds no serious or critical violation")
    void everyPage() {
        WebDriver d = admin != null ? admin : login(Tokens.JPO_ADMIN);
        for (String page : PAGES) {
            open(d, PATHS.get(page));
            assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo(TITLES.get(page));
            assertThat(d.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ja");
            List<String> errors =
                    d.findElements(By.cssSelector("main .error")).stream()
                            .map(WebElement::getText)
                            .toList();
            assertThat(errors).as(page + ": sections that could not read their service").isEmpty();
            if (!"inbox".equals(page) || !Files.exists(docs().resolve("inbox.png"))) {
                screenshot(d, page);
            }
            assertNoSeriousViolations(d, page);
        }
        // the dashboard draws the phases (an SVG timeline) and counts what waits
        open(d, "/");
        assertThat(d.findElements(By.cssSelector("#section-phases svg"))).isNotEmpty();
        assertThat(d.findElement(By.id("section-approvals")).getText()).contains("情報取扱者の承認");
        // 監査: every chain verified valid when the page opened
        open(d, "/audit");
        assertThat(d.findElements(By.cssSelector("#section-audit td.ok"))).hasSize(4);
    }

    @Test
    @Order(3)
    @DisplayName(
            "downloads go through the console with the browser's session only (standard sheet xlsx)")
    void downloadWithTheSession() {
        WebDriver d = admin != null ? admin : login(Tokens.JPO_ADMIN);
        open(d, "/ledger");
        assertThat(
                        d.findElement(
                                        By.cssSelector(
                                                "a[href='/files/asset/exports/standard-sheet.xlsx']"))
                                .getText())
                .contains("xlsx");
        Object r =
                ((JavascriptExecutor) d)
                        .executeAsyncScript(
                                """
                const done = arguments[arguments.length - 1];
                fetch('/files/asset/exports/standard-sheet.xlsx', {credentials: 'same-origin'})
                  .then(r => r.arrayBuffer().then(b => done(r.status + ' ' + r.headers.get('content-type') + ' '
                      + b.byteLength + ' ' + new Uint8Array(b.slice(0, 2)).join(','))))
                  .catch(e => done('ERR ' + e));
                """);
        String[] parts = String.valueOf(r).split(" ");
        assertThat(parts[0]).as("status of the download: " + r).isEqualTo("200");
        assertThat(parts[1]).contains("spreadsheetml");
        assertThat(Long.parseLong(parts[2])).isGreaterThan(1000);
        assertThat(parts[3]).as("a zip (xlsx) starts with PK").isEqualTo("80,75");
    }

    @Test
    @Order(4)
    @DisplayName(
            "R-SEC-2 by organisation: vendor-b1 sees none of vendor-a's tickets on 保守 and no decision buttons")
    void vendorBSeesNoVendorATicket() {
        List<Map<String, Object>> all =
                Api.all(Tokens.JPO_ADMIN, "maintenance", "/tickets", Map.of());
        List<String> vendorA =
                all.stream()
                        .filter(t -> "vendor-a".equals(t.get("organisation")))
                        .map(t -> String.valueOf(t.get("id")))
                        .toList();
        assertThat(vendorA)
                .as("vendor-a's tickets (StoryE2E step 4 files one; run this class after it)")
                .isNotEmpty();

        // jpo-admin sees them in the browser …
        WebDriver d = admin != null ? admin : login(Tokens.JPO_ADMIN);
        open(d, "/maintenance");
        Set<String> shownToAdmin = ticketLinks(d);
        assertThat(shownToAdmin)
                .containsAll(vendorA.stream().map(id -> "/maintenance/tickets/" + id).toList());

        // … vendor-b1 sees none of them, only its own organisation's
        WebDriver b = login(Tokens.VENDOR_B);
        open(b, "/maintenance");
        assertThat(b.findElement(By.tagName("header")).getText()).contains("vendor-b");
        Set<String> shownToB = ticketLinks(b);
        for (String id : vendorA) {
            assertThat(shownToB).doesNotContain("/maintenance/tickets/" + id);
        }
        List<WebElement> rows = b.findElements(By.cssSelector("#section-tickets table tbody tr"));
        for (WebElement row : rows) {
            assertThat(row.getText()).doesNotContain("vendor-a");
        }
        assertNoSeriousViolations(b, "maintenance (vendor-b1)");
        // a vendor-a ticket opened by its address: the service's 404, shown as an error, nothing of
        // the ticket
        open(b, "/maintenance/tickets/" + vendorA.get(0));
        assertThat(b.findElement(By.id("section-ticket")).getText())
                .doesNotContain("vendor-a")
                .contains("見つかりません");

        open(b, "/inbox");
        assertThat(b.findElements(By.cssSelector("form.decision")))
                .as("no decision buttons for a vendor")
                .isEmpty();
        assertNoSeriousViolations(b, "inbox (vendor-b1)");
    }

    // ---------------------------------------------------------------- browser

    static WebDriver newDriver() {
        ChromeOptions options = new ChromeOptions();
        String chromium = System.getProperty("e2e.chromium", "/usr/bin/chromium");
        options.setBinary(chromium);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1280,900",
                "--lang=ja-JP",
                "--no-first-run",
                "--disable-extensions");
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(
                                Path.of(
                                                System.getProperty(
                                                        "e2e.chromedriver",
                                                        "/usr/bin/chromedriver"))
                                        .toFile())
                        .usingAnyFreePort()
                        .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage()
                .timeouts()
                .pageLoadTimeout(Duration.ofSeconds(60))
                .scriptTimeout(Duration.ofSeconds(60));
        DRIVERS.add(driver);
        return driver;
    }

    /**
     * Opens the console, is sent to the real Keycloak login page, signs in and lands on the
     * dashboard.
     */
    static WebDriver login(String user) {
        WebDriver d = newDriver();
        d.get(consoleUrl + "/");
        WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(d.getCurrentUrl())
                .as("the real Keycloak login page")
                .startsWith(Suite.get().keycloakUrl + "/realms/kiban/protocol/openid-connect/auth")
                .contains("client_id=kiban-console")
                .contains("code_challenge_method=S256");
        d.findElement(By.id("username")).sendKeys(user);
        d.findElement(By.id("password")).sendKeys(user);
        d.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.urlMatches("^" + Pattern.quote(consoleUrl) + "/?$"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("ダッシュボード");
        assertThat(d.findElement(By.cssSelector("header .who")).getText()).contains(user);
        return d;
    }

    static void open(WebDriver d, String path) {
        d.get(consoleUrl + path);
        new WebDriverWait(d, Duration.ofSeconds(60))
                .until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
    }

    /** The dashboard's count of handler proposals waiting (section 承認待ち). */
    static int handlerCount(WebDriver d) {
        open(d, "/");
        String text = d.findElement(By.id("section-approvals")).getText();
        Matcher m = Pattern.compile("情報取扱者の承認（R-SEC-1）\\s*(\\d+)\\s*件").matcher(text);
        assertThat(m.find()).as("the dashboard counts the handlers waiting: " + text).isTrue();
        return Integer.parseInt(m.group(1));
    }

    static Set<String> ticketLinks(WebDriver d) {
        Set<String> out = new java.util.HashSet<>();
        for (WebElement a :
                d.findElements(
                        By.cssSelector("#section-tickets a[href^='/maintenance/tickets/']"))) {
            out.add(URI.create(a.getAttribute("href")).getPath());
        }
        return out;
    }

    static Path docs() {
        return Suite.get().repo.resolve("docs/console");
    }

    /** The whole page (the window grown to the page's height) as docs/console/{name}.png. */
    static void screenshot(WebDriver d, String name) {
        long height =
                ((Number)
                                ((JavascriptExecutor) d)
                                        .executeScript(
                                                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)"))
                        .longValue();
        Dimension size = d.manage().window().getSize();
        d.manage()
                .window()
                .setSize(new Dimension(1280, (int) Math.min(Math.max(height + 120, 900), 6000)));
        try {
            byte[] png = ((TakesScreenshot) d).getScreenshotAs(OutputType.BYTES);
            Files.createDirectories(docs());
            Files.write(docs().resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            d.manage().window().setSize(size);
        }
    }

    /** axe-core injected into the page as it is: no violation of impact serious or critical. */
    static void assertNoSeriousViolations(WebDriver d, String page) {
        JavascriptExecutor js = (JavascriptExecutor) d;
        js.executeScript(axeSource);
        Object out =
                js.executeAsyncScript(
                        """
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(r => done(JSON.stringify({version: axe.version, passes: r.passes.length,
                      violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                      nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))})))
                  .catch(e => done(JSON.stringify({passes: 0, violations: [{id: 'axe-error', impact: 'critical',
                      help: String(e), nodes: []}]})));
                """);
        List<String> serious = new ArrayList<>();
        List<String> minor = new ArrayList<>();
        JsonNode result;
        try {
            result = JSON.readTree(String.valueOf(out));
            for (JsonNode v : result.path("violations")) {
                String line =
                        v.path("impact").asText()
                                + " "
                                + v.path("id").asText()
                                + " ("
                                + v.path("help").asText()
                                + ") at "
                                + v.path("nodes");
                if (Set.of("serious", "critical").contains(v.path("impact").asText())) {
                    serious.add(line);
                } else {
                    minor.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(
                "[axe "
                        + result.path("version").asText()
                        + "] "
                        + page
                        + ": "
                        + serious.size()
                        + " serious/critical, "
                        + minor.size()
                        + " moderate/minor, "
                        + result.path("passes").asInt()
                        + " rules passed"
                        + (minor.isEmpty() ? "" : " " + minor));
        assertThat(serious).as("axe-core on " + page).isEmpty();
        // axe really looked at the page (its rules ran: a page it could not read passes none)
        assertThat(result.path("passes").asInt())
                .as("axe-core rules that passed on " + page)
                .isGreaterThan(10);
    }

    // ---------------------------------------------------------------- the console process and
    // Keycloak

    /**
     * The dev realm lets kiban-console redirect to port 8085 only (./kiban up); the suite's console
     * listens on base+5, so its redirect URI is added to the client of this run's Keycloak (a fresh
     * import every run).
     */
    static void allowConsoleRedirects(int port) throws Exception {
        String token = adminToken();
        String kc = Suite.get().keycloakUrl;
        List<Map<String, Object>> clients =
                given().baseUri(kc)
                        .auth()
                        .oauth2(token)
                        .queryParam("clientId", "kiban-console")
                        .get("/admin/realms/kiban/clients")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("$");
        assertThat(clients).as("client kiban-console in the dev realm").hasSize(1);
        String id = (String) clients.get(0).get("id");
        JsonNode client =
                JSON.readTree(
                        given().baseUri(kc)
                                .auth()
                                .oauth2(token)
                                .get("/admin/realms/kiban/clients/" + id)
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString());
        String uri = "http://127.0.0.1:" + port + "/*";
        var redirects = (com.fasterxml.jackson.databind.node.ArrayNode) client.path("redirectUris");
        boolean present = false;
        for (JsonNode r : redirects) {
            present |= uri.equals(r.asText());
        }
        if (!present) {
            redirects.add(uri);
            var attributes =
                    (com.fasterxml.jackson.databind.node.ObjectNode) client.path("attributes");
            String logout = attributes.path("post.logout.redirect.uris").asText("");
            attributes.put(
                    "post.logout.redirect.uris", logout.isEmpty() ? uri : logout + "##" + uri);
            given().baseUri(kc)
                    .auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(client.toString())
                    .put("/admin/realms/kiban/clients/" + id)
                    .then()
                    .statusCode(204);
        }
    }

    /**
     * The Keycloak account of this class's handler proposal (R-SEC-1: it must exist and belong to
     * vendor-a).
     */
    static void ensureHandlerAccount() {
        String token = adminToken();
        String kc = Suite.get().keycloakUrl;
        List<?> existing =
                given().baseUri(kc)
                        .auth()
                        .oauth2(token)
                        .queryParam("username", HANDLER_ACCOUNT)
                        .queryParam("exact", true)
                        .get("/admin/realms/kiban/users")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("$");
        if (existing.isEmpty()) {
            Map<String, Object> user =
                    Map.of(
                            "username",
                            HANDLER_ACCOUNT,
                            "enabled",
                            true,
                            "firstName",
                            "試験",
                            "lastName",
                            "コンソール",
                            "email",
                            HANDLER_ACCOUNT + "@vendor-a.example",
                            "attributes",
                            Map.of("org", List.of("vendor-a")));
            given().baseUri(kc)
                    .auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(user)
                    .post("/admin/realms/kiban/users")
                    .then()
                    .statusCode(201);
        }
    }

    static String adminToken() {
        return given().baseUri(Suite.get().keycloakUrl)
                .formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", System.getProperty("e2e.keycloak.admin", "admin"))
                .formParam("password", System.getProperty("e2e.keycloak.admin-password", "admin"))
                .post("/realms/master/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /**
     * The console's packaged jar (copied first, like the services), profile e2e, calling the
     * suite's services.
     */
    static Process startConsole(Suite suite, int port) throws IOException {
        Path app = suite.repo.resolve("console/target/quarkus-app");
        assertThat(app.resolve("quarkus-run.jar"))
                .as("the packaged console (./mvnw package)")
                .isRegularFile();
        Path copy = suite.home.resolve("apps").resolve("console");
        if (!Files.isRegularFile(copy.resolve("quarkus-run.jar"))) {
            try (var files = Files.walk(app)) {
                for (Path source : (Iterable<Path>) files::iterator) {
                    Path target = copy.resolve(app.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                }
            }
        }
        List<String> cmd =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Xmx256m",
                                "-Dquarkus.profile=e2e",
                                "-Dquarkus.http.port=" + port,
                                "-Dquarkus.http.host=127.0.0.1",
                                "-Dquarkus.log.console.json.enabled=false",
                                // a loaded 2-core CI machine: the test asserts that every section
                                // answered, so give them time
                                "-Dkiban.console.section-timeout="
                                        + System.getProperty("e2e.console.section-timeout", "30s"),
                                "-Dkiban.console.connect-timeout=5s",
                                "-jar",
                                copy.resolve("quarkus-run.jar").toString()));
        ProcessBuilder pb =
                new ProcessBuilder(cmd).directory(suite.repo.resolve("console").toFile());
        Map<String, String> env = pb.environment();
        env.put("KIBAN_OIDC_URL", suite.keycloakUrl + "/realms/kiban");
        env.put("KIBAN_OIDC_CLIENT_ID", "kiban-console");
        env.put("KIBAN_OIDC_CLIENT_SECRET", "console-secret");
        for (String svc : Suite.SERVICES) {
            env.put("KIBAN_" + svc.toUpperCase() + "_URL", suite.url(svc));
        }
        Files.createDirectories(suite.home.resolve("logs"));
        pb.redirectErrorStream(true)
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(
                                suite.home.resolve("logs/console.log").toFile()));
        return pb.start();
    }

    static void awaitReady(int port) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Suite.READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!console.isAlive()) {
                throw new IllegalStateException(
                        "console exited during start-up (exit "
                                + console.exitValue()
                                + "); log: "
                                + Suite.get().home.resolve("logs/console.log"));
            }
            try {
                HttpResponse<String> r =
                        http.send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://127.0.0.1:"
                                                                + port
                                                                + "/q/health/ready"))
                                        .timeout(Duration.ofSeconds(3))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("console not ready after " + Suite.READY_TIMEOUT);
    }
}
