package vn.doan.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through chromium-driver, as a person uses the console: at phone width
 * (360 px) and desktop width (1280 px). Where Chromium is not installed the calling test is skipped, never passed.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final WebDriver driver;

    private Browser(WebDriver driver) {
        this.driver = driver;
    }

    static Browser start(Path profile) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "Chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--lang=vi-VN", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().window().setSize(new Dimension(1280, 900));
        return new Browser(driver);
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    void click(String css) {
        find(css).click();
    }

    /** Signs in on the auth-server's form the console sent the browser to. */
    void signIn(String login, String password) {
        waitFor(d -> !d.findElements(By.id("username")).isEmpty());
        type("#username", login);
        type("#password", password);
        click("button[type=submit]");
    }

    /** Forgets every session: the console's and the auth-server's cookies are both for localhost. */
    void signOut() {
        driver.manage().deleteAllCookies();
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage(this::where).until(condition::apply);
    }

    /** Where the browser is, for a failed wait: the address and the start of the page's text. */
    private String where() {
        String text = driver.findElements(By.tagName("body")).stream().map(WebElement::getText).findFirst().orElse("");
        return "at " + driver.getCurrentUrl() + " showing: " + text.substring(0, Math.min(600, text.length()));
    }

    /** Waits, without reloading, until {@code css} shows {@code expected}: the page updated itself (a pushed notice). */
    void showsWithoutReload(String css, String expected, Duration within) {
        String url = driver.getCurrentUrl();
        new WebDriverWait(driver, within, Duration.ofMillis(250)).withMessage(this::where)
                .ignoring(StaleElementReferenceException.class).until(d -> d.findElements(By.cssSelector(css)).stream().anyMatch(e -> e.getText().contains(expected)));
        assertThat(driver.getCurrentUrl()).isEqualTo(url);
    }

    /** Reloads the page until {@code css} shows {@code expected} (a roll-up arrives through Kafka). */
    void reloadUntil(String css, String expected) {
        new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(500)).withMessage(this::where).until(d -> {
            d.navigate().refresh();
            return d.findElements(By.cssSelector(css)).stream().anyMatch(e -> e.getText().contains(expected));
        });
    }

    /**
     * Screenshots of the page at 360 and 1280 px under target/screenshots; each must show something (not one
     * flat colour), and at 360 px the page must not scroll sideways.
     */
    void screenshots(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        for (int width : new int[] {360, 1280}) {
            driver.manage().window().setSize(new Dimension(width, 900));
            long scrollWidth = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth");
            if (width == 360) {
                assertThat(scrollWidth).as(name + " scrolls sideways at 360 px").isLessThanOrEqualTo(360);
            }
            byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + "-" + width + ".png"), png);
            assertThat(colours(ImageIO.read(new ByteArrayInputStream(png)))).as(name + " at " + width + " px is blank").isGreaterThan(8);
        }
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
