package io.parley.contract.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contract.bus.Codec;
import io.parley.contract.model.Health;
import io.parley.contract.model.User;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** auth-service's answers and notices: the JSON the REST edge and gateways have always seen, and back. */
class AuthRepliesTest {

  private static final User ALICE = new User("aaaaaaaaaaaaaaaaaaaa", "alice", "Alice", User.ROLE_USER,
      "2026-12-04T00:00:00Z", null, null);

  @Test
  void aTokenPairIsTheLoginAnswerOfTheContract() {
    TokenPair pair = new TokenPair("access", "refresh", 900, ALICE);
    JsonObject json = pair.toJson();
    assertEquals(Set.of("accessToken", "refreshToken", "expiresIn", "user"), json.fieldNames());
    assertEquals(900, json.getInteger("expiresIn"));
    assertEquals(Set.of("id", "username", "displayName", "role", "createdAt", "statusText", "statusEmoji",
        "hasAvatar"), json.getJsonObject("user").fieldNames());
    assertRoundTrip(TokenPair.CODEC, pair);
  }

  @Test
  void userListsCarryOnlineAndBannedOnlyWhereKnown() {
    List<User> users = List.of(ALICE.withOnline(true), new User("bbbbbbbbbbbbbbbbbbbb", "bob", "Bob",
        User.ROLE_ADMIN, "t", null, true), ALICE);
    assertRoundTrip(AuthOperations.USERS_SEARCH.reply(), users);
    JsonObject json = AuthOperations.ADMIN_USERS.reply().encode().apply(users);
    assertEquals(3, json.getJsonArray("users").size());
    assertTrue(json.getJsonArray("users").getJsonObject(1).getBoolean("banned"));
    assertRoundTrip(AuthOperations.USER_GET.reply(), ALICE.withOnline(false));
  }

  @Test
  void sessionsThatEndedTravelWithWhoseTheyWereWhyAndUntilWhen() {
    SessionsEnded ended = new SessionsEnded(ALICE.id(), List.of("s1", "s2"), SessionsEnded.BANNED, 1234L);
    assertEquals(Set.of("userId", "sessionIds", "reason", "until"), ended.toJson().fieldNames());
    assertRoundTrip(AuthOperations.SESSIONS_ENDED.payload(), ended);
    assertTrue(ended.byBan());
    assertEquals(false, new SessionsEnded("u", List.of(), SessionsEnded.LOGOUT, 1).byBan());

    List<EndedSession> list = List.of(new EndedSession("s1", ALICE.id(), SessionsEnded.REUSE, 99L));
    assertEquals(Set.of("sessions"), AuthOperations.ENDED.reply().encode().apply(list).fieldNames());
    assertRoundTrip(AuthOperations.ENDED.reply(), list);
  }

  @Test
  void theSmallAnswersKeepTheirShapes() {
    PublicKey key = new PublicKey("ES256", "parley", "-----BEGIN PUBLIC KEY-----");
    assertEquals(Set.of("algorithm", "issuer", "publicKeyPem"), key.toJson().fieldNames());
    assertRoundTrip(PublicKey.CODEC, key);
    assertEquals(new JsonObject().put("users", 7L), AuthOperations.ADMIN_STATS.reply().encode().apply(7L));
    assertRoundTrip(AuthOperations.ADMIN_STATS.reply(), 7L);
    assertEquals(new JsonObject(), AuthOperations.ADMIN_CHECK.reply().encode().apply(null));
    assertRoundTrip(AuthOperations.HEALTH.reply(), new Health("auth-service", "up"));
  }

  private static <T> void assertRoundTrip(Codec<T> codec, T value) {
    assertEquals(value, codec.decode().apply(codec.encode().apply(value)));
  }
}
