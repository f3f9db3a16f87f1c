package io.parley.gateway.session;

import io.parley.contract.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on sessions auth-service ended: remembers them in {@link EndedSessions}, so their access tokens stop
 * working here, and has this gateway's sockets of them closed ({@link SessionEndings}).
 */
public final class SessionGuard {

  private static final Logger LOG = LoggerFactory.getLogger(SessionGuard.class);
  private static final String BANNED = "banned";
  private static final long FORGET_EVERY_MS = 60_000;

  private final Vertx vertx;
  private final EndedSessions endedSessions;
  private final SessionEndings sockets;
  private MessageConsumer<JsonObject> consumer;
  private long forgetTimer = -1;

  public SessionGuard(Vertx vertx, EndedSessions endedSessions, SessionEndings sockets) {
    this.vertx = vertx;
    this.endedSessions = endedSessions;
    this.sockets = sockets;
  }

  /**
   * Subscribes first and only then asks auth-service which sessions already ended, so no ending slips between
   * the two. Completes once this gateway knows them all.
   */
  public Future<Void> start() {
    consumer = vertx.eventBus().consumer(Addresses.SESSIONS_ENDED, message -> onSessionsEnded(message.body()));
    return consumer.completion()
        .compose(ignored -> vertx.eventBus().<JsonObject>request(Addresses.AUTH_ENDED_SESSIONS, new JsonObject()))
        .map(reply -> {
          JsonArray ended = reply.body().getJsonArray("sessions", new JsonArray());
          for (Object session : ended) {
            JsonObject entry = (JsonObject) session;
            endedSessions.learn(entry.getString("sessionId"), entry.getLong("until"));
          }
          LOG.info("learnt {} ended sessions whose tokens have not expired yet", ended.size());
          forgetTimer = vertx.setPeriodic(FORGET_EVERY_MS,
              timer -> endedSessions.forgetExpired(System.currentTimeMillis()));
          return null;
        });
  }

  public Future<Void> stop() {
    vertx.cancelTimer(forgetTimer);
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }

  private void onSessionsEnded(JsonObject event) {
    String userId = event.getString("userId");
    long until = event.getLong("until", 0L);
    Set<String> sessionIds = new HashSet<>();
    event.getJsonArray("sessionIds", new JsonArray()).forEach(id -> {
      if (id instanceof String sessionId) {
        sessionIds.add(sessionId);
        endedSessions.learn(sessionId, until);
      }
    });
    sockets.ended(userId, sessionIds, BANNED.equals(event.getString("reason")));
  }
}
