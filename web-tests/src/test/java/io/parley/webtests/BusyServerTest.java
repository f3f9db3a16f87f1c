package io.parley.webtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A message the server refuses because it is busy (`unavailable`, with the wait it asks for) is sent again after
 * that wait, in its turn: it arrives once and in order, and is never shown as failed.
 */
class BusyServerTest extends SharedServerScenarios {

  /**
   * Wraps the page's WebSocket: the page's first message frame does not reach the server, and is answered as a
   * server whose store is behind answers it (the gateway's WriteOverloadTest checks that answer).
   */
  private static final String BUSY_FOR_THE_FIRST_MESSAGE = """
      window.__busyRefusals = 0;
      window.WebSocket = class extends window.WebSocket {
        send(data) {
          const frame = JSON.parse(data);
          if (frame.type === 'message' && window.__busyRefusals === 0) {
            window.__busyRefusals++;
            const refusal = { type: 'error', ref: frame.ref, code: 'unavailable',
              message: 'Too many messages at once: send again in a moment.', retryAfterMs: 1000 };
            setTimeout(() => this.onmessage(new MessageEvent('message', { data: JSON.stringify(refusal) })), 0);
            return;
          }
          super.send(data);
        }
      };
      """;

  @Test
  void aMessageRefusedWhileTheServerIsBusyIsSentAgainAfterTheWaitAndArrivesOnce() {
    Pair pair = twoInARoom("busy", alice -> {
      // The plain WebSocket, so that the wrapper sees one frame a message.
      alice.context.route("**/sockjs/**", route -> route.abort());
      alice.page.addInitScript(BUSY_FOR_THE_FIRST_MESSAGE);
    });

    pair.alice().send("refused at first").send("sent after it");

    for (Person person : List.of(pair.bob(), pair.alice())) {
      assertThat(person.page.locator(".message[data-message-id] .message-text"))
          .hasText(new String[] {"refused at first", "sent after it"});
    }
    assertThat(pair.alice().page.locator(".message.failed")).hasCount(0);
    assertEquals(1, ((Number) pair.alice().page.evaluate("() => window.__busyRefusals")).intValue());
  }
}
