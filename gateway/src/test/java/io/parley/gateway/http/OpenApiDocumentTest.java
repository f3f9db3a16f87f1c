package io.parley.gateway.http;

import static io.parley.gateway.ParleyStack.token;
import static io.parley.gateway.ParleyStack.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.auth.totp.Base32;
import io.parley.auth.totp.Totp;
import io.parley.gateway.ParleyStack;
import io.parley.testing.Await;
import io.parley.testing.RestClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI document: served without a token, a valid OpenAPI 3.1 contract naming every REST endpoint of
 * the public contract, and true to what the gateway answers, checked by validating real answers against it.
 */
@ExtendWith(VertxExtension.class)
class OpenApiDocumentTest {

  private static ParleyStack parley;
  private static RestClient rest;
  private static OpenAPIContract contract;
  private static ResponseValidator responses;

  @BeforeAll
  static void start(Vertx vertx) {
    parley = ParleyStack.start(vertx);
    rest = parley.rest();
    JsonObject served = rest.get("/api/openapi.json", null).json();
    contract = Await.result(OpenAPIContract.from(vertx, OpenApiDocument.forValidator(served)));
    responses = ResponseValidator.create(vertx, contract);
  }

  @AfterAll
  static void stop() {
    parley.close();
  }

  @Test
  void theDocumentIsServedWithoutATokenAsOpenApi31() {
    RestClient.Reply reply = rest.get("/api/openapi.json", null);
    assertEquals(200, reply.status());
    assertEquals("application/json", reply.header("Content-Type"));
    assertEquals("3.1.0", reply.json().getString("openapi"));
    assertEquals("application/problem+json", reply.json().getJsonObject("components").getJsonObject("responses")
        .getJsonObject("NotFound").getJsonObject("content").fieldNames().iterator().next());
  }

  @Test
  void everyEndpointOfThePublicContractIsDescribed() {
    List<List<String>> endpoints = List.of(
        List.of("POST", "/api/users"), List.of("POST", "/api/login"), List.of("POST", "/api/token/refresh"),
        List.of("POST", "/api/logout"), List.of("GET", "/api/users"), List.of("GET", "/api/users/me"),
        List.of("GET", "/api/users/u1"),
        List.of("GET", "/api/rooms"), List.of("POST", "/api/rooms"), List.of("GET", "/api/rooms/r1"),
        List.of("POST", "/api/rooms/r1/join"), List.of("POST", "/api/rooms/r1/leave"),
        List.of("POST", "/api/rooms/r1/members"), List.of("POST", "/api/dms"),
        List.of("GET", "/api/rooms/r1/messages"),
        List.of("POST", "/api/messages"), List.of("GET", "/api/messages/r1"), List.of("PATCH", "/api/messages/m1"),
        List.of("DELETE", "/api/messages/m1"), List.of("POST", "/api/messages/m1/reactions"),
        List.of("DELETE", "/api/messages/m1/reactions/x"), List.of("POST", "/api/files"),
        List.of("GET", "/api/files/f1"),
        List.of("GET", "/api/admin/users"), List.of("POST", "/api/admin/users/u1/ban"),
        List.of("POST", "/api/admin/users/u1/unban"), List.of("POST", "/api/admin/users/u1/role"),
        List.of("DELETE", "/api/admin/rooms/r1"), List.of("GET", "/api/admin/stats"),
        List.of("PATCH", "/api/users/me"), List.of("PUT", "/api/users/me/avatar"),
        List.of("DELETE", "/api/users/me/avatar"), List.of("GET", "/api/users/u1/avatar"),
        List.of("POST", "/api/users/me/password"), List.of("GET", "/api/sessions"),
        List.of("DELETE", "/api/sessions"), List.of("DELETE", "/api/sessions/s1"),
        List.of("POST", "/api/users/me/totp"), List.of("POST", "/api/users/me/totp/confirm"),
        List.of("DELETE", "/api/users/me/totp"), List.of("POST", "/api/users/me/tokens"),
        List.of("GET", "/api/users/me/tokens"), List.of("DELETE", "/api/users/me/tokens/t1"),
        List.of("POST", "/api/admin/users/u1/totp/reset"), List.of("GET", "/api/search"));
    for (List<String> endpoint : endpoints) {
      Operation operation = contract.findOperation(endpoint.get(1), HttpMethod.valueOf(endpoint.get(0)));
      assertNotNull(operation, endpoint.toString());
      assertNotNull(operation.getOperationId(), endpoint.toString());
    }
  }

  @Test
  void realAnswersFitTheDocument() {
    JsonObject ann = parley.newUser("ann");
    JsonObject bo = parley.newUser("bo");
    check("getMe", rest.get("/api/users/me", token(ann)));
    RestClient.Reply room = rest.post("/api/rooms", token(ann), new JsonObject().put("name", "documented"));
    check("createRoom", room);
    String roomId = room.json().getString("id");
    check("createRoom", rest.post("/api/rooms", token(ann), new JsonObject().put("name", "Documented")));
    check("joinRoom", rest.post("/api/rooms/" + roomId + "/join", token(bo), null));
    check("inviteMember", rest.post("/api/rooms/" + roomId + "/members", token(ann),
        new JsonObject().put("userId", userId(bo))));
    check("setLastRoom", rest.put("/api/users/me/last-room", token(bo), new JsonObject().put("roomId", roomId)));
    check("listRooms", rest.get("/api/rooms", token(bo)));
    JsonObject message = new JsonObject().put("roomId", roomId).put("text", "hi").put("clientMsgId", "d1");
    RestClient.Reply sent = rest.post("/api/messages", token(ann), message);
    check("sendMessage", sent);
    check("sendMessage", rest.post("/api/messages", token(ann), message));
    check("sendMessage", rest.post("/api/messages", token(ann), new JsonObject().put("roomId", roomId)));
    String messageId = sent.json().getString("id");
    check("editMessage", rest.patch("/api/messages/" + messageId, token(ann), new JsonObject().put("text", "hey")));
    check("addReaction", rest.post("/api/messages/" + messageId + "/reactions", token(bo),
        new JsonObject().put("emoji", "👋")));
    check("removeReaction", rest.delete("/api/messages/" + messageId + "/reactions/%F0%9F%91%8B", token(bo)));
    check("editMessage", rest.patch("/api/messages/" + messageId, token(bo), new JsonObject().put("text", "mine")));
    check("markRead", rest.post("/api/rooms/" + roomId + "/read", token(bo), new JsonObject().put("seq", 1)));
    check("getRoom", rest.get("/api/rooms/" + roomId, token(bo)));
    check("roomHistory", rest.get("/api/rooms/" + roomId + "/messages", token(bo)));
    check("messagesOfRoom", rest.get("/api/messages/" + roomId + "?limit=1", token(bo)));
    check("searchMessages", found(rest, "/api/search?q=hey&limit=5", token(bo)));
    check("searchMessages", rest.get("/api/search?q=", token(bo)));
    check("searchMessages", rest.get("/api/search?q=hey&before=soon", token(bo)));
    check("deleteMessage", rest.delete("/api/messages/" + messageId, token(ann)));
    check("openDirectRoom", rest.post("/api/dms", token(ann), new JsonObject().put("userId", userId(bo))));
    check("openDirectRoom", rest.post("/api/dms", token(bo), new JsonObject().put("userId", userId(ann))));
    check("getRoom", rest.get("/api/rooms/abcdefghijklmnopqrst", token(bo)));
    check("leaveRoom", rest.post("/api/rooms/" + roomId + "/leave", token(bo), null));
    check("getRoom", rest.get("/api/rooms/" + parley.createRoom(ann, "private"), token(bo)));

    Buffer body = Buffer.buffer("--b\r\nContent-Disposition: form-data; name=\"roomId\"\r\n\r\n" + roomId
        + "\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
        + "Content-Type: text/plain\r\n\r\nhello\r\n--b--\r\n");
    RestClient.Reply uploaded = rest.sendBytes(HttpMethod.POST, "/api/files", token(ann),
        "multipart/form-data; boundary=b", body);
    check("uploadFile", uploaded);
    check("fileLink", rest.get("/api/files/" + uploaded.json().getString("fileId") + "/link", token(ann)));
    check("health", rest.get("/health", null));

    // The check itself can fail: a user is not a list of rooms.
    assertThrows(AssertionError.class, () -> check("listRooms", rest.get("/api/users/me", token(ann))));
  }

  @Test
  void accountAnswersFitTheDocument() throws IOException {
    JsonObject eve = parley.newUser("eve");
    String eveName = eve.getJsonObject("user").getString("username");
    check("updateMe", rest.patch("/api/users/me", token(eve), new JsonObject().put("statusText", "here")));
    check("updateMe", rest.patch("/api/users/me", token(eve), new JsonObject().put("statusText", 7)));
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(300, 10, BufferedImage.TYPE_INT_RGB), "png", png);
    RestClient.Reply avatar = rest.sendBytes(HttpMethod.PUT, "/api/users/me/avatar", token(eve), "image/png",
        Buffer.buffer(png.toByteArray()));
    check("setAvatar", avatar);
    check("setAvatar", rest.sendBytes(HttpMethod.PUT, "/api/users/me/avatar", token(eve), "image/png",
        Buffer.buffer("<svg/>")));
    // The validator reads no image bodies; AvatarsTest checks what an avatar is served as.
    assertEquals(200, rest.get(avatar.json().getString("avatarUrl"), null).status());
    check("getMe", rest.get("/api/users/me", token(eve)));
    check("removeAvatar", rest.delete("/api/users/me/avatar", token(eve)));
    check("getAvatar", rest.get("/api/users/" + userId(eve) + "/avatar", null));

    check("listSessions", rest.get("/api/sessions", token(eve)));
    check("endSession", rest.delete("/api/sessions/abcdefghijklmnopqrst", token(eve)));
    check("changePassword", rest.post("/api/users/me/password", token(eve), new JsonObject()
        .put("currentPassword", "wrong").put("newPassword", "a brand new passphrase")));
    check("changePassword", rest.post("/api/users/me/password", token(eve), new JsonObject()
        .put("currentPassword", eve.getString("password")).put("newPassword", "short")));
    check("endOtherSessions", rest.delete("/api/sessions", token(eve)));

    RestClient.Reply made = rest.post("/api/users/me/tokens", token(eve), new JsonObject().put("name", "doc"));
    check("createToken", made);
    check("listTokens", rest.get("/api/users/me/tokens", token(eve)));
    check("listTokens", rest.get("/api/users/me/tokens", made.json().getString("token")));
    check("revokeToken", rest.delete("/api/users/me/tokens/" + made.json().getString("id"), token(eve)));

    check("totpStatus", rest.get("/api/users/me/totp", token(eve)));
    check("confirmTotp", rest.post("/api/users/me/totp/confirm", token(eve), new JsonObject().put("code", "1")));
    RestClient.Reply enrolment = rest.post("/api/users/me/totp", token(eve), null);
    check("enrolTotp", enrolment);
    byte[] secret = Base32.decode(enrolment.json().getString("secret"));
    String code = Totp.code(secret, Totp.step(System.currentTimeMillis()) - 1, Totp.DIGITS);
    check("confirmTotp", rest.post("/api/users/me/totp/confirm", token(eve), new JsonObject().put("code", code)));
    check("login", rest.post("/api/login", new JsonObject().put("username", eveName)
        .put("password", eve.getString("password"))));
    check("disableTotp", rest.send(HttpMethod.DELETE, "/api/users/me/totp", token(eve),
        new JsonObject().put("password", eve.getString("password")).put("code", "no-such-code").encode()));
    check("adminResetTotp", rest.post("/api/admin/users/" + userId(eve) + "/totp/reset", token(eve), null));
  }

  @Test
  void conversationAnswersFitTheDocument() {
    JsonObject fay = parley.newUser("fay");
    JsonObject gil = parley.newUser("gil");
    String roomId = parley.sharedRoom(fay, gil);
    String rootId = parley.send(fay, roomId, "@" + gil.getJsonObject("user").getString("username") + " root")
        .getString("id");
    RestClient.Reply reply = rest.post("/api/messages", token(gil), new JsonObject().put("roomId", roomId)
        .put("text", "reply").put("threadId", rootId));
    check("sendMessage", reply);
    check("sendMessage", rest.post("/api/messages", token(gil), new JsonObject().put("roomId", roomId)
        .put("text", "reply").put("threadId", reply.json().getString("id"))));
    check("threadReplies", rest.get("/api/messages/" + rootId + "/replies?limit=1", token(gil)));
    check("threadReplies", rest.get("/api/messages/nothing/replies", token(gil)));
    check("roomHistory", rest.get("/api/rooms/" + roomId + "/messages", token(gil)));
    check("markThreadRead", rest.post("/api/threads/" + rootId + "/read", token(fay), new JsonObject().put("seq", 9)));
    check("markRead", rest.post("/api/rooms/" + roomId + "/read", token(gil), new JsonObject().put("seq", 1)));
    check("listMentions", rest.get("/api/users/me/mentions", token(gil)));
    check("listMentions", rest.get("/api/users/me/mentions?before=x", token(gil)));
    check("listThreads", rest.get("/api/users/me/threads", token(fay)));
    rest.patch("/api/messages/" + rootId, token(fay), new JsonObject().put("text", "edited root"));
    check("messageEdits", rest.get("/api/messages/" + rootId + "/edits", token(gil)));
    check("pinMessage", rest.post("/api/messages/" + rootId + "/pin", token(gil), null));
    check("listPins", rest.get("/api/rooms/" + roomId + "/pins", token(gil)));
    check("unpinMessage", rest.delete("/api/messages/" + rootId + "/pin", token(gil)));
    check("updateRoom", rest.patch("/api/rooms/" + roomId, token(fay), new JsonObject().put("topic", "documented")));
    check("updateRoom", rest.patch("/api/rooms/" + roomId, token(gil), new JsonObject().put("topic", "mine")));
    check("setRoomPrefs", rest.put("/api/rooms/" + roomId + "/prefs", token(gil), new JsonObject().put("muted", true)));
    check("addOwner", rest.post("/api/rooms/" + roomId + "/owners", token(fay), new JsonObject()
        .put("userId", userId(gil))));
    check("removeMember", rest.delete("/api/rooms/" + roomId + "/members/" + userId(gil), token(fay)));
    check("removeMember", rest.delete("/api/rooms/" + roomId + "/members/" + userId(gil), token(fay)));
    check("listRooms", rest.get("/api/rooms", token(fay)));
    for (List<String> endpoint : List.of(List.of("PATCH", "/api/rooms/r1"),
        List.of("DELETE", "/api/rooms/r1/members/u1"),
        List.of("POST", "/api/rooms/r1/owners"), List.of("PUT", "/api/rooms/r1/prefs"),
        List.of("GET", "/api/rooms/r1/pins"), List.of("GET", "/api/messages/m1/replies"),
        List.of("GET", "/api/messages/m1/edits"), List.of("POST", "/api/messages/m1/pin"),
        List.of("DELETE", "/api/messages/m1/pin"), List.of("GET", "/api/users/me/mentions"),
        List.of("GET", "/api/users/me/threads"), List.of("POST", "/api/threads/m1/read"))) {
      assertNotNull(contract.findOperation(endpoint.get(1), HttpMethod.valueOf(endpoint.get(0))), endpoint.toString());
    }
  }

  @Test
  void webhookAnswersFitTheDocument() {
    JsonObject hal = parley.newUser("hal");
    JsonObject ida = parley.newUser("ida");
    String roomId = parley.sharedRoom(hal, ida);
    String hooks = "/api/rooms/" + roomId + "/webhooks";
    RestClient.Reply made = rest.post(hooks, token(hal), new JsonObject().put("name", "CI"));
    check("createWebhook", made);
    check("createWebhook", rest.post(hooks, token(ida), new JsonObject().put("name", "CI")));
    check("createWebhook", rest.post(hooks, token(hal), new JsonObject().put("name", 7)));
    check("listWebhooks", rest.get(hooks, token(hal)));
    String url = java.net.URI.create(made.json().getString("url")).getPath();
    RestClient.Reply posted = rest.post(url, new JsonObject().put("text", "documented"));
    // The validator reads no text bodies: the documented answer is checked here.
    assertEquals(200, posted.status());
    assertEquals("text/plain", posted.header("Content-Type"));
    assertEquals("ok", posted.raw().bodyAsString());
    check("postToWebhook", rest.post(url, new JsonObject()));
    check("postToWebhook", rest.post(url.substring(0, url.lastIndexOf('/') + 1) + "x", new JsonObject()
        .put("text", "x")));
    check("removeWebhook", rest.delete(hooks + "/" + made.json().getString("id"), token(hal)));
    check("removeWebhook", rest.delete(hooks + "/" + made.json().getString("id"), token(hal)));
    check("roomHistory", rest.get("/api/rooms/" + roomId + "/messages", token(ida)));
    for (List<String> endpoint : List.of(List.of("POST", "/api/rooms/r1/webhooks"),
        List.of("GET", "/api/rooms/r1/webhooks"), List.of("DELETE", "/api/rooms/r1/webhooks/h1"),
        List.of("POST", "/hooks/h1/s1"))) {
      assertNotNull(contract.findOperation(endpoint.get(1), HttpMethod.valueOf(endpoint.get(0))), endpoint.toString());
    }
  }

  @Test
  void requestsThatDoNotFitTheDocumentAreRefusedNamingTheField() {
    JsonObject cy = parley.newUser("cy");
    RestClient.Reply refused = rest.post("/api/rooms", token(cy), new JsonObject().put("name", "typed")
        .put("capacity", "twelve"));

    assertEquals(400, refused.status());
    assertEquals("invalid_input", refused.code());
    JsonArray errors = refused.json().getJsonArray("errors");
    assertEquals("capacity", errors.getJsonObject(0).getString("field"));
    check("createRoom", refused);
  }

  @Test
  void jsonBodiesAreReadAsJsonWhateverContentTypeTheClientSent() {
    JsonObject dee = parley.newUser("dee");
    RestClient.Reply created = rest.sendBytes(HttpMethod.POST, "/api/rooms", token(dee),
        "application/x-www-form-urlencoded", Buffer.buffer("{\"name\":\"sent-like-curl-d\"}"));
    assertEquals(201, created.status(), created.raw().bodyAsString());

    RestClient.Reply sent = rest.sendBytes(HttpMethod.POST, "/api/messages", token(dee), null,
        Buffer.buffer(new JsonObject().put("roomId", created.json().getString("id")).put("text", "no type").encode()));
    assertEquals(201, sent.status(), sent.raw().bodyAsString());
  }

  /** The answer once it has a result: the index follows the timeline a moment later. */
  private static RestClient.Reply found(RestClient rest, String path, String token) {
    long deadline = System.currentTimeMillis() + 10_000;
    RestClient.Reply reply = rest.get(path, token);
    while (reply.json().getJsonArray("results").isEmpty() && System.currentTimeMillis() < deadline) {
      Await.result(Future.future(promise -> parley.vertx().setTimer(50, timer -> promise.complete())));
      reply = rest.get(path, token);
    }
    assertEquals(1, reply.json().getJsonArray("results").size(), reply.raw().bodyAsString());
    return reply;
  }

  private static void check(String operationId, RestClient.Reply reply) {
    String contentType = reply.header("Content-Type");
    ValidatableResponse response = reply.status() == 204 || contentType == null
        ? ValidatableResponse.create(reply.status())
        : ValidatableResponse.create(reply.status(), reply.raw().bodyAsBuffer(),
            contentType.startsWith("application/problem+json") ? "application/json" : contentType);
    Throwable failure = Await.result(responses.validate(response, operationId).transform(done ->
        Future.succeededFuture(done.failed() ? done.cause() : null)));
    assertTrue(failure == null, operationId + " " + reply.status() + " " + reply.raw().bodyAsString() + ": "
        + (failure == null ? "" : failure.getMessage()));
  }
}
