package io.parley.gateway.session;

import io.parley.contract.Actor;
import io.parley.contract.Addresses;
import io.parley.contract.CloseCodes;
import io.parley.gateway.socket.ClientConnection;
import io.parley.gateway.socket.SocketServer;
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
 * working here, and closes this gateway's sockets of them: 4401 after a logout or a stolen refresh token, 4403
 * for every socket of a banned user.
 */
public final class SessionGuard {

  private static final Logger LOG = LoggerFactory.getLogger(SessionGuard.class);
  private static final String BANNED = "banned";
  private static final long FORGET_EVERY_MS = 60_000;

  private final Vertx vertx;
  private final SocketServer sockets;
  private final EndedSessions endedSessions;
  private MessageConsumer<JsonObject> consumer;
  private long forgetTimer = -1;

  public SessionGuard(Vertx vertx, SocketServer sockets, EndedSessions endedSessions) {
    this.vertx = vertx;
    this.sockets = sockets;
    this.endedSessions = endedSessions;
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
    boolean banned = BANNED.equals(event.getString("reason"));
    for (ClientConnection connection : sockets.connections()) {
      Actor actor = connection.actor();
      if (actor == null) {
        continue;
      }
      if (banned && actor.id().equals(userId)) {
        connection.close(CloseCodes.BANNED, "banned");
      } else if (sessionIds.contains(actor.sessionId())) {
        connection.close(CloseCodes.UNAUTHENTICATED, "session ended");
      }
    }
  }
}
