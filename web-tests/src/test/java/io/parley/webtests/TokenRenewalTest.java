package io.parley.webtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Access tokens that live 12 seconds: the app refreshes each one before it expires and renews its open socket
 * with it, so the socket outlives several tokens without a reconnect, and REST calls keep working.
 */
class TokenRenewalTest {

  @Test
  void theAppRefreshesItsTokenAndKeepsItsSocketPastExpiry() throws InterruptedException {
    try (Chromium chromium = Chromium.launch();
        ParleyServer server = ParleyServer.start(Map.of("PARLEY_ACCESS_TOKEN_TTL_SECONDS", "12"))) {
      Person erin = new Person(chromium.newContext(server.baseUrl(), 1280, 800), "erin", "amber-window-crane-4");
      AtomicInteger sockets = new AtomicInteger();
      erin.page.onWebSocket(socket -> sockets.incrementAndGet());
      erin.signUp().createRoom("long-lived", false);

      // Three token lifetimes: a socket that was not renewed is closed with 4401 at the first expiry.
      erin.page.waitForTimeout(30_000);
      erin.awaitConnected();
      erin.send("still the same socket");
      assertThat(erin.message("still the same socket")).isVisible();
      erin.page.reload();
      erin.awaitConnected();
      assertThat(erin.message("still the same socket")).isVisible();

      long renewals = erin.sentFrames.stream().filter(frame -> frame.contains("auth")).count();
      assertTrue(renewals >= 3, "the first auth and at least two renewals: " + erin.sentFrames);
      assertEquals(2, sockets.get(), "one socket before the reload, one after: no reconnect in between");
      erin.close();
    }
  }
}
