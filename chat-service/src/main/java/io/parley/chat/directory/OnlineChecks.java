package io.parley.chat.directory;

import io.parley.contract.presence.PresenceService;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether single users are online, asked of presence-service together: every direct message asks about its
 * recipient, and the messages of one batch are answered in the same moment, so the questions asked before this
 * context's current work is done go out as one request.
 */
final class OnlineChecks {

  private final PresenceService presence;
  private final Context context;
  private Map<String, List<Promise<Boolean>>> asked = new HashMap<>();

  OnlineChecks(Vertx vertx, PresenceService presence) {
    this.presence = presence;
    this.context = vertx.getOrCreateContext();
  }

  Future<Boolean> isOnline(String userId) {
    Promise<Boolean> answer = Promise.promise();
    if (asked.isEmpty()) {
      context.runOnContext(ignored -> ask());
    }
    asked.computeIfAbsent(userId, id -> new ArrayList<>()).add(answer);
    return answer.future();
  }

  private void ask() {
    Map<String, List<Promise<Boolean>>> now = asked;
    asked = new HashMap<>();
    presence.online(now.keySet()).onComplete(online -> now.forEach((userId, answers) -> answers.forEach(answer -> {
      if (online.succeeded()) {
        answer.complete(online.result().contains(userId));
      } else {
        answer.fail(online.cause());
      }
    })));
  }
}
