package io.parley.auth.session;

import io.parley.auth.ManualClock;
import io.parley.auth.StoreFixture;
import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.parley.contract.auth.EndedSession;
import io.parley.contract.auth.SessionsEnded;
import io.parley.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


/** Session lifetimes, rotation and the clean-up job, on the embedded store with a hand-moved clock. */
@ExtendWith(VertxExtension.class)
class SessionStoreTest {

  private static final Duration REFRESH_TTL = Duration.ofDays(30);
  private static final Duration ACCESS_TTL = Duration.ofMinutes(15);

  private StoreFixture fixture;
  private ManualClock clock;
  private List<SessionsEnded> announced;
  private SessionStore sessions;

  @BeforeEach
  void setUp(Vertx vertx) {
    fixture = new StoreFixture(vertx);
    clock = new ManualClock();
    announced = new ArrayList<>();
    sessions = new SessionStore(fixture.mongo(), clock, REFRESH_TTL, ACCESS_TTL, announced::add);
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void onlyTheHashOfARefreshTokenIsStored() {
    SessionStore.Grant grant = Await.result(sessions.open("user-1"));
    String stored = Await.result(fixture.mongo().find(RefreshTokenStore.REFRESH_TOKENS, new JsonObject())).toString()
        + Await.result(fixture.mongo().find(SessionStore.SESSIONS, new JsonObject()));
    assertFalse(stored.contains(grant.refreshToken()));
    assertTrue(stored.contains(RefreshTokenStore.sha256(grant.refreshToken())));
  }

  @Test
  void aRefreshTokenExpiresAfterItsLifetimeButEachRotationStartsAnewOne() {
    SessionStore.Grant first = Await.result(sessions.open("user-1"));
    clock.advance(REFRESH_TTL.minusHours(1));
    SessionStore.Grant second = Await.result(sessions.rotate(first.refreshToken()));
    assertEquals(first.sessionId(), second.sessionId());
    clock.advance(REFRESH_TTL.minusHours(1));
    SessionStore.Grant third = Await.result(sessions.rotate(second.refreshToken()));
    clock.advance(REFRESH_TTL.plusSeconds(1));
    assertEquals(ErrorCode.UNAUTHENTICATED, failureOf(sessions.rotate(third.refreshToken())));
    assertEquals(List.of(), announced, "expiry is not a reuse");
  }

  @Test
  void aRotatedTokenPresentedAgainEndsTheSessionAndIsAnnounced() {
    SessionStore.Grant first = Await.result(sessions.open("user-1"));
    SessionStore.Grant second = Await.result(sessions.rotate(first.refreshToken()));

    assertEquals(ErrorCode.UNAUTHENTICATED, failureOf(sessions.rotate(first.refreshToken())));
    assertEquals(ErrorCode.UNAUTHENTICATED, failureOf(sessions.rotate(second.refreshToken())));
    assertEquals(1, announced.size());
    SessionsEnded ended = announced.get(0);
    assertEquals(List.of(first.sessionId()), ended.sessionIds());
    assertEquals("user-1", ended.userId());
    assertEquals(SessionsEnded.REUSE, ended.reason());
  }

  @Test
  void anUnknownTokenEndsNothing() {
    SessionStore.Grant grant = Await.result(sessions.open("user-1"));
    assertEquals(ErrorCode.UNAUTHENTICATED, failureOf(sessions.rotate("guessed")));
    assertEquals(List.of(), announced);
    assertNotEquals(grant.refreshToken(), Await.result(sessions.rotate(grant.refreshToken())).refreshToken());
  }

  @Test
  void aSessionEndedByABanRefusesRefreshAsBanned() {
    SessionStore.Grant grant = Await.result(sessions.open("user-1"));
    Await.result(sessions.open("user-2"));
    Await.result(sessions.endAllOf("user-1", SessionsEnded.BANNED));
    assertEquals(ErrorCode.BANNED, failureOf(sessions.rotate(grant.refreshToken())));
    assertEquals(1, announced.size());
    assertEquals(List.of(grant.sessionId()), announced.get(0).sessionIds());
  }

  @Test
  void endingIsOnlyForTheOwnerAndOnlyAnnouncedOnce() {
    SessionStore.Grant grant = Await.result(sessions.open("user-1"));
    assertFalse(Await.result(sessions.end(grant.sessionId(), "someone-else", SessionsEnded.LOGOUT)));
    assertTrue(Await.result(sessions.end(grant.sessionId(), "user-1", SessionsEnded.LOGOUT)));
    assertFalse(Await.result(sessions.end(grant.sessionId(), "user-1", SessionsEnded.LOGOUT)));
    assertEquals(1, announced.size());
    assertEquals(clock.millis() + ACCESS_TTL.plusMinutes(1).toMillis(), announced.get(0).until());
  }

  @Test
  void endedSessionsAreListedWhileTheirAccessTokensMayLiveThenPurged() {
    SessionStore.Grant ended = Await.result(sessions.open("user-1"));
    Await.result(sessions.open("user-2"));
    Await.result(sessions.end(ended.sessionId(), "user-1", SessionsEnded.LOGOUT));

    clock.advance(ACCESS_TTL);
    Await.result(sessions.purgeExpired());
    List<EndedSession> listed = Await.result(sessions.endedSessions());
    assertEquals(1, listed.size());
    assertEquals(ended.sessionId(), listed.get(0).sessionId());

    clock.advance(Duration.ofMinutes(2));
    Await.result(sessions.purgeExpired());
    assertEquals(0, Await.result(sessions.endedSessions()).size());
    assertEquals(1L, count(SessionStore.SESSIONS), "the open session stays");
  }

  @Test
  void theCleanUpDeletesExpiredSessionsAndTokens() {
    SessionStore.Grant old = Await.result(sessions.open("user-1"));
    Await.result(sessions.rotate(old.refreshToken()));
    clock.advance(REFRESH_TTL.minusDays(1));
    Await.result(sessions.open("user-2"));
    Await.result(sessions.purgeExpired());
    assertEquals(2L, count(SessionStore.SESSIONS));
    assertEquals(3L, count(RefreshTokenStore.REFRESH_TOKENS));

    clock.advance(Duration.ofDays(2));
    Await.result(sessions.purgeExpired());
    assertEquals(1L, count(SessionStore.SESSIONS));
    assertEquals(1L, count(RefreshTokenStore.REFRESH_TOKENS));
  }

  private long count(String collection) {
    return Await.result(fixture.mongo().count(collection, new JsonObject()));
  }

  private static ErrorCode failureOf(io.vertx.core.Future<?> future) {
    return ((ServiceError) Await.failure(future)).code();
  }
}
