package org.mcsgov.web;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium for the browser tests (DESIGN.md §9): the Debian chromium and chromedriver, never anything
 * Selenium Manager would download. Without them the tests are skipped with a loud banner, or fail when the system
 * property browser.required=true (so a CI machine that must run them cannot silently skip them).
 */
public final class Browser implements AutoCloseable {

    /** The Debian packages' binaries; -Dbrowser.chromium / -Dbrowser.chromedriver point elsewhere. */
    public static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final String testName;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;
    private final long started = System.nanoTime();
    private int shots;

    private Browser(String testName, ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.testName = testName;
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Skips (JUnit "skipped", with a banner on stderr) or fails the calling test when Chromium or its driver is
     * missing. Test classes use {@link Required} instead, which runs before the Spring context starts.
     */
    public static void requireChromium() {
        missing().ifPresent(reason -> {
            failIfRequired(reason);
            banner(reason);
            Assumptions.abort("BROWSER TESTS SKIPPED: " + reason);
        });
    }

    /** Why no browser test can run here, if so. */
    public static Optional<String> missing() {
        System.setProperty("SE_OFFLINE", "true"); // Selenium Manager must never download a browser or driver
        List<String> missing = new ArrayList<>();
        for (Path path : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(path)) {
                missing.add(path.toString());
            }
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of(String.join(" and ", missing)
                + " not found (apt-get install -y chromium chromium-driver fonts-noto-cjk)");
    }

    private static void failIfRequired(String reason) {
        if (Boolean.getBoolean("browser.required")) {
            Assertions.fail("BROWSER TESTS REQUIRED (-Dbrowser.required=true) but " + reason);
        }
    }

    private static void banner(String reason) {
        String line = "*".repeat(100);
        System.err.println(line + "\n*** BROWSER TESTS SKIPPED: " + reason
                + "\n*** (run with -Dbrowser.required=true to make this a failure)\n" + line);
    }

    /**
     * {@code @ExtendWith(Browser.Required.class)}: checks for Chromium before anything else of the test class runs
     * (conditions come before @BeforeAll and before Spring's extension starts the application). Without a browser
     * the class is skipped at once (reported as skipped, with the banner), or fails with -Dbrowser.required=true.
     */
    public static final class Required implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Optional<String> missing = missing();
            if (missing.isEmpty()) {
                return ConditionEvaluationResult.enabled(CHROMIUM + " and " + CHROMEDRIVER + " present");
            }
            failIfRequired(missing.get());
            banner(missing.get());
            return ConditionEvaluationResult.disabled("BROWSER TESTS SKIPPED: " + missing.get());
        }
    }

    /** Starts a fresh headless Chromium (own profile under target/), 1280x1000, Japanese. */
    public static Browser start(String testName) {
        requireChromium();
        Path profile = Path.of("target", "browser-profiles", testName + "-" + UUID.randomUUID()).toAbsolutePath();
        try {
            Files.createDirectories(profile);
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(profile.resolveSibling(profile.getFileName() + "-chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=ja", "--password-store=basic");
        // no password manager: after the password-change page it would offer, save and fill credentials into the
        // Tasklist login form while the test types into it
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ja,en",
                "credentials_enable_service", false, "profile.password_manager_enabled", false,
                "profile.password_manager_leak_detection", false, "autofill.profile_enabled", false));
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            throw e;
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new Browser(testName, service, driver, profile);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Saves target/screenshots/&lt;test&gt;-&lt;step&gt;.png (numbered in order) and returns its path. */
    public Path screenshot(String step) {
        Path file = SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", testName, ++shots, step));
        try {
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            System.out.printf("[browser] +%5.1f s  %s%n", (System.nanoTime() - started) / 1e9, file);
        } catch (IOException | RuntimeException e) {
            System.err.println("screenshot " + file + " failed: " + e);
        }
        return file;
    }

    /**
     * A screenshot under target/screenshots/ that also illustrates the README: copied to docs/&lt;docName&gt;.png only
     * when the build is asked to ({@code -Ddocs.screenshots=true}, README "Tests"), so that an ordinary test run never
     * rewrites tracked files.
     */
    public Path screenshotForDocs(String step, String docName) {
        Path file = screenshot(step);
        if (Boolean.getBoolean("docs.screenshots")) {
            try {
                Files.copy(file, Path.of("docs", docName + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new IllegalStateException("docs/" + docName + ".png: " + e.getMessage(), e);
            }
        }
        return file;
    }

    /** On a failure: a screenshot and the page source beside it, for the report. */
    public void capture(String step) {
        Path png = screenshot(step);
        try {
            String source = driver.getPageSource();
            Files.writeString(png.resolveSibling(png.getFileName().toString().replace(".png", ".html")),
                    source == null ? "" : source, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            System.err.println("page source beside " + png + " failed: " + e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteQuietly(profile.toFile());
        }
    }

    private static void deleteQuietly(File file) {
        File[] children = file.listFiles();
        if (children != null) {
            for (File child : children) {
                deleteQuietly(child);
            }
        }
        file.delete();
    }
}
