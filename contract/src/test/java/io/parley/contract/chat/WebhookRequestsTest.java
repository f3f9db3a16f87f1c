package io.parley.contract.chat;

import static io.parley.contract.Refusals.assertRoundTrip;
import static io.parley.contract.Refusals.fields;
import static io.parley.contract.Refusals.messages;
import static io.parley.contract.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.parley.contract.model.Message;
import io.parley.contract.model.UserRef;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Incoming webhooks' requests and answers through their codecs, and what a post through a url may carry. */
class WebhookRequestsTest {

  private static final String ROOM = "rrrrrrrrrrrrrrrrrrrr";
  private static final String HOOK = "hhhhhhhhhhhhhhhhhhhh";
  private static final String SECRET = "A".repeat(21) + "-_" + "z9".repeat(10);

  @Test
  void everyRequestAndAnswerComesBackEqualFromItsJson() {
    assertRoundTrip(NewWebhook.CODEC, new NewWebhook(ROOM, "CI builds"));
    assertRoundTrip(WebhookRef.CODEC, new WebhookRef(ROOM, HOOK));
    assertRoundTrip(WebhookPost.CODEC, new WebhookPost(HOOK, SECRET, "deployed", "Deploy bot"));
    assertRoundTrip(WebhookPost.CODEC, new WebhookPost(HOOK, SECRET, "deployed", null));
    Webhook made = new Webhook(HOOK, ROOM, "CI", "uuuuuuuuuuuuuuuuuuuu", "t", null, SECRET);
    assertRoundTrip(Webhook.CODEC, made);
    assertRoundTrip(Webhook.LIST, List.of(made.withoutSecret()));
    assertFalse(made.withoutSecret().toJson().containsKey("secret"));
    assertEquals("/hooks/" + HOOK + "/" + SECRET, made.path());
    assertThrows(IllegalStateException.class, () -> made.withoutSecret().path());
  }

  @Test
  void aPostIsSlacksBodyWithAMessagesTextAndAnOptionalVisibleUsername() {
    WebhookPost post = WebhookPost.parse(HOOK, SECRET, new JsonObject().put("text", "build *green*")
        .put("username", " \u202eCI ").put("icon_emoji", ":ghost:").put("channel", "#elsewhere"));
    assertEquals("build *green*", post.text());
    assertEquals("CI", post.username(), "cleaned of invisible characters and blanks");
    assertNull(WebhookPost.parse(HOOK, SECRET, new JsonObject().put("text", "x").put("username", " ")).username(),
        "a blank username is no username");

    assertEquals(List.of("text"), fields(refused(body -> WebhookPost.parse(HOOK, SECRET, body), new JsonObject())));
    assertEquals(List.of("must be at most 4000 characters"), messages(refused(body ->
        WebhookPost.parse(HOOK, SECRET, body), new JsonObject().put("text", "x".repeat(4001)))));
    assertEquals(List.of("text", "username"), fields(refused(body -> WebhookPost.parse(HOOK, SECRET, body),
        new JsonObject().put("text", 7).put("username", "n".repeat(65)))));
  }

  @Test
  void aHookOrSecretThatCannotBeOneIsNotFoundAsAnUnknownHookIsOnceTheBodyIsRight() {
    JsonObject body = new JsonObject().put("text", "hi");
    for (List<String> url : List.of(List.of("nope", SECRET), List.of(HOOK, SECRET + "x"),
        List.of(HOOK, SECRET.replace('-', '+')), List.of(HOOK.toUpperCase(), SECRET))) {
      ServiceError error = refused(json -> WebhookPost.parse(url.get(0), url.get(1), json), body);
      assertEquals(ErrorCode.NOT_FOUND, error.code(), url.toString());
      assertEquals(WebhookRef.notFound().detail(), error.detail());
    }
    assertEquals(ErrorCode.INVALID_INPUT, refused(json -> WebhookPost.parse("nope", SECRET, json),
        new JsonObject()).code(), "a bad body says so before anything about the hook");
    assertEquals(ErrorCode.NOT_FOUND, refused(json -> WebhookRef.of(ROOM, "nope"), null).code());
  }

  @Test
  void aWebhookHasAVisibleNameAndARoom() {
    assertEquals("Alerts", NewWebhook.parse(ROOM, new JsonObject().put("name", "  Alerts\u200b ")).name());
    assertEquals(List.of("name"), fields(refused(body -> NewWebhook.parse(ROOM, body), new JsonObject()
        .put("name", "\u200b"))));
    assertEquals(List.of("name"), fields(refused(body -> NewWebhook.parse(ROOM, body), new JsonObject()
        .put("name", new JsonObject().put("$ne", null)))));
    assertEquals(ErrorCode.NOT_FOUND, refused(body -> NewWebhook.parse("nope", body), new JsonObject()
        .put("name", "ok")).code());
  }

  @Test
  void aBotMessageSaysSoAndNamesItsHookWhileAUsersSaysNeither() {
    UserRef hook = new UserRef(HOOK, "CI builds", "CI builds");
    Message bot = new Message("r-0000000001", "r", 1, hook, "green", null, "t", null, false, null, null, 3, null,
        null, List.of(), false, null, HOOK);
    JsonObject json = bot.toJson();
    assertEquals(true, json.getBoolean("bot"));
    assertEquals(HOOK, json.getString("hookId"));
    assertEquals(bot, Message.fromJson(json));
    assertEquals(true, Message.fromJson(json).bot());
    assertEquals(bot.withVersion(4).hookId(), HOOK);
    Message mine = new Message("r-0000000002", "r", 2, hook, "x", null, "t", null, false, null, null, 5);
    assertFalse(mine.toJson().containsKey("bot"));
    assertFalse(mine.toJson().containsKey("hookId"));
  }
}
