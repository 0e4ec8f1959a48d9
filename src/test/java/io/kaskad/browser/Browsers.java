package io.kaskad.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless system Chromium driven by the system ChromeDriver (Debian's chromium and chromium-driver).
 * Both paths are given explicitly, so Selenium never tries to download a driver or a browser.
 * Without them a developer's run skips the browser tests; under CI=true it fails.
 */
final class Browsers {

    private static final String CHROMIUM = System.getProperty("kaskad.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("kaskad.chromedriver", "/usr/bin/chromedriver");

    /** Where the browser saves the files it downloads, for tests that download one. */
    static final Path DOWNLOADS = downloads();

    private Browsers() {
    }

    private static Path downloads() {
        try {
            return Files.createTempDirectory("kaskad-downloads").toAbsolutePath();
        }
        catch (IOException failed) {
            throw new java.io.UncheckedIOException(failed);
        }
    }

    static WebDriver headlessChromium() throws IOException {
        boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!installed) {
            String message = "Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver)";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(message + ": they are required under CI=true");
            }
            Assumptions.abort(message + "; skipping browser tests on this machine");
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", DOWNLOADS.toString(),
                "download.prompt_for_download", false));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory("kaskad-chromium").toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
