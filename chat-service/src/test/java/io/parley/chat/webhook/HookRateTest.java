package io.parley.chat.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A webhook's rate as numbers: a burst after a quiet spell, then one message an interval, and how long to wait. */
class HookRateTest {

  private static final HookRate RATE = new HookRate(1000, 5);

  @Test
  void aQuietHookPostsItsBurstAtOnceAndTheNextWaitsOneInterval() {
    long allowAt = 0;
    long now = 1_000_000;
    for (int i = 0; i < 5; i++) {
      HookRate.Decision decision = RATE.decide(allowAt, now);
      assertTrue(decision.allowed(), "post " + (i + 1) + " of the burst");
      allowAt = decision.allowAt();
    }
    HookRate.Decision refused = RATE.decide(allowAt, now);
    assertFalse(refused.allowed());
    assertEquals(1000, refused.waitMs());
    assertEquals(allowAt, refused.allowAt(), "a refused post takes nothing");
    assertTrue(RATE.decide(allowAt, now + refused.waitMs()).allowed());
    assertFalse(RATE.decide(allowAt, now + refused.waitMs() - 1).allowed());
  }

  @Test
  void oneMessageASecondGoesOnForeverAndTwoASecondRunsOutOfBurst() {
    long allowAt = 0;
    for (long now = 0; now < 60_000; now += 1000) {
      HookRate.Decision decision = RATE.decide(allowAt, now);
      assertTrue(decision.allowed(), "at " + now);
      allowAt = decision.allowAt();
    }
    allowAt = 0;
    int posted = 0;
    for (long now = 0; now < 60_000; now += 500) {
      HookRate.Decision decision = RATE.decide(allowAt, now);
      if (decision.allowed()) {
        allowAt = decision.allowAt();
        posted++;
      }
    }
    assertEquals(60 + 4, posted, "a minute's worth at one a second, and the burst beyond the first");
  }
}
