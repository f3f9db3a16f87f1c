package io.parley.gateway.socket.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The socket's rate limit, and how much of the frames it refuses it reads for their ref. */
class FrameRateLimiterTest {

  @Test
  void theBurstIsTakenThenFramesAreRefusedWithTheWaitForTheNext() {
    FrameRateLimiter limiter = new FrameRateLimiter(1, 3);
    for (int i = 0; i < 3; i++) {
      assertTrue(limiter.tryAcquire());
    }
    assertFalse(limiter.tryAcquire());
    long wait = limiter.retryAfterMs();
    assertTrue(wait > 900 && wait <= 1000, "a token a second: " + wait);
  }

  @Test
  void refusedFramesAreReadForTheirRefWithinABudgetOfCharactersASecond() {
    FrameRateLimiter limiter = new FrameRateLimiter(1, 1);
    String padding = "x".repeat(40 * 1024);
    InboundFrame large = InboundFrame.text("{\"type\":\"message\",\"ref\":\"r1\",\"text\":\"" + padding + "\"}");
    InboundFrame small = InboundFrame.text("{\"type\":\"ping\",\"ref\":7}");

    assertEquals("r1", limiter.refOfRefused(large));
    // A second large one straight after is past the budget: refused without being read.
    assertNull(limiter.refOfRefused(large));
    assertEquals(7, limiter.refOfRefused(small));
    assertNull(limiter.refOfRefused(InboundFrame.binary(16)));
    assertNull(limiter.refOfRefused(InboundFrame.text("not json")));
  }
}
