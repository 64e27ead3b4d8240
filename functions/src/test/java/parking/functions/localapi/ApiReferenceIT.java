package parking.functions.localapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.yaml.snakeyaml.Yaml;
import parking.local.ProjectRoot;
import parking.local.api.LocalApi;

/**
 * {@code GET /docs}, the local API's interactive reference, in a real headless browser: Debian's
 * Chromium driven through its chromedriver. It shows every operation of {@code openapi.yaml}, offers
 * the API it is served from as the server, and its "Try it out" registers a user against it. Skipped, saying why, only where no
 * Chromium and chromedriver are installed ({@code .ci/run} installs them).
 */
@ExtendWith(SharedLocalApi.class)
class ApiReferenceIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete", "head", "options");

    private static WebDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void openBrowser() {
        Optional<Path> chromium = onPath("chromium", "chromium-browser", "google-chrome");
        Optional<Path> driver = onPath("chromedriver");
        Assumptions.assumeTrue(chromium.isPresent() && driver.isPresent(),
                "no Chromium and chromedriver on the PATH: install Debian's chromium and chromium-driver (.ci/run does) to run this test");
        ChromeOptions options = new ChromeOptions()
                .setBinary(chromium.get().toFile())
                // Headless, as root in a container (no sandbox, small /dev/shm), and nothing fetched from outside.
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-extensions", "--no-first-run");
        // Both paths given, so Selenium Manager downloads nothing.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, PATIENCE);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static Optional<Path> onPath(String... names) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .flatMap(dir -> Arrays.stream(names).map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst();
    }

    @SuppressWarnings("unchecked")
    private static Set<String> operationsOfTheDescription() throws Exception {
        Map<String, Object> document = new Yaml().load(Files.readString(ProjectRoot.find().resolve("openapi.yaml")));
        Set<String> operations = new TreeSet<>();
        ((Map<String, Map<String, Object>>) document.get("paths")).forEach((path, item) -> item.keySet().stream()
                .filter(METHODS::contains)
                .forEach(method -> operations.add(method.toUpperCase() + " " + path)));
        return operations;
    }

    private static String operation(WebElement block) {
        return block.findElement(By.cssSelector(".opblock-summary-method")).getText() + " "
                + block.findElement(By.cssSelector(".opblock-summary-path")).getAttribute("data-path");
    }

    private static List<WebElement> operationBlocks(LocalApi api) {
        browser.get(api.url() + "/docs");
        return wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".opblock"), 0));
    }

    @Test
    void showsEveryOperationOfTheDescription(LocalApi api) throws Exception {
        Set<String> shown = new TreeSet<>(operationBlocks(api).stream().map(ApiReferenceIT::operation).toList());

        assertEquals(operationsOfTheDescription(), shown);
    }

    @Test
    void offersTheApiItIsServedFromAsTheOnlyServer(LocalApi api) {
        operationBlocks(api);
        WebElement servers = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".servers select")));

        assertEquals(List.of(api.url().toString()), new Select(servers).getOptions().stream()
                .map(option -> option.getAttribute("value")).toList());
    }

    @Test
    void registersAUserThroughTryItOut(LocalApi api) {
        WebElement register = operationBlocks(api).stream()
                .filter(block -> operation(block).equals("POST /users"))
                .findFirst().orElseThrow();
        register.findElement(By.cssSelector(".opblock-summary-control")).click();
        wait.until(ExpectedConditions.elementToBeClickable(register.findElement(By.cssSelector(".try-out__btn")))).click();

        String username = "docs_" + UUID.randomUUID().toString().substring(0, 8);
        fill(register, "username", username);
        fill(register, "password", "secret123");
        register.findElement(By.cssSelector(".btn.execute")).click();

        WebElement status = wait.until(ExpectedConditions.presenceOfNestedElementLocatedBy(register,
                By.cssSelector(".live-responses-table tbody .response-col_status")));
        assertEquals("201", status.getText().strip(), browser.getPageSource());
        assertEquals(200, new Http(api.url()).postForm("/users/login", "username", username, "password", "secret123").statusCode(),
                "the user exists in the local API's database");
    }

    private static void fill(WebElement operation, String field, String value) {
        WebElement input = wait.until(ExpectedConditions.presenceOfNestedElementLocatedBy(operation,
                By.cssSelector("tr[data-property-name='" + field + "'] input")));
        input.clear();
        input.sendKeys(value);
    }
}
