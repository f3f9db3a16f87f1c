package io.parley.webtests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Debian's headless chromium driven by Playwright, which is never allowed to download a browser. Tests are
 * skipped, not failed, on a machine without {@code /usr/bin/chromium}.
 */
final class Chromium implements AutoCloseable {

  static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
  private static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
      "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

  private final Playwright playwright;
  private final Browser browser;

  private Chromium(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  static Chromium launch() {
    assumeTrue(Files.isExecutable(EXECUTABLE), "no " + EXECUTABLE + ": the browser tests need Debian's chromium");
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
    Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(EXECUTABLE)
        .setHeadless(true)
        .setArgs(ARGS));
    PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    return new Chromium(playwright, browser);
  }

  /** A fresh browser profile (cookies, storage) at the given window size, with notifications allowed. */
  BrowserContext newContext(String baseUrl, int width, int height) {
    BrowserContext context = browser.newContext(new Browser.NewContextOptions()
        .setBaseURL(baseUrl)
        .setViewportSize(width, height)
        .setDeviceScaleFactor(1)
        .setPermissions(List.of("notifications")));
    context.setDefaultTimeout(20_000);
    return context;
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
