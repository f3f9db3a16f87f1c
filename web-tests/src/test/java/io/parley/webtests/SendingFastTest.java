package io.parley.webtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Someone who sends faster than the socket takes frames (20 a second, bursts of 40) loses nothing: the page paces
 * its frames to the rate `ready` told it, and a frame the server refuses as too fast anyway is sent again in its
 * turn. Every message reaches the others once and in order, and none is left "sending" or "failed".
 */
class SendingFastTest extends SharedServerScenarios {

  private static final int MESSAGES = 70;

  /**
   * Wraps the page's WebSocket: `ready` tells a burst ten times the server's, so that the page sends more at once
   * than the server takes, and the refusals of message frames it gets are counted. The page sends a room's
   * messages one after the other's answer, so whether the server's bucket ran dry used to depend on how fast the
   * machine answered; so the wrapper empties it first, with as many pings of its own as the burst `ready` told
   * (their answers kept from the page), and the first message is refused on any machine.
   */
  private static final String BELIEVE_A_BIGGER_BURST = """
      window.__messageRefusals = 0;
      const messageRefs = new Set();
      let drained = false;
      let serverBurst = 0;
      window.WebSocket = class extends window.WebSocket {
        send(data) {
          const frame = JSON.parse(data);
          if (frame.type === 'message') messageRefs.add(frame.ref);
          if (frame.type === 'message' && !drained) {
            drained = true;
            for (let i = 0; i < serverBurst; i++) super.send(JSON.stringify({ type: 'ping', ref: `drain-${i}` }));
          }
          super.send(data);
        }
        get onmessage() { return super.onmessage; }
        set onmessage(listener) {
          super.onmessage = (event) => {
            let data = event.data;
            const frame = JSON.parse(data);
            if (String(frame.ref).startsWith('drain-')) return;
            if (frame.code === 'rate_limited' && messageRefs.has(frame.ref)) window.__messageRefusals++;
            if (frame.type === 'ready') {
              serverBurst = frame.limits.frameBurst;
              frame.limits = { ...frame.limits, frameBurst: frame.limits.frameBurst * 10 };
              data = JSON.stringify(frame);
            }
            listener.call(this, new MessageEvent('message', { data }));
          };
        }
      };
      """;

  /** Sends every text through the composer in one go, as a paste tool or a stuck key would. */
  private static final String SEND_ALL = """
      (input, texts) => {
        for (const text of texts) {
          input.value = text;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          input.form.requestSubmit();
        }
      }
      """;

  @Test
  void messagesSentFasterThanTheFrameRateAllArriveOnceAndInOrder() {
    Pair pair = twoInARoom("fast");
    String[] texts = texts("quick");

    pair.alice().composer().evaluate(SEND_ALL, List.of(texts));

    assertArrivedInOrder(pair, texts);
  }

  @Test
  void framesTheServerRefusesAsTooFastAreSentAgainInTheirTurn() {
    Pair pair = twoInARoom("refused", alice -> {
      // The plain WebSocket, so that the wrapper sees one frame a message.
      alice.context.route("**/sockjs/**", route -> route.abort());
      alice.page.addInitScript(BELIEVE_A_BIGGER_BURST);
    });
    String[] texts = texts("again");

    pair.alice().composer().evaluate(SEND_ALL, List.of(texts));

    assertArrivedInOrder(pair, texts);
    int refusals = ((Number) pair.alice().page.evaluate("() => window.__messageRefusals")).intValue();
    assertTrue(refusals > 0, "the server refused some of the messages");
    assertThat(pair.alice().page.locator(".connection")).hasAttribute("title", "Connected over websocket");
  }

  private static String[] texts(String word) {
    return IntStream.rangeClosed(1, MESSAGES).mapToObj(i -> word + " " + i).toArray(String[]::new);
  }

  private static void assertArrivedInOrder(Pair pair, String[] texts) {
    for (Person person : List.of(pair.bob(), pair.alice())) {
      assertThat(person.page.locator(".message[data-message-id] .message-text")).hasText(texts);
    }
    // Alice's list holds the stored copies only: nothing is left in her outbox, as sending or failed.
    assertThat(pair.alice().page.locator(".message")).hasCount(MESSAGES);
    assertThat(pair.alice().page.locator(".message.failed")).hasCount(0);
  }
}
