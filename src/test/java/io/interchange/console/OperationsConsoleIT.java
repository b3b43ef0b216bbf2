package io.interchange.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.interchange.model.CanonicalJson;
import io.interchange.support.AdminClient;
import io.interchange.support.Http;
import io.interchange.support.Orders;
import io.interchange.support.RunningInterchange;
import io.interchange.support.TestErp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operations console in a real browser (Debian's chromium, headless, driven through
 * chromium-driver) against a running Interchange: what ops and viewers see and do at /console/, and
 * Hawtio at /hawtio/. Screenshots of every page go to target/console-screenshots/.
 */
@Tag("browser")
class OperationsConsoleIT {

    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final Duration PAGE_WAIT = Duration.ofSeconds(30);

    private static TestErp erp;
    private static RunningInterchange interchange;
    private static Http api;
    private static AdminClient alice;
    private static String base;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        erp = TestErp.start();
        interchange = RunningInterchange.start(erp, Map.of(
                "interchange.processing.max-attempts", "2",
                "interchange.processing.redelivery-delay-ms", "100",
                "interchange.erp.breaker.minimum-calls", "1000",
                "interchange.admin.users", "alice:ops,victor:viewer",
                "interchange.admin.user.alice.password", "alice-secret",
                "interchange.admin.user.victor.password", "victor-secret"));
        api = interchange.http();
        alice = AdminClient.as(interchange, "alice", "alice-secret");
        base = "http://localhost:" + interchange.property("interchange.http.port");
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,900");
        // Debian's driver, named explicitly: Selenium Manager would try to download one
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build(), options);
    }

    @AfterEach
    void healErp() {
        erp.heal();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (interchange != null) {
            interchange.close();
        }
        if (erp != null) {
            erp.close();
        }
    }

    @Test
    void aWrongPasswordDoesNotLogIn() {
        logIn("alice", "not-her-password");

        WebElement error = waitFor(By.id("login-error"));
        await().atMost(PAGE_WAIT).until(() -> !error.getText().isBlank());
        assertThat(error.getText()).isEqualTo("Wrong user name or password.");
        assertThat(browser.findElement(By.id("nav")).isDisplayed()).isFalse();
        screenshot("login-refused");
    }

    @Test
    void opsReplaysADeadLetteredOrderAndWatchesItBecomeAccepted() {
        String documentId = deadLetteredOrder("console-shop", "CON-1");
        erp.heal();
        logIn("alice", "alice-secret");
        assertThat(waitFor(By.id("who")).getText()).isEqualTo("alice (ops)");
        screenshot("overview");

        open("#/dead-letters");
        waitFor(By.id("filter-partner")).sendKeys("console-shop");
        browser.findElement(By.cssSelector("#dead-letter-filters button[type=submit]")).click();
        String row = "tr.dead-letter[data-document='" + documentId + "']";
        assertThat(text(By.cssSelector(row))).contains("rest:console-shop:CON-1").contains("503");
        screenshot("dead-letters");
        click(By.cssSelector(row + " button.open"));
        WebElement payload = waitFor(By.id("dead-letter-payload"));
        assertThat(payload.getText()).contains("CON-1").contains("\"name\": \"***\"");
        assertThat(browser.findElement(By.id("dead-letter-headers")).getText()).contains("interchangeOriginalQueue");
        screenshot("dead-letter-open");

        browser.findElement(By.id("replay-one")).click();

        wait(Duration.ofSeconds(60)).until(ExpectedConditions.textToBe(By.id("document-state"), "accepted"));
        assertThat(browser.getCurrentUrl()).endsWith("#/documents/" + documentId);
        assertThat(steps()).contains("dead-lettered", "replayed", "accepted");
        screenshot("document-timeline");
        assertThat(erp.ordersFor("CON-1")).hasSize(1);

        open("#/audit");
        assertThat(text(By.cssSelector("tr.audit-entry"))).contains("alice").contains("replay").contains("ok");
        screenshot("audit");
    }

    @Test
    void aViewerSeesDeadLettersButCannotReplayThem() {
        String documentId = deadLetteredOrder("viewer-shop", "VIEW-1");
        logIn("victor", "victor-secret");
        assertThat(waitFor(By.id("who")).getText()).isEqualTo("victor (viewer)");

        open("#/dead-letters");
        String row = "tr.dead-letter[data-document='" + documentId + "']";
        click(By.cssSelector(row + " button.open"));
        String id = waitFor(By.id("dead-letter-open")).getAttribute("data-id");

        assertThat(browser.findElement(By.id("replay-one")).isEnabled()).isFalse();
        assertThat(browser.findElement(By.id("replay-selected")).isEnabled()).isFalse();
        assertThat(browser.findElement(By.id("viewer-note")).getText()).contains("viewer");
        // and the API refuses a viewer who forges the request in the page
        Object status = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/console/js/api.js').then(api => api.post('/dead-letters/' + arguments[0] + '/replay'))
                    .then(() => done(200), e => done(e.status));""", id);
        assertThat(status).isEqualTo(403L);
        screenshot("dead-letters-viewer");
        assertThat(alice.getJson("/admin/v1/documents/" + documentId).path("state").asText()).isEqualTo("dead-lettered");
    }

    @Test
    void opsSuspendsAndResumesAnIntake() {
        logIn("alice", "alice-secret");
        open("#/intakes");
        waitFor(By.cssSelector("tr.intake[data-intake='webhook-crm'] input.reason")).sendKeys("CRM sends test deals");
        click(By.cssSelector("tr.intake[data-intake='webhook-crm'] button.suspend"));

        wait(PAGE_WAIT).until(d -> text(By.cssSelector("tr.intake[data-intake='webhook-crm']")).contains("suspended by alice"));
        assertThat(alice.getJson("/admin/v1/intakes/webhook-crm").path("suspended").asBoolean()).isTrue();
        screenshot("intakes-suspended");

        click(By.cssSelector("tr.intake[data-intake='webhook-crm'] button.resume"));

        wait(PAGE_WAIT).until(d -> text(By.cssSelector("tr.intake[data-intake='webhook-crm']")).contains("running"));
        assertThat(alice.getJson("/admin/v1/intakes/webhook-crm").path("suspended").asBoolean()).isFalse();
        screenshot("intakes");
    }

    @Test
    void aPurchaseOrderIsFoundByPartnerAndNumberWithItsHops() {
        String documentId = post("search-shop", "PO-4711");
        awaitState(documentId, "accepted");
        logIn("victor", "victor-secret");

        open("#/documents");
        waitFor(By.id("search-partnerId")).sendKeys("search-shop");
        browser.findElement(By.id("search-externalNumber")).sendKeys("PO-4711");
        browser.findElement(By.id("search-submit")).click();

        assertThat(text(By.cssSelector("[data-document='" + documentId + "']"))).contains("rest:search-shop:PO-4711");
        assertThat(steps()).containsSubsequence("received", "erp-attempt", "accepted");
        screenshot("document-search");

        open("#/overview");
        wait(PAGE_WAIT).until(d -> !d.findElements(By.cssSelector("[data-series='rest/search-shop'] svg polyline")).isEmpty());
        assertThat(text(By.cssSelector("[data-series='rest/search-shop']"))).contains("accepted 1");
        screenshot("overview-charts");
    }

    @Test
    void theOverviewShowsEveryItemAndUpdatesItselfWithoutAReload() {
        logIn("victor", "victor-secret");
        open("#/overview");
        String node = alice.getJson("/admin/v1/cluster/instances").path("node").asText();

        assertThat(text(By.id("instances-alive"))).isEqualTo("1 of 1");
        assertThat(text(By.cssSelector("tr.instance[data-node='" + node + "']"))).contains("(this one)").contains("alive");
        assertThat(text(By.id("overdue-order-responses")))
                .isEqualTo(alice.getJson("/admin/v1/edi/order-responses/overdue").path("count").asText());
        for (String card : new String[] {"instances", "breaker", "queue-depth", "reload", "overdue",
                "overdue-order-responses", "suspended", "dlq-orders.dlq"}) {
            assertThat(browser.findElements(By.cssSelector(".card[data-test='" + card + "']"))).as(card).hasSize(1);
        }

        // a document arrives while the page is open: its chart appears with no navigation, no reload
        Object before = ((JavascriptExecutor) browser).executeScript("return performance.timeOrigin");
        awaitState(post("live-shop", "LIVE-1"), "accepted");
        wait(Duration.ofSeconds(60)).until(d -> text(By.cssSelector("[data-series='rest/live-shop']")).contains("accepted 1"));
        assertThat(((JavascriptExecutor) browser).executeScript("return performance.timeOrigin")).as("the same page").isEqualTo(before);
        screenshot("overview-live");
    }

    /** The instance list's view model, fed a cluster of three as GET /admin/v1/cluster/instances answers it. */
    @Test
    void theOverviewListsEveryInstanceOfACluster() throws IOException {
        logIn("victor", "victor-secret");
        Object model = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const member = (nodeId, alive, self) => ({ nodeId, alive, self, lastSeenAt: '2026-01-01T10:00:00Z',
                    version: '0.1.0', routes: { up: 58, total: 58 }, suspendedIntakes: [], leads: self ? ['ops-housekeeping'] : [] });
                import('/console/js/instances.js').then(m => done(JSON.stringify(m.instances({ node: 'gw-2',
                    instances: [member('gw-3', false, false), member('gw-1', true, false), member('gw-2', true, true)] }))));""");
        JsonNode view = CanonicalJson.mapper().readTree(String.valueOf(model));

        assertThat(view.path("summary").asText()).isEqualTo("2 of 3");
        assertThat(view.path("answeredBy").asText()).isEqualTo("gw-2");
        assertThat(view.path("rows").findValuesAsText("nodeId")).containsExactly("gw-2", "gw-1", "gw-3");
        assertThat(view.path("rows").findValuesAsText("state")).containsExactly("alive", "alive", "dead");
        assertThat(view.path("rows").get(0).path("leads").asText()).isEqualTo("ops-housekeeping");
    }

    @Test
    void hawtioShowsTheProcessOrdersRouteAndItsDiagram() throws IOException {
        // Hawtio deploys in the background after start-up: 503 until then
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                .until(() -> alice.get("/hawtio/").statusCode(), status -> status == 200);
        assertThat(AdminClient.anonymous(interchange).get("/hawtio/").statusCode()).isEqualTo(401);

        // the browser logs in once (Basic, credentials in the address), then keeps them for the origin;
        // Hawtio's own requests may not come from a page whose address carries credentials
        browser.get(base.replace("http://", "http://alice:alice-secret@") + "/hawtio/robots.txt");
        browser.get(base + "/hawtio/camel/contexts");

        try {
            wait(Duration.ofSeconds(90)).until(d -> d.getPageSource().contains("process-orders"));
        } finally {
            screenshot("hawtio-camel-routes");
        }

        // the route's diagram, drawn from dumpRoutesAsXml() (the one dump the access policies allow)
        By route = By.xpath("//*[contains(@class,'tree-view__node-text') and normalize-space(.)='process-orders']");
        if (browser.findElements(route).stream().noneMatch(WebElement::isDisplayed)) {
            click(By.xpath("//button[normalize-space(.)='Expand all']"));
        }
        click(route);
        click(By.xpath("//*[self::a or self::button][normalize-space(.)='Route Diagram']"));
        try {
            List<String> steps = wait(Duration.ofSeconds(90)).until(d -> {
                // the text of every node, also those scrolled out of the diagram's view (getText: only visible)
                List<String> labels = d.findElements(By.cssSelector(".camel-node-label")).stream()
                        .map(label -> label.getAttribute("textContent").trim()).filter(text -> !text.isBlank()).toList();
                return labels.size() >= 3 ? labels : null;
            });
            assertThat(steps).as("the steps of process-orders").anyMatch(step -> step.startsWith("From jms:queue:"))
                    .anyMatch(step -> step.startsWith("Idempotent Consum"));
        } finally {
            screenshot("hawtio-route-diagram");
            Files.writeString(SCREENSHOTS.resolve("hawtio-route-diagram.html"), browser.getPageSource());
        }
    }

    private static String deadLetteredOrder(String partner, String number) {
        erp.fail(503, -1);
        String documentId = post(partner, number);
        awaitState(documentId, "dead-lettered");
        await().atMost(PAGE_WAIT).until(() -> alice.getJson("/admin/v1/dead-letters?documentId=" + documentId)
                .path("matched").asInt() == 1);
        return documentId;
    }

    private static String post(String partner, String number) {
        return Http.json(api.postJson("/api/v1/orders", Orders.json(partner, number, "WIDGET-RED"))).path("documentId").asText();
    }

    private static void awaitState(String documentId, String state) {
        await().atMost(Duration.ofSeconds(60)).until(() ->
                state.equals(alice.getJson("/admin/v1/documents/" + documentId).path("state").asText()));
    }

    /** A fresh page with nobody logged in, then the login form filled in as a person would. */
    private static void logIn(String user, String password) {
        browser.get(base + "/console/");
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        browser.navigate().refresh();
        waitFor(By.id("login-user")).sendKeys(user);
        browser.findElement(By.id("login-password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
        if (!password.startsWith("not-")) {
            waitFor(By.id("nav"));
        }
    }

    private static void open(String hash) {
        browser.get(base + "/console/" + hash);
    }

    private static List<String> steps() {
        return wait(PAGE_WAIT).until(d -> d.findElements(By.cssSelector("tr.hop .step")).stream().map(WebElement::getText).toList());
    }

    /** The text of the first element found, read again should the page redraw it meanwhile. */
    private static String text(By locator) {
        return wait(PAGE_WAIT).until(d -> waitFor(locator).getText());
    }

    private static void click(By locator) {
        wait(PAGE_WAIT).until(d -> {
            wait(PAGE_WAIT).until(ExpectedConditions.elementToBeClickable(locator)).click();
            return true;
        });
    }

    private static WebElement waitFor(By locator) {
        return wait(PAGE_WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private static WebDriverWait wait(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static void screenshot(String name) {
        try {
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
