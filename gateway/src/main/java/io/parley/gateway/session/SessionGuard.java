package io.parley.gateway.session;

import io.parley.contract.auth.AuthOperations;
import io.parley.contract.auth.SessionService;
import io.parley.contract.auth.SessionsEnded;
import io.parley.contract.bus.BusEndpoints;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on sessions auth-service ended: remembers them in {@link EndedSessions}, so their access tokens stop
 * working here, and has this gateway's sockets of them closed ({@link SessionEndings}).
 */
public final class SessionGuard {

  private static final Logger LOG = LoggerFactory.getLogger(SessionGuard.class);
  private static final long FORGET_EVERY_MS = 60_000;

  private final Vertx vertx;
  private final SessionService sessions;
  private final EndedSessions endedSessions;
  private final SessionEndings sockets;
  private BusEndpoints endpoints;
  private long forgetTimer = -1;

  public SessionGuard(Vertx vertx, SessionService sessions, EndedSessions endedSessions, SessionEndings sockets) {
    this.vertx = vertx;
    this.sessions = sessions;
    this.endedSessions = endedSessions;
    this.sockets = sockets;
  }

  /**
   * Subscribes first and only then asks auth-service which sessions already ended, so no ending slips between
   * the two. Completes once this gateway knows them all.
   */
  public Future<Void> start() {
    endpoints = new BusEndpoints(vertx.eventBus()).listen(AuthOperations.SESSIONS_ENDED, this::onSessionsEnded);
    return endpoints.ready()
        .compose(ignored -> sessions.endedSessions())
        .map(ended -> {
          ended.forEach(session -> endedSessions.learn(session.sessionId(), session.until()));
          LOG.info("learnt {} ended sessions whose tokens have not expired yet", ended.size());
          forgetTimer = vertx.setPeriodic(FORGET_EVERY_MS,
              timer -> endedSessions.forgetExpired(System.currentTimeMillis()));
          return null;
        });
  }

  public Future<Void> stop() {
    vertx.cancelTimer(forgetTimer);
    return endpoints == null ? Future.succeededFuture() : endpoints.close();
  }

  private void onSessionsEnded(SessionsEnded event) {
    event.sessionIds().forEach(sessionId -> endedSessions.learn(sessionId, event.until()));
    sockets.ended(event.userId(), Set.copyOf(event.sessionIds()), event.byBan());
  }
}
