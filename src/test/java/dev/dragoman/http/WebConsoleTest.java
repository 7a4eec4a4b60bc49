package dev.dragoman.http;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.StubServers;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web console in a real browser (Debian's headless chromium through chromedriver) against a running Dragoman with
 * three instances: {@code alpha} streams its translation from a WireMock stand-in, {@code beta} is the offline
 * pseudo-localiser, and {@code gamma}'s only key is refused by its stand-in (401). Writes target/console.png.
 */
class WebConsoleTest extends DragomanTestSupport {

    static final String GAMMA_KEY = "sk-gamma-refused-000000000001";

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    private static WebDriver browser;

    private final HttpClientSupport http = new HttpClientSupport(port());

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "alpha, beta, gamma");
        openAi(properties, "alpha", provider.baseUrl(), "sk-alpha-key-000000000001", "alpha-model");
        properties.put("dragoman.provider.alpha.stream", "true");
        properties.put("dragoman.provider.alpha.price-prompt", "0.5");
        properties.put("dragoman.provider.alpha.price-completion", "1.5");
        properties.put("dragoman.provider.alpha.rpm", "600");
        properties.put("dragoman.provider.alpha.budget", "5");
        properties.put("dragoman.provider.beta.dialect", "pseudo");
        openAi(properties, "gamma", provider.baseUrl(), GAMMA_KEY, "gamma-model");
        properties.put("dragoman.target-lang", "German");
        return properties;
    }

    @BeforeAll
    static void openBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        // --no-sandbox: CI runs as root, where chromium's sandbox cannot start
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1280");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void translates_in_columns_side_by_side_and_shows_the_rejected_key_and_the_failing_instance() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.stream(List.of(OpenAiStub.delta("Hallo"),
                OpenAiStub.delta(" Welt"), OpenAiStub.finish("stop"), OpenAiStub.USAGE, OpenAiStub.DONE))));
        provider.stubFor(post(OpenAiStub.PATH).withHeader("Authorization", equalTo("Bearer " + GAMMA_KEY))
                .willReturn(OpenAiStub.error(401, "invalid_request_error", "invalid_api_key", "Incorrect API key")));
        String page = "http://127.0.0.1:" + port() + "/";
        browser.get(page);
        await().atMost(Duration.ofSeconds(20)).until(() -> !browser.findElements(
                By.cssSelector("#instance-choice input")).isEmpty());

        browser.findElement(By.id("text")).sendKeys("Hello world");
        browser.findElement(By.id("translate")).click();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(column("alpha", ".translation")).isEqualTo("Hallo Welt");
            assertThat(column("alpha", ".meta")).contains("stub-model", "31 + 12 tokens", "cost");
            assertThat(column("beta", ".translation")).isEqualTo("[Ĥéļļó ŵóŕļđ ~~~~]");
            assertThat(column("gamma", ".error")).isNotBlank();
        });
        List<WebElement> columns = browser.findElements(By.cssSelector("#results .column"));
        assertThat(columns).extracting(column -> column.getAttribute("data-instance"))
                .containsExactly("alpha", "beta", "gamma");
        assertThat(columns.get(0).getLocation().getY()).as("side by side").isEqualTo(columns.get(1).getLocation().getY());
        assertThat(columns.get(0).getLocation().getX()).isLessThan(columns.get(1).getLocation().getX());

        // the page draws the keys' table anew every few seconds: a row read while it is redrawn is gone, read again
        await().atMost(Duration.ofSeconds(20)).ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
                .untilAsserted(() -> assertThat(browser.findElement(By.cssSelector("#providers tr[data-state]"))
                        .getAttribute("data-state")).isNotNull());
        await().atMost(Duration.ofSeconds(20)).ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
                .untilAsserted(() -> assertThat(keyRows())
                .filteredOn(row -> row.getText().contains("rejected")).hasSize(1)
                .allSatisfy(row -> assertThat(row.getText()).doesNotContain(GAMMA_KEY)));
        assertThat(browser.getPageSource()).doesNotContain(GAMMA_KEY, "sk-alpha-key-000000000001");
        await().atMost(Duration.ofSeconds(20)).ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
                .untilAsserted(() -> {
                    assertThat(browser.findElement(By.cssSelector("[data-instance=alpha] [data-budget]")).getText())
                            .contains("of", "this day");
                    assertThat(browser.findElement(By.cssSelector("#providers td.limits")).getText())
                            .contains("rpm 600/min", "ready now");
                });

        Path screenshot = Path.of("target/console.png");
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), screenshot,
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(screenshot).isNotEmptyFile();
    }

    @Test
    void the_page_asks_nothing_of_any_other_host() throws Exception {
        HttpClientSupport.Reply reply = http.get("/");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Security-Policy")).contains("default-src 'none'", "script-src 'self'",
                "connect-src 'self'").doesNotContain("unsafe-inline", "http");

        browser.get("http://127.0.0.1:" + port() + "/");
        await().atMost(Duration.ofSeconds(20)).until(() -> !browser.findElements(
                By.cssSelector("#providers .instance-head")).isEmpty());
        @SuppressWarnings("unchecked")
        List<String> requested = (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntries().map(entry => entry.name).filter(name => name.includes('://'))");
        assertThat(requested).isNotEmpty()
                .allSatisfy(url -> assertThat(url).startsWith("http://127.0.0.1:" + port() + "/"));
    }

    private String column(String instance, String part) {
        return browser.findElement(By.cssSelector("#results .column[data-instance='" + instance + "'] " + part))
                .getText();
    }

    private List<WebElement> keyRows() {
        return browser.findElements(By.cssSelector("#providers tr[data-key]"));
    }
}
