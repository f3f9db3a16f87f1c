package io.parley.webtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The app survives its server being restarted: the real process is stopped and started again on the same
 * port and data folder while two devices of one person are open; both reconnect, sync, send what waited,
 * and show every message exactly once.
 */
class ServerRestartTest {

  private static final LocatorAssertions.HasAttributeOptions RECONNECT_WITHIN =
      new LocatorAssertions.HasAttributeOptions().setTimeout(60_000);

  private ParleyServer server;
  private Chromium chromium;
  private Person laptop;
  private Person phone;

  @BeforeEach
  void start() throws InterruptedException {
    chromium = Chromium.launch();
    server = ParleyServer.start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    for (Person person : new Person[] {laptop, phone}) {
      if (person != null) {
        person.close();
      }
    }
    server.close();
    chromium.close();
  }

  @Test
  void aRestartLosesAndDoublesNothing() throws InterruptedException {
    laptop = new Person(chromium.newContext(server.baseUrl(), 1280, 800), "dana", "quiet-harbour-lamp-9");
    phone = new Person(chromium.newContext(server.baseUrl(), 375, 740), "dana", "quiet-harbour-lamp-9");
    laptop.signUp().createRoom("ops", false);
    laptop.send("before the restart");
    assertThat(laptop.message("before the restart")).isVisible();
    phone.signIn();
    assertThat(phone.message("before the restart")).isVisible();

    server.stop();
    assertThat(laptop.page.locator(".connection")).hasAttribute("data-state", "reconnecting");
    assertThat(laptop.page.locator(".banner")).containsText("Reconnecting");
    laptop.send("sent while the server was down");
    assertThat(laptop.page.locator(".message.pending .message-status")).containsText("Sending");
    int framesBefore = laptop.sentFrames.size();

    server.startProcess();
    assertThat(laptop.page.locator(".connection")).hasAttribute("data-state", "online", RECONNECT_WITHIN);
    assertThat(phone.page.locator(".connection")).hasAttribute("data-state", "online", RECONNECT_WITHIN);
    assertThat(laptop.page.locator(".banner")).isHidden();

    phone.send("after the restart");
    for (Person device : List.of(laptop, phone)) {
      for (String text : List.of("before the restart", "sent while the server was down", "after the restart")) {
        assertThat(device.message(text)).hasCount(1);
        assertThat(device.messagesWithText(text)).hasCount(1);
      }
      assertThat(device.page.locator(".message.pending")).hasCount(0);
    }
    List<String> afterRestart = laptop.sentFrames.subList(framesBefore, laptop.sentFrames.size());
    assertTrue(afterRestart.stream().anyMatch(frame -> frame.contains("sync") && frame.contains("rooms")),
        "the laptop synced its rooms after reconnecting: " + afterRestart);
    assertTrue(laptop.pageErrors.isEmpty() && phone.pageErrors.isEmpty(),
        "no page errors: " + laptop.pageErrors + phone.pageErrors);
  }
}
