package io.parley.contract.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contract.Actor;
import io.parley.contract.bus.Codec;
import io.parley.contract.frame.UserUpdated;
import io.parley.contract.model.User;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The second wave's account answers and notices, as REST clients and gateways see them. */
class AccountRepliesTest {

  private static final String ID = "aaaaaaaaaaaaaaaaaaaa";
  private static final User ANN = new User(ID, "ann", "Ann", User.ROLE_USER, "2026-12-04T00:00:00Z", "away", "🌴",
      3, null, null);

  @Test
  void aUserWithAnAvatarCarriesItsVersionedUrl() {
    JsonObject json = ANN.toJson();
    assertTrue(json.getBoolean("hasAvatar"));
    assertEquals("/api/users/" + ID + "/avatar?v=3", json.getString("avatarUrl"));
    assertEquals(ANN, User.fromJson(json));
    JsonObject plain = new User(ID, "bo", "Bo", User.ROLE_USER, "t", null, null).toJson();
    assertEquals(false, plain.getBoolean("hasAvatar"));
    assertEquals("", plain.getString("statusText"));
    assertFalse(plain.containsKey("avatarUrl"));
  }

  @Test
  void aProfileChangeReachesClientsAsUserUpdated() {
    assertRoundTrip(ProfileOperations.USER_UPDATED.payload(), ANN);
    JsonObject frame = new UserUpdated(ANN).toJson();
    assertEquals(Set.of("type", "user"), frame.fieldNames());
    assertEquals("user_updated", frame.getString("type"));
  }

  @Test
  void aPersonalTokensSecretIsInTheAnswerThatMadeItOnly() {
    PersonalToken made = new PersonalToken(ID, "ci", "t0", null, null, "pat_secret");
    JsonObject json = made.toJson();
    assertEquals(Set.of("id", "name", "createdAt", "expiresAt", "lastUsedAt", "token"), json.fieldNames());
    assertNull(json.getValue("expiresAt"), "no expiry is null, not left out");
    PersonalToken listed = new PersonalToken(ID, "ci", "t0", "t9", "t1", null);
    assertFalse(listed.toJson().containsKey("token"));
    assertRoundTrip(PersonalToken.LIST, List.of(listed));
    assertTrue(PersonalToken.looksLikeOne("pat_x"));
    assertFalse(PersonalToken.looksLikeOne("eyJhbGciOiJFUzI1NiJ9.e30.sig"));
  }

  @Test
  void aTokensActorIsMarkedSoItNeverPassesForASession() {
    Actor actor = new TokenGrant(ID, User.ROLE_ADMIN, "bbbbbbbbbbbbbbbbbbbb", null).actor();
    assertTrue(actor.viaToken());
    assertEquals(actor, Actor.of(new JsonObject().put("actor", actor.toJson())));
    assertFalse(Actor.of(new JsonObject().put("actor", new Actor(ID, "user", "s").toJson())).viaToken());
    assertFalse(Actor.of(new JsonObject().put("actor", new JsonObject().put("id", ID).put("viaToken", "yes")))
        .viaToken(), "only true itself marks a token");
    assertRoundTrip(TokenGrant.CODEC, new TokenGrant(ID, "user", "t", 99L));
  }

  @Test
  void sessionsAndTwoFactorAnswersKeepTheirShapes() {
    SessionInfo session = new SessionInfo(ID, "t0", "t1", "Firefox", "10.0.0.1", true);
    assertEquals(Set.of("id", "createdAt", "lastUsedAt", "userAgent", "address", "current"),
        session.toJson().fieldNames());
    assertRoundTrip(AuthOperations.SESSIONS_LIST.reply(), List.of(session));
    assertRoundTrip(TotpEnrolment.CODEC, new TotpEnrolment("JBSW", "otpauth://totp/x", "<svg/>"));
    assertEquals(Set.of("recoveryCodes"), new RecoveryCodes(List.of("a")).toJson().fieldNames());
    assertRoundTrip(TwoFactorStatus.CODEC, new TwoFactorStatus(true, false, 9));
  }

  private static <T> void assertRoundTrip(Codec<T> codec, T value) {
    assertEquals(value, codec.decode().apply(codec.encode().apply(value)));
  }
}
