package io.parley.chat.webhook;

import io.parley.chat.membership.RoomAccess;
import io.parley.chat.mention.Mentions;
import io.parley.chat.timeline.Timeline;
import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.parley.contract.chat.Posted;
import io.parley.contract.chat.WebhookPost;
import io.parley.contract.chat.WebhookRef;
import io.parley.contract.model.UserRef;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * A message posted through a webhook's url: the secret checked, the hook's rate taken, then the message posted
 * as the hook through the room's {@link Timeline} as any message is (seq, version, frames, mentions). Whatever
 * is wrong before the rate (no such hook, a wrong secret, a room gone) is the one same {@code not_found}.
 */
final class HookPosting {

  /**
   * Each race for the hook's rate a post loses means another post took some of it, so a post soon either wins or
   * finds the rate spent; this only bounds the loop, beyond any burst a hook is given.
   */
  private static final int CLAIM_ATTEMPTS = 50;

  private final WebhookStore hooks;
  private final RoomAccess access;
  private final Mentions mentions;
  private final Timeline timeline;
  private final HookRate rate;

  HookPosting(WebhookStore hooks, RoomAccess access, Mentions mentions, Timeline timeline, HookRate rate) {
    this.hooks = hooks;
    this.access = access;
    this.mentions = mentions;
    this.timeline = timeline;
    this.rate = rate;
  }

  Future<Posted> post(WebhookPost post) {
    return hooks.find(post.hookId()).compose(hook -> {
      if (!HookSecrets.matches(post.secret(), hook == null ? null : hook.getString("hash"))) {
        return Future.failedFuture(WebhookRef.notFound());
      }
      String roomId = hook.getString("roomId");
      return access.existing(roomId)
          .recover(gone -> Future.failedFuture(gone instanceof ServiceError error
              && error.code() == ErrorCode.NOT_FOUND ? WebhookRef.notFound() : gone))
          .compose(room -> take(hook, 1).map(room))
          .compose(room -> mentions.resolve(room, post.text()))
          .compose(resolved -> {
            String name = post.username() != null ? post.username() : hook.getString("name");
            UserRef sender = new UserRef(hook.getString("_id"), name, name);
            JsonObject extras = resolved.fields().put("hookId", hook.getString("_id"));
            return timeline.post(roomId, sender, post.text(), null, null, extras);
          })
          .compose(outcome -> mentions.record(outcome.message(), null)
              .map(recorded -> new Posted(outcome.message(), true)));
    });
  }

  /** Takes one message of the hook's rate, or refuses with {@code rate_limited} and when to try again. */
  private Future<Void> take(JsonObject hook, int attempt) {
    long now = System.currentTimeMillis();
    HookRate.Decision decision = rate.decide(hook.getLong("allowAt", 0L), now);
    if (!decision.allowed()) {
      return Future.failedFuture(tooFast(decision.waitMs()));
    }
    return hooks.claim(hook, decision.allowAt(), Instant.ofEpochMilli(now).toString()).compose(claimed -> {
      if (claimed) {
        return Future.succeededFuture();
      }
      if (attempt >= CLAIM_ATTEMPTS) {
        return Future.failedFuture(tooFast(rate.intervalMs()));
      }
      return hooks.find(hook.getString("_id")).compose(again -> again == null
          ? Future.failedFuture(WebhookRef.notFound())
          : take(again, attempt + 1));
    });
  }

  private static ServiceError tooFast(long waitMs) {
    return new ServiceError(ErrorCode.RATE_LIMITED, "This webhook posts one message a second; try again shortly.",
        List.of(), Math.max(1, (waitMs + 999) / 1000));
  }
}
