package io.parley.contract.auth;

import static io.parley.contract.Refusals.assertRoundTrip;
import static io.parley.contract.Refusals.fields;
import static io.parley.contract.Refusals.messages;
import static io.parley.contract.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each auth request through its codec: what travels comes back equal, and what the contract refuses is refused. */
class AuthRequestsTest {

  private static final String ID = "aaaaaaaaaaaaaaaaaaaa";
  private static final JsonObject NE_NULL = new JsonObject().put("$ne", null);

  @Test
  void everyRequestComesBackEqualFromItsJson() {
    assertRoundTrip(Registration.CODEC, new Registration("alice", "correct horse battery", "Alice A."));
    assertRoundTrip(Registration.CODEC, new Registration("alice", "correct horse battery", null));
    assertRoundTrip(Credentials.CODEC, new Credentials("alice", "pw", "10.0.0.1"));
    assertRoundTrip(Credentials.CODEC, new Credentials("alice", "pw", null));
    assertRoundTrip(TokenRefresh.CODEC, new TokenRefresh("r".repeat(43)));
    assertRoundTrip(UserSearch.CODEC, new UserSearch("al", true, 5));
    assertRoundTrip(UserSearch.CODEC, UserSearch.all());
    assertRoundTrip(UserBan.CODEC, new UserBan(ID, true));
    assertRoundTrip(UserBan.CODEC, new UserBan(ID, false));
    assertRoundTrip(RoleChange.CODEC, new RoleChange(ID, "admin"));
    assertRoundTrip(AuthOperations.USER_GET.request(), ID);
    assertRoundTrip(AuthOperations.USERS_GET.request(), List.of(ID, "bbbbbbbbbbbbbbbbbbbb"));
  }

  @Test
  void absentOptionalFieldsAreLeftOutNotSentAsNull() {
    assertEquals(new JsonObject(), UserSearch.all().toJson());
    assertEquals(new JsonObject().put("username", "a").put("password", "b"), new Credentials("a", "b", null).toJson());
    assertEquals(new JsonObject().put("username", "a").put("password", "b"),
        new Registration("a", "b", null).toJson());
  }

  @Test
  void wrongTypesAreListedForEveryFieldAndNeverCoerced() {
    ServiceError error = refused(Registration::parse, new JsonObject()
        .put("username", 42).put("password", true).put("displayName", new JsonArray()));
    assertEquals(List.of("username", "password", "displayName"), fields(error));
    assertEquals(List.of("must be a string", "must be a string", "must be a string"), messages(error));

    assertEquals(List.of("username", "password"),
        fields(refused(Credentials::parse, new JsonObject().put("username", List.of("x")).put("password", 123))));
    assertEquals(List.of("online", "limit"), fields(refused(UserSearch::parse,
        new JsonObject().put("online", "true").put("limit", "5"))));
    assertEquals(List.of("limit"), fields(refused(UserSearch::parse, new JsonObject().put("limit", 2.5))));
    assertEquals(List.of("banned"), fields(refused(UserBan::parse,
        new JsonObject().put("userId", ID).put("banned", "true"))));
  }

  @Test
  void noSqlOperatorsAreRefusedBeforeTheyCanReachAQuery() {
    assertEquals(List.of("must be a string", "must be a string"), messages(refused(Credentials::parse,
        new JsonObject().put("username", NE_NULL).put("password", new JsonObject().put("$gt", "")))));
    assertEquals(List.of("username"), fields(refused(Registration::parse,
        new JsonObject().put("username", new JsonObject().put("$regex", ".*")).put("password", "long enough!"))));
    assertEquals(List.of("refreshToken"),
        fields(refused(TokenRefresh::parse, new JsonObject().put("refreshToken", NE_NULL))));
    assertEquals(List.of("q"), fields(refused(UserSearch::parse, new JsonObject().put("q", NE_NULL))));
    assertEquals(List.of("role"), fields(refused(RoleChange::parse,
        new JsonObject().put("userId", ID).put("role", new JsonObject().put("$in", new JsonArray().add("admin"))))));

    // An id that cannot be one names no user: not_found, as for an unknown id.
    JsonObject byOperator = new JsonObject().put("userId", NE_NULL);
    assertEquals(ErrorCode.NOT_FOUND, refused(AuthOperations.USER_GET.request().decode(), byOperator).code());
    assertEquals(ErrorCode.NOT_FOUND, refused(UserBan::parse, byOperator.copy().put("banned", true)).code());
    assertEquals(ErrorCode.NOT_FOUND, refused(RoleChange::parse, byOperator.copy().put("role", "user")).code());
    assertEquals(List.of(ID), AuthOperations.USERS_GET.request().decode().apply(new JsonObject()
        .put("userIds", new JsonArray().add(NE_NULL).add(ID).add("..").add(7))));
    assertEquals(List.of(), AuthOperations.USERS_GET.request().decode().apply(new JsonObject().put("userIds", NE_NULL)));
  }

  @Test
  void oversizeFieldsAreRefused() {
    assertEquals(List.of("must be at most 256 characters"), messages(refused(Registration::parse,
        new JsonObject().put("username", "u".repeat(257)).put("password", "pw"))));
    assertEquals(List.of("must be at most 256 characters"), messages(refused(Credentials::parse,
        new JsonObject().put("username", "alice").put("password", "p".repeat(257)))));
    assertEquals(List.of("must be at most 512 characters"), messages(refused(TokenRefresh::parse,
        new JsonObject().put("refreshToken", "r".repeat(513)))));
    assertEquals(List.of("must be at most 64 characters"),
        messages(refused(UserSearch::parse, new JsonObject().put("q", "q".repeat(65)))));
    assertEquals(List.of("must be between 1 and 100"),
        messages(refused(UserSearch::parse, new JsonObject().put("limit", 101))));
    assertEquals(List.of("must be at most 64 characters"), messages(refused(Registration::parse,
        new JsonObject().put("username", "alice").put("password", "pw").put("displayName", "n".repeat(65)))));
    assertEquals(List.of("must be at most 1000 characters"), messages(refused(Registration::parse,
        new JsonObject().put("username", "alice").put("password", "pw").put("displayName", " ".repeat(1001)))));
  }

  @Test
  void missingFieldsAreAllListed() {
    assertEquals(List.of("username", "password"), fields(refused(Registration::parse, new JsonObject())));
    assertEquals(List.of("password"), fields(refused(Credentials::parse, new JsonObject().put("username", "x"))));
    assertEquals(List.of("refreshToken"), fields(refused(TokenRefresh::parse, new JsonObject())));
    assertEquals(List.of("banned"), fields(refused(UserBan::parse, new JsonObject().put("userId", ID))));
    assertEquals(List.of("role"), fields(refused(RoleChange::parse, new JsonObject().put("userId", ID))));
    assertEquals(List.of("is required"), messages(refused(TokenRefresh::parse, new JsonObject())));
  }

  @Test
  void usernamesFollowTheContractsRules() {
    for (String bad : List.of("ab", "has space", "x".repeat(33), "émile", "semi;colon", "")) {
      ServiceError error = refused(Registration::parse, new JsonObject().put("username", bad).put("password", "pw"));
      assertEquals("username", error.errors().get(0).field(), bad);
    }
    assertEquals("A.b-c_9", Registration.parse(new JsonObject().put("username", "A.b-c_9").put("password", "pw"))
        .username());
  }

  @Test
  void displayNamesAreCleanedAndABlankOneShowsTheUsername() {
    Registration cleaned = Registration.parse(new JsonObject().put("username", "annlee").put("password", "pw")
        .put("displayName", "  Ann\u0007 \u200BLee\u202E \n "));
    assertEquals("Ann Lee", cleaned.shownName());
    Registration blank = Registration.parse(new JsonObject().put("username", "blanky").put("password", "pw")
        .put("displayName", " \t\u200B "));
    assertEquals("blanky", blank.shownName());
    assertEquals("plain", new Registration("plain", "pw", null).shownName());
  }

  @Test
  void rolesAreOnlyUserOrAdminAndTheClientAddressIsNeverRequired() {
    assertEquals(List.of("must be one of user, admin"),
        messages(refused(RoleChange::parse, new JsonObject().put("userId", ID).put("role", "root"))));
    assertEquals(new RoleChange(ID, "user"), RoleChange.parse(ID, new JsonObject().put("role", "user")));
    assertNull(Credentials.parse(new JsonObject().put("username", "a").put("password", "b")
        .put("clientAddress", 7)).clientAddress());
    assertEquals("10.0.0.2", new Credentials("a", "b", null).from("10.0.0.2").clientAddress());
    assertEquals(3, new UserSearch("  al ", null, 3).max());
    assertEquals("al", new UserSearch("  al ", null, 3).prefix());
    assertEquals(UserSearch.DEFAULT_LIMIT, UserSearch.all().max());
  }
}
