package io.parley.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contract.Actor;
import io.parley.contract.Addresses;
import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.parley.contract.auth.AuthClient;
import io.parley.contract.auth.AuthOperations;
import io.parley.contract.auth.Credentials;
import io.parley.contract.auth.Registration;
import io.parley.contract.auth.RoleChange;
import io.parley.contract.auth.SessionsEnded;
import io.parley.contract.auth.TokenPair;
import io.parley.contract.auth.TokenRefresh;
import io.parley.contract.auth.UserBan;
import io.parley.contract.auth.UserSearch;
import io.parley.contract.bus.BusClient;
import io.parley.contract.bus.BusEndpoints;
import io.parley.contract.model.User;
import io.parley.contract.presence.PresenceEndpoints;
import io.parley.platform.CommonConfig;
import io.parley.platform.EmbeddedStoreExtension;
import io.parley.platform.TestStores;
import io.parley.testing.Await;
import io.parley.testing.FakePresence;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * auth-service on its own, driven through its typed client: the real verticle on the embedded store, with a fake
 * presence-service bound on presence's addresses, and the sessions-ended notice watched as gateways hear it.
 */
@ExtendWith(VertxExtension.class)
class AuthServiceTest {

  @RegisterExtension
  static final EmbeddedStoreExtension STORE = new EmbeddedStoreExtension();

  private static final String PASSWORD = "correct horse battery staple";
  private static final FakePresence PRESENCE = new FakePresence();
  private static final BlockingQueue<SessionsEnded> ENDED = new LinkedBlockingQueue<>();

  private static AuthClient auth;
  private static User founder;

  @BeforeAll
  static void deploy(Vertx vertx) {
    Await.result(PresenceEndpoints.bind(new BusEndpoints(vertx.eventBus()), PRESENCE).ready());
    BusClient bus = new BusClient(vertx.eventBus());
    Await.result(bus.listen(AuthOperations.SESSIONS_ENDED, ENDED::add).completion());
    JsonObject config = new JsonObject()
        .put(CommonConfig.MONGO_URI, STORE.connectionString())
        .put(CommonConfig.DATA_DIR, TestStores.freshDataDir().toString());
    Await.result(vertx.deployVerticle(new AuthVerticle(), new DeploymentOptions().setConfig(config)));
    auth = new AuthClient(bus);
    founder = Await.result(auth.register(new Registration("founder", PASSWORD, "The Founder")));
  }

  @Test
  void theFirstAccountIsAnAdminAndALoginAnswersAPairForTheUser() {
    assertEquals(User.ROLE_ADMIN, founder.role());
    assertEquals("The Founder", founder.displayName());
    User alice = Await.result(auth.register(new Registration("Alice_1", PASSWORD, null)));
    assertEquals(User.ROLE_USER, alice.role());
    assertEquals("Alice_1", alice.displayName());

    TokenPair pair = login("ALICE_1");
    assertEquals(alice, pair.user());
    assertEquals(900, pair.expiresIn());
    assertEquals(alice.id(), claims(pair).getString("sub"));
    assertEquals(ErrorCode.BAD_CREDENTIALS, failure(auth.login(new Credentials("alice_1", "wrong " + PASSWORD,
        null))).code());
    assertEquals(ErrorCode.USERNAME_TAKEN, failure(auth.register(new Registration("alice_1", PASSWORD, null)))
        .code());
    assertEquals(ErrorCode.WEAK_PASSWORD, failure(auth.register(new Registration("weakling", "weakling12", null)))
        .code());
  }

  @Test
  void aRefreshRotatesTheTokenAndPresentingTheOldOneAgainEndsTheSession() {
    register("rotor");
    TokenPair first = login("rotor");
    TokenPair second = Await.result(auth.refresh(new TokenRefresh(first.refreshToken())));
    assertNotEquals(first.refreshToken(), second.refreshToken());
    assertEquals(claims(first).getString("sid"), claims(second).getString("sid"));

    assertEquals(ErrorCode.UNAUTHENTICATED, failure(auth.refresh(new TokenRefresh(first.refreshToken()))).code());
    SessionsEnded ended = nextEnded(second.user().id());
    assertEquals(SessionsEnded.REUSE, ended.reason());
    assertEquals(List.of(claims(first).getString("sid")), ended.sessionIds());
    assertEquals(ErrorCode.UNAUTHENTICATED, failure(auth.refresh(new TokenRefresh(second.refreshToken()))).code());
  }

  @Test
  void aLogoutEndsTheSessionAndIsAnnouncedToGateways() {
    register("leaver");
    TokenPair pair = login("leaver");
    Await.result(auth.logout(actor(pair)));

    SessionsEnded ended = nextEnded(pair.user().id());
    assertEquals(SessionsEnded.LOGOUT, ended.reason());
    assertEquals(List.of(claims(pair).getString("sid")), ended.sessionIds());
    assertTrue(Await.result(auth.endedSessions()).stream()
        .anyMatch(session -> session.sessionId().equals(claims(pair).getString("sid"))));
    assertEquals(ErrorCode.UNAUTHENTICATED, failure(auth.refresh(new TokenRefresh(pair.refreshToken()))).code());
  }

  @Test
  void theAdminCheckGoesByTheStoredRoleNeverTheActorsClaim() {
    Actor admin = actor(login("founder"));
    Await.result(auth.checkAdmin(admin));

    User deputy = register("deputy");
    Actor claimsAdmin = new Actor(deputy.id(), Actor.ROLE_ADMIN, "s");
    assertEquals(ErrorCode.FORBIDDEN, failure(auth.checkAdmin(claimsAdmin)).code());
    assertEquals(ErrorCode.FORBIDDEN, failure(auth.countUsers(claimsAdmin)).code());

    assertEquals(User.ROLE_ADMIN, Await.result(auth.setRole(admin, new RoleChange(deputy.id(), "admin"))).role());
    Actor claimsUser = new Actor(deputy.id(), Actor.ROLE_USER, "s");
    Await.result(auth.checkAdmin(claimsUser));
    assertTrue(Await.result(auth.countUsers(claimsUser)) >= 2);

    Await.result(auth.setRole(admin, new RoleChange(deputy.id(), "user")));
    assertEquals(ErrorCode.FORBIDDEN, failure(auth.checkAdmin(claimsAdmin)).code());
    assertEquals(ErrorCode.FORBIDDEN, failure(auth.setRole(admin, new RoleChange(founder.id(), "user"))).code());
  }

  @Test
  void aBanEndsEverySessionAndBarsLogin() {
    Actor admin = actor(login("founder"));
    User banned = register("rowdy");
    login("rowdy");
    User shown = Await.result(auth.setBanned(admin, new UserBan(banned.id(), true)));
    assertEquals(true, shown.banned());
    assertEquals(SessionsEnded.BANNED, nextEnded(banned.id()).reason());
    assertEquals(ErrorCode.BANNED, failure(auth.login(new Credentials("rowdy", PASSWORD, null))).code());
    assertEquals(List.of(), Await.result(auth.search(admin, new UserSearch("rowdy", null, null))));
    assertEquals(List.of(banned.id()), Await.result(auth.listUsers(admin, new UserSearch("rowdy", null, null)))
        .stream().map(User::id).toList());
  }

  @Test
  void onlineComesFromPresenceService() {
    User here = register("seeker_here");
    User away = register("seeker_away");
    PRESENCE.setOnline(here.id(), true);
    Actor asker = actor(login("seeker_away"));

    List<User> online = Await.result(auth.search(asker, new UserSearch("SEEKER", true, null)));
    assertEquals(List.of(here.withOnline(true)), online);
    List<User> everyone = Await.result(auth.search(asker, new UserSearch("seeker", null, null)));
    assertEquals(List.of(away.withOnline(false), here.withOnline(true)), everyone, "by username");
    assertEquals(true, Await.result(auth.user(here.id())).online());
    assertNull(Await.result(auth.users(List.of(here.id()))).get(0).online(), "lookups do not ask presence");
  }

  @Test
  void whatTheContractRefusesIsRefusedOnTheBusAndChangesNothing(Vertx vertx) {
    JsonObject injection = new JsonObject().put("username", new JsonObject().put("$ne", null)).put("password", "x");
    Throwable refused = Await.failure(vertx.eventBus().request(Addresses.AUTH_LOGIN, injection));
    assertEquals(ErrorCode.INVALID_INPUT, ServiceError.from(refused).code());
    Throwable noActor = Await.failure(vertx.eventBus().request(Addresses.AUTH_USERS_SEARCH, new JsonObject()));
    assertEquals(ErrorCode.UNAUTHENTICATED, ServiceError.from(noActor).code());
    assertEquals(ErrorCode.NOT_FOUND, failure(auth.user("not-an-id")).code());
  }

  private static User register(String username) {
    return Await.result(auth.register(new Registration(username, PASSWORD, null)));
  }

  private static TokenPair login(String username) {
    return Await.result(auth.login(new Credentials(username, PASSWORD, "10.0.0.1")));
  }

  /** The actor a gateway would make of the pair's access token. */
  private static Actor actor(TokenPair pair) {
    JsonObject claims = claims(pair);
    return new Actor(claims.getString("sub"), claims.getString("role"), claims.getString("sid"));
  }

  private static JsonObject claims(TokenPair pair) {
    String payload = pair.accessToken().split("\\.")[1];
    return new JsonObject(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
  }

  /** The next sessions-ended notice about this user; notices about others (earlier tests) are skipped. */
  private static SessionsEnded nextEnded(String userId) {
    try {
      for (SessionsEnded ended = ENDED.poll(5, TimeUnit.SECONDS); ended != null;
          ended = ENDED.poll(5, TimeUnit.SECONDS)) {
        if (ended.userId().equals(userId)) {
          return ended;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new AssertionError("no sessions-ended notice for " + userId);
  }

  private static ServiceError failure(Future<?> future) {
    return assertInstanceOf(ServiceError.class, Await.failure(future));
  }
}
