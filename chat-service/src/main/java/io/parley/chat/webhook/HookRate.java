package io.parley.chat.webhook;

/**
 * A webhook's rate: one message every {@code intervalMs} sustained, and {@code burst} at once after a quiet
 * spell. Kept as one number per hook, {@code allowAt}: the time at which the hook would be back at its sustained
 * rate (the generic cell rate algorithm), which a post moves one interval on. A post is refused while the hook is
 * more than {@code burst - 1} intervals ahead, and told how long to wait.
 */
record HookRate(long intervalMs, int burst) {

  /** What a post at {@code now} makes of a hook whose rate stands at {@code allowAt}. */
  record Decision(boolean allowed, long allowAt, long waitMs) {
  }

  Decision decide(long allowAt, long now) {
    long start = Math.max(allowAt, now);
    long ahead = start - now;
    long slack = (burst - 1) * intervalMs;
    if (ahead > slack) {
      return new Decision(false, allowAt, ahead - slack);
    }
    return new Decision(true, start + intervalMs, 0);
  }
}
