package io.parley.contract.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contract.ErrorCode;
import io.parley.contract.FieldError;
import io.parley.contract.ServiceError;
import io.parley.contract.bus.Codec;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The second wave's account requests: profile, avatar, password, two-factor codes and personal tokens. */
class AccountRequestsTest {

  private static final JsonObject NE_NULL = new JsonObject().put("$ne", null);

  @Test
  void everyRequestComesBackEqualFromItsJson() {
    assertRoundTrip(ProfileChange.CODEC, new ProfileChange("Ann", "on a train", "🚆"));
    assertRoundTrip(ProfileChange.CODEC, new ProfileChange(null, "", null));
    assertRoundTrip(PasswordChange.CODEC, new PasswordChange("old one here", "new one here"));
    assertRoundTrip(TotpCode.CODEC, new TotpCode("123456"));
    assertRoundTrip(TotpDisable.CODEC, new TotpDisable("pw", "abcd-efgh-ijkl-mnop"));
    assertRoundTrip(TokenRequest.CODEC, new TokenRequest("ci bot", 30));
    assertRoundTrip(TokenRequest.CODEC, new TokenRequest("ci bot", null));
    assertRoundTrip(Credentials.CODEC, new Credentials("alice", "pw", "123456", "10.0.0.1", "curl/8"));
    assertRoundTrip(AuthOperations.SESSION_END.request(), "aaaaaaaaaaaaaaaaaaaa");
  }

  @Test
  void aProfileChangeIsCleanedAndAnEmptyOneChangesNothing() {
    ProfileChange change = ProfileChange.parse(new JsonObject().put("displayName", " Ann\u202E ")
        .put("statusText", " \u0007coding 👩\u200D💻 ").put("statusEmoji", "👩\u200D💻"));
    assertEquals("Ann", change.displayName());
    assertEquals("coding 👩\u200D💻", change.statusText(), "the joiner of an emoji sequence stays");
    assertEquals("👩\u200D💻", change.statusEmoji());
    assertTrue(ProfileChange.parse(new JsonObject()).isEmpty());
    assertFalse(ProfileChange.parse(new JsonObject().put("statusText", "")).isEmpty(), "\"\" clears the status");
  }

  @Test
  void aProfileChangeRefusesWhatTheContractDoes() {
    assertFields(ProfileChange::parse, new JsonObject().put("displayName", "n".repeat(65))
        .put("statusText", "s".repeat(101)).put("statusEmoji", ":too long for an emoji short code:"),
        "displayName", "statusText", "statusEmoji");
    assertFields(ProfileChange::parse, new JsonObject().put("statusEmoji", "two words"), "statusEmoji");
    assertFields(ProfileChange::parse, new JsonObject().put("displayName", NE_NULL).put("statusText", 3),
        "displayName", "statusText");
  }

  @Test
  void passwordsCodesAndTokenNamesAreRequiredStrings() {
    assertFields(PasswordChange::parse, new JsonObject(), "currentPassword", "newPassword");
    assertFields(PasswordChange::parse, new JsonObject().put("currentPassword", NE_NULL).put("newPassword", 7),
        "currentPassword", "newPassword");
    assertFields(TotpCode::parse, new JsonObject().put("code", 123456), "code");
    assertFields(TotpDisable::parse, new JsonObject().put("code", "1"), "password");
    assertFields(TokenRequest::parse, new JsonObject().put("name", "\u200B ").put("expiresInDays", 0),
        "name", "expiresInDays");
    assertFields(TokenRequest::parse, new JsonObject().put("name", "x").put("expiresInDays", 366), "expiresInDays");
    assertFields(Credentials::parse, new JsonObject().put("username", "a").put("password", "b").put("totp", 1),
        "totp");
  }

  @Test
  void anAvatarMustBeAPngOfModestSize() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0};
    AvatarImage image = AvatarImage.parse(AvatarImage.of(png).toJson());
    assertArrayEquals(png, image.png());
    for (JsonObject refused : List.of(new JsonObject(), new JsonObject().put("png", "<svg/>".getBytes()),
        new JsonObject().put("png", 12), new JsonObject().put("png", "not base64 !"))) {
      ServiceError error = assertThrows(ServiceError.class, () -> AvatarImage.parse(refused), refused.encode());
      assertEquals(ErrorCode.INVALID_INPUT, error.code());
    }
  }

  @Test
  void theGatewaySetsTheClientsAddressAndAgentNeverTheBody() {
    Credentials sent = Credentials.parse(new JsonObject().put("username", "a").put("password", "b")
        .put("userAgent", "forged").put("clientAddress", "1.2.3.4"));
    Credentials seen = sent.from("10.0.0.9", "x".repeat(300));
    assertEquals("10.0.0.9", seen.clientAddress());
    assertEquals(Credentials.USER_AGENT_MAX_CHARS, seen.userAgent().length());
    assertNull(sent.from("10.0.0.9", null).userAgent());
  }

  private static void assertFields(Function<JsonObject, ?> parse, JsonObject json, String... fields) {
    ServiceError error = assertThrows(ServiceError.class, () -> parse.apply(json), json.encode());
    assertEquals(ErrorCode.INVALID_INPUT, error.code());
    assertEquals(List.of(fields), error.errors().stream().map(FieldError::field).toList(), json.encode());
  }

  private static <T> void assertRoundTrip(Codec<T> codec, T value) {
    assertEquals(value, codec.decode().apply(codec.encode().apply(value)));
  }
}
