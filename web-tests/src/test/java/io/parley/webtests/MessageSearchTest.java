package io.parley.webtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The search box in the header, in headless chromium against a real Parley process: Ctrl+K focuses it,
 * results come grouped by room with the matched words marked (and a message's markup shown as text, never
 * run), and a click opens the room at that message, far back in its history, flashing it.
 */
class MessageSearchTest {

  private static ParleyServer server;
  private static Chromium chromium;

  @BeforeAll
  static void start() throws InterruptedException {
    chromium = Chromium.launch();
    server = ParleyServer.start();
    new ParleyRest(server.baseUrl()).register("admin", "root-long-secret-1");
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (server != null) {
      server.close();
    }
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void ctrlKSearchesAndAClickJumpsToTheMessageFarBackInItsRoom() throws IOException {
    try (Person alice = new Person(chromium.newContext(server.baseUrl(), 1280, 800), "alice", "zq8-secret-phrase-9")) {
      ParleyRest rest = new ParleyRest(server.baseUrl());
      rest.register(alice.username, alice.password);
      String token = rest.login(alice.username, alice.password);
      String roomId = rest.createRoom(token, "launch").getString("id");
      rest.sendMessage(token, roomId, "The Déploiement needle is ready");
      rest.sendMessage(token, roomId, "<img src=x onerror=\"window.parleyXss=1\"> needle here");
      for (int i = 0; i < 70; i++) {
        rest.sendMessage(token, roomId, "filler " + i);
      }
      // #general (every account is in it) may come first: the room is picked, as a person would.
      alice.signIn().openRoom("launch");
      assertThat(alice.message("filler 69")).isVisible();
      assertThat(alice.message("The Déploiement needle is ready")).hasCount(0);

      Page page = alice.page;
      page.keyboard().press("Control+K");
      Locator box = page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Search messages"));
      assertThat(box).isFocused();
      Locator hits = searchUntilFound(box, page, "deplo NEEDL", 1);
      assertThat(page.locator(".search-room")).hasText("launch");
      assertThat(hits.first().locator("mark")).hasText(new String[] {"Déploiement", "needle"});
      Path folder = Path.of(System.getProperty("parley.screenshots", "target/screenshots"));
      Files.createDirectories(folder);
      alice.screenshot(folder.resolve("search.png"));

      hits.first().click();
      Locator found = alice.message("The Déploiement needle is ready");
      assertThat(found).isVisible();
      assertThat(found).hasClass(Pattern.compile("\\bflash\\b"));
      assertThat(page.locator(".search-results")).isHidden();

      // A message's markup comes back as text in its highlight: nothing of it is an element, nothing runs.
      hits = searchUntilFound(box, page, "needle", 2);
      assertThat(hits.first().locator(".search-hit-text")).containsText("<img src=x onerror=");
      assertThat(page.locator(".search-results img")).hasCount(0);
      assertEquals(Boolean.TRUE, page.evaluate("() => window.parleyXss === undefined"));

      // Escape closes the results for good: a search asked for just before, still on its way, does not open
      // them again when its answer comes.
      List<Route> held = new ArrayList<>();
      page.route("**/api/search?**", held::add);
      box.fill("filler");
      box.press("Enter");
      page.waitForCondition(() -> !held.isEmpty());
      page.keyboard().press("Escape");
      assertThat(page.locator(".search-results")).isHidden();
      page.waitForResponse("**/api/search?**", () -> held.forEach(Route::resume));
      assertEquals(Boolean.TRUE, page.evaluate("() => new Promise((done) => setTimeout(() => "
          + "done(document.querySelector('.search-results').hidden), 300))"));
      page.unroute("**/api/search?**");
      assertTrue(alice.pageErrors.isEmpty(), alice.pageErrors.toString());
    }
  }

  /** Searches until the index has caught up with what was just sent (it follows a moment behind). */
  private static Locator searchUntilFound(Locator box, Page page, String q, int count) {
    Locator hits = page.locator(".search-hit");
    box.fill(q);
    box.press("Enter");
    long deadline = System.currentTimeMillis() + 15_000;
    while (hits.count() != count && System.currentTimeMillis() < deadline) {
      page.waitForTimeout(200);
      box.press("Enter");
    }
    assertThat(hits).hasCount(count);
    return hits;
  }
}
