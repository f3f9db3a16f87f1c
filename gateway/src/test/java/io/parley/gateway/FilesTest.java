package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static io.parley.gateway.ParleyStack.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.chat.ChatConfig;
import io.parley.testing.Await;
import io.parley.testing.RestClient;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Files: uploads streamed in chunks, downloads to room members only with safe headers, signed links, and
 * limits that leave nothing behind. The limit is lowered to 512 KiB and chunks to 64 KiB so that every case
 * crosses several chunks quickly; FileUploadHeapTest uploads 10 MiB at the default limit.
 */
@ExtendWith(VertxExtension.class)
class FilesTest {

  private static final int LIMIT = 512 * 1024;
  private static final Buffer PNG_MAGIC =
      Buffer.buffer(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
  private static ParleyStack parley;
  private static RestClient rest;
  private static MongoClient store;
  private static JsonObject owner;
  private static JsonObject outsider;
  private static String room;

  @BeforeAll
  static void start(Vertx vertx) {
    parley = ParleyStack.start(vertx, new JsonObject()
        .put(ChatConfig.FILE_MAX_BYTES, LIMIT)
        .put(ChatConfig.FILE_CHUNK_BYTES, 64 * 1024)
        .put(ChatConfig.FILE_LINK_TTL_SECONDS, 2));
    rest = parley.rest();
    store = parley.store();
    owner = parley.newUser("owner");
    outsider = parley.newUser("outsider");
    room = parley.createRoom(owner, "private");
  }

  @AfterAll
  static void stop() {
    parley.close();
  }

  @Test
  void anImageGoesUpInChunksAndComesBackWholeToMembersShownInline() {
    Buffer image = bytes(PNG_MAGIC, 300 * 1024);
    RestClient.Reply uploaded = upload(owner, new MultipartBody().field("roomId", room)
        .file("file", "holiday.png", "image/png", image));

    assertEquals(201, uploaded.status(), uploaded.raw().bodyAsString());
    JsonObject file = uploaded.json();
    assertEquals("holiday.png", file.getString("name"));
    assertEquals(image.length(), file.getLong("size"));
    assertEquals("image/png", file.getString("contentType"));

    RestClient.Reply download = rest.get("/api/files/" + file.getString("fileId"), token(owner));
    assertEquals(200, download.status());
    assertEquals(image, download.raw().bodyAsBuffer());
    assertEquals("image/png", download.header("Content-Type"));
    assertEquals("nosniff", download.header("X-Content-Type-Options"));
    assertEquals(String.valueOf(image.length()), download.header("Content-Length"));
    assertTrue(download.header("Content-Disposition").startsWith("inline; filename=\"holiday.png\""));
  }

  @Test
  void anUploadThatExpects100ContinueAsCurlSendsItGoesThrough() {
    GeneratedUpload body = new GeneratedUpload(parley.vertx(), room, "curl.bin", "application/octet-stream",
        Buffer.buffer(), 200 * 1024);
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Content-Type", MultipartBody.CONTENT_TYPE)
        .add("Content-Length", Long.toString(body.length())).add("Expect", "100-continue");

    RestClient.Reply uploaded = rest.sendStream(HttpMethod.POST, "/api/files", token(owner), headers, body);

    assertEquals(201, uploaded.status(), uploaded.raw().bodyAsString());
    assertEquals(200 * 1024, uploaded.json().getLong("size"));
  }

  @Test
  void declaredTypesAreNotTrustedAndOnlyRasterImagesAreInline() {
    List<List<String>> cases = List.of(
        List.of("page.html", "text/html", "<html><script>alert(1)</script></html>", "application/octet-stream"),
        List.of("fake.png", "image/png", "<html><script>alert(1)</script></html>", "application/octet-stream"),
        List.of("logo.svg", "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>",
            "application/octet-stream"),
        List.of("notes.txt", "text/plain", "plain words, café", "text/plain"));
    for (List<String> c : cases) {
      RestClient.Reply uploaded = upload(owner, new MultipartBody().field("roomId", room)
          .file("file", c.get(0), c.get(1), Buffer.buffer(c.get(2))));
      assertEquals(c.get(3), uploaded.json().getString("contentType"), c.get(0));

      RestClient.Reply download = rest.get("/api/files/" + uploaded.json().getString("fileId"), token(owner));
      assertTrue(download.header("Content-Disposition").startsWith("attachment;"), c.get(0));
      assertTrue(download.header("Content-Type").startsWith(c.get(3)), c.get(0));
      assertEquals("nosniff", download.header("X-Content-Type-Options"));
      assertEquals(c.get(2), download.raw().bodyAsString());
    }
    RestClient.Reply odd = upload(owner, new MultipartBody().field("roomId", room)
        .file("file", "../../etc/\\\"passwd\\\"\u0007.txt", "text/plain", Buffer.buffer("x")));
    assertEquals("\"passwd\".txt", odd.json().getString("name"));
    String disposition = rest.get("/api/files/" + odd.json().getString("fileId"), token(owner))
        .header("Content-Disposition");
    assertEquals("attachment; filename=\"_passwd_.txt\"; filename*=UTF-8''%22passwd%22.txt", disposition);
  }

  @Test
  void outsidersCanNeitherUploadToNorDownloadFromAPrivateRoomAndLearnNothing() {
    long filesBefore = count("files");
    long chunksBefore = count("file_chunks");
    Buffer secret = bytes(Buffer.buffer("TOP-SECRET-CONTENT"), 100 * 1024);

    RestClient.Reply roomFirst = upload(outsider, new MultipartBody().field("roomId", room)
        .file("file", "x.bin", "application/octet-stream", secret));
    assertEquals(403, roomFirst.status());
    RestClient.Reply roomLast = upload(outsider, new MultipartBody()
        .file("file", "x.bin", "application/octet-stream", secret).field("roomId", room));
    assertEquals(403, roomLast.status());
    assertEquals(filesBefore, count("files"));
    assertEquals(chunksBefore, count("file_chunks"));

    String fileId = upload(owner, new MultipartBody().field("roomId", room)
        .file("file", "plan.bin", "application/octet-stream", secret)).json().getString("fileId");
    for (RestClient.Reply refused : List.of(rest.get("/api/files/" + fileId, token(outsider)),
        rest.get("/api/files/" + fileId + "/link", token(outsider)))) {
      assertEquals(403, refused.status());
      assertEquals("application/problem+json", refused.header("Content-Type"));
      assertFalse(refused.raw().bodyAsString().contains("TOP-SECRET") || refused.raw().bodyAsString().contains("plan"));
    }
    assertEquals(401, rest.get("/api/files/" + fileId, null).status());
    assertEquals(404, rest.get("/api/files/abcdefghijklmnopqrst", token(owner)).status());
    assertEquals(404, rest.get("/api/files/nonsense", token(owner)).status());
  }

  @Test
  void aFileOverTheLimitIsRefusedWithNothingLeftBehind() {
    long filesBefore = count("files");
    long chunksBefore = count("file_chunks");

    RestClient.Reply declared = upload(owner, new MultipartBody().field("roomId", room)
        .file("file", "big.bin", "application/octet-stream", bytes(Buffer.buffer(), 2 * LIMIT)));
    assertEquals(413, declared.status());
    assertEquals("too_large", declared.code());

    GeneratedUpload chunked = new GeneratedUpload(parley.vertx(), room, "big.bin", "application/octet-stream",
        Buffer.buffer(), 3L * LIMIT);
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Content-Type", MultipartBody.CONTENT_TYPE)
        .add("Transfer-Encoding", "chunked");
    RestClient.Reply streamed = rest.sendStream(HttpMethod.POST, "/api/files", token(owner), headers, chunked);
    assertEquals(413, streamed.status());
    assertEquals("too_large", streamed.code());

    assertEquals(filesBefore, count("files"));
    assertEquals(chunksBefore, count("file_chunks"));
    RestClient.Reply atTheLimit = upload(owner, new MultipartBody().field("roomId", room)
        .file("file", "exact.bin", "application/octet-stream", bytes(Buffer.buffer(), LIMIT)));
    assertEquals(201, atTheLimit.status());
    assertEquals(LIMIT, atTheLimit.json().getLong("size"));
  }

  @Test
  void badUploadsAreRefusedAndLeaveNothing() {
    long filesBefore = count("files");
    long chunksBefore = count("file_chunks");
    Buffer some = bytes(Buffer.buffer(), 100 * 1024);

    assertEquals(400, rest.post("/api/files", token(owner), new JsonObject().put("roomId", room)).status());
    assertEquals(400, upload(owner, new MultipartBody().field("roomId", room)).status());
    assertEquals(400, upload(owner, new MultipartBody().file("file", "a.bin", "x/y", some)).status());
    assertEquals(400, upload(owner, new MultipartBody().field("roomId", room)
        .file("file", "empty.txt", "text/plain", Buffer.buffer())).status());
    assertEquals(400, upload(owner, new MultipartBody().field("roomId", room)
        .file("file", "a.bin", "x/y", some).file("file", "b.bin", "x/y", some)).status());
    assertEquals(400, rest.sendBytes(HttpMethod.POST, "/api/files", token(owner), MultipartBody.CONTENT_TYPE,
        new MultipartBody().field("roomId", room).file("file", "cut.bin", "x/y", some).unfinished()).status());
    assertEquals(400, rest.sendBytes(HttpMethod.POST, "/api/files", token(owner), "multipart/form-data",
        Buffer.buffer("no boundary")).status());
    assertEquals(404, upload(owner, new MultipartBody().field("roomId", "abcdefghijklmnopqrst")
        .file("file", "a.bin", "x/y", some)).status());
    assertEquals(401, rest.sendBytes(HttpMethod.POST, "/api/files", null, MultipartBody.CONTENT_TYPE,
        new MultipartBody().field("roomId", room).file("file", "a.bin", "x/y", some).end()).status());

    assertEquals(filesBefore, count("files"));
    assertEquals(chunksBefore, count("file_chunks"));
  }

  @Test
  void aMessageCarriesAFileOfItsSendersFromItsOwnRoom() {
    String fileId = upload(owner, new MultipartBody().field("roomId", room)
        .file("file", "report.pdf", "application/pdf", Buffer.buffer("%PDF-1.7 minimal"))).json().getString("fileId");

    RestClient.Reply sent = rest.post("/api/messages", token(owner), new JsonObject().put("roomId", room)
        .put("fileId", fileId));
    assertEquals(201, sent.status());
    JsonObject attachment = sent.json().getJsonObject("attachment");
    assertEquals(new JsonObject().put("fileId", fileId).put("name", "report.pdf").put("size", 16)
        .put("contentType", "application/pdf"), attachment);
    assertEquals("", sent.json().getString("text"));
    assertEquals(attachment, rest.get("/api/rooms/" + room + "/messages", token(owner)).json()
        .getJsonArray("messages").stream().map(JsonObject.class::cast)
        .filter(m -> m.getString("id").equals(sent.json().getString("id"))).findFirst().orElseThrow()
        .getJsonObject("attachment"));

    String otherRoom = parley.createRoom(outsider, "public");
    rest.post("/api/rooms/" + otherRoom + "/join", token(owner), null);
    RestClient.Reply elsewhere = rest.post("/api/messages", token(owner), new JsonObject().put("roomId", otherRoom)
        .put("text", "look").put("fileId", fileId));
    assertEquals(400, elsewhere.status());
    RestClient.Reply notTheirs = rest.post("/api/messages", token(outsider), new JsonObject().put("roomId", otherRoom)
        .put("text", "look").put("fileId", fileId));
    assertEquals(400, notTheirs.status());

    assertEquals(204, rest.delete("/api/messages/" + sent.json().getString("id"), token(owner)).status());
    JsonObject deleted = rest.get("/api/rooms/" + room + "/messages", token(owner)).json()
        .getJsonArray("messages").stream().map(JsonObject.class::cast)
        .filter(m -> m.getString("id").equals(sent.json().getString("id"))).findFirst().orElseThrow();
    assertNull(deleted.getJsonObject("attachment"));
  }

  @Test
  void signedLinksWorkWithoutATokenUntilTheyExpireAndCannotBeForged() throws InterruptedException {
    JsonObject member = parley.newUser("member");
    String shared = parley.createRoom(owner, "private");
    rest.post("/api/rooms/" + shared + "/members", token(owner), new JsonObject().put("userId", userId(member)));
    Buffer image = bytes(PNG_MAGIC, 1000);
    String fileId = upload(owner, new MultipartBody().field("roomId", shared)
        .file("file", "pic.png", "image/png", image)).json().getString("fileId");

    JsonObject link = rest.get("/api/files/" + fileId + "/link", token(member)).json();
    String url = link.getString("url");
    assertTrue(url.startsWith("/api/files/" + fileId + "?exp="), url);
    RestClient.Reply viaLink = rest.get(url, null);
    assertEquals(200, viaLink.status());
    assertEquals(image, viaLink.raw().bodyAsBuffer());

    String forged = url.substring(0, url.indexOf("&sig=") + 5) + "AAAA" + url.substring(url.indexOf("&sig=") + 9);
    assertEquals(403, rest.get(forged, null).status());
    long exp = Long.parseLong(url.substring(url.indexOf("exp=") + 4, url.indexOf("&sig=")));
    assertEquals(403, rest.get(url.replace("exp=" + exp, "exp=" + (exp + 3600)), null).status());
    String otherFile = upload(owner, new MultipartBody().field("roomId", shared)
        .file("file", "other.png", "image/png", image)).json().getString("fileId");
    assertEquals(403, rest.get(url.replace(fileId, otherFile), null).status());

    Thread.sleep(3_100);
    assertEquals(403, rest.get(url, null).status());
  }

  private static RestClient.Reply upload(JsonObject session, MultipartBody body) {
    return rest.sendBytes(HttpMethod.POST, "/api/files", token(session), MultipartBody.CONTENT_TYPE, body.end());
  }

  private static Buffer bytes(Buffer prefix, int length) {
    byte[] bytes = new byte[length];
    new Random(length).nextBytes(bytes);
    Buffer buffer = Buffer.buffer(bytes);
    buffer.setBuffer(0, prefix.getBuffer(0, Math.min(prefix.length(), length)));
    return buffer;
  }

  private static long count(String collection) {
    return Await.result(store.count(collection, new JsonObject()));
  }
}
