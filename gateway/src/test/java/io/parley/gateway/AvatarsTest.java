package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static io.parley.gateway.ParleyStack.userId;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.testing.RestClient;
import io.parley.testing.SocketClient;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Avatars: decoded to prove they are images, scaled to fit 256 x 256, re-encoded as PNG, cached by version. */
class AvatarsTest extends ParleyStackTest {

  /** A 1 x 1 lossless WebP. */
  private static final String WEBP = "UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==";

  @Test
  void aLargePngIsScaledToFitAndServedAsANewPng() throws IOException {
    JsonObject ann = parley.newUser("painter");
    byte[] upload = image("png", 1000, 600);
    RestClient.Reply stored = upload(ann, "image/png", upload);
    assertEquals(200, stored.status(), stored.raw().bodyAsString());
    JsonObject user = stored.json();
    assertTrue(user.getBoolean("hasAvatar"));
    int version = user.getInteger("avatarVersion");
    assertEquals("/api/users/" + userId(ann) + "/avatar?v=" + version, user.getString("avatarUrl"));

    RestClient.Reply served = rest.get(user.getString("avatarUrl"), null);
    assertEquals(200, served.status(), "no token needed, as an <img> sends none");
    assertEquals("image/png", served.header("Content-Type"));
    assertEquals("nosniff", served.header("X-Content-Type-Options"));
    assertEquals("public, max-age=31536000, immutable", served.header("Cache-Control"));
    BufferedImage avatar = decode(served.raw().bodyAsBuffer().getBytes());
    assertEquals(256, avatar.getWidth());
    assertEquals(154, avatar.getHeight());
    assertFalse(java.util.Arrays.equals(upload, served.raw().bodyAsBuffer().getBytes()), "not the upload itself");

    RestClient.Reply unversioned = rest.get("/api/users/" + userId(ann) + "/avatar", null);
    assertEquals("no-cache", unversioned.header("Cache-Control"));
    String etag = unversioned.header("ETag");
    RestClient.Reply revalidated = rest.send(HttpMethod.GET, "/api/users/" + userId(ann) + "/avatar", null, null,
        Map.of("If-None-Match", etag));
    assertEquals(304, revalidated.status());
  }

  @Test
  void jpegGifAndWebpAreTakenAndSmallImagesAreNotEnlarged() throws IOException {
    JsonObject bo = parley.newUser("photographer");
    assertEquals(256, decode(avatarOf(upload(bo, "image/jpeg", image("jpeg", 300, 2000)).json())).getHeight());
    BufferedImage gif = decode(avatarOf(upload(bo, "image/gif", image("gif", 40, 30)).json()));
    assertEquals(40, gif.getWidth());
    assertEquals(30, gif.getHeight());
    RestClient.Reply webp = upload(bo, "image/webp", Base64.getDecoder().decode(WEBP));
    assertEquals(200, webp.status(), webp.raw().bodyAsString());
    assertEquals(1, decode(avatarOf(webp.json())).getWidth());
  }

  @Test
  void whatIsNotAnImageIsRefusedWhateverItClaims() throws IOException {
    JsonObject cy = parley.newUser("trickster");
    byte[] png = image("png", 20, 20);
    byte[] truncated = java.util.Arrays.copyOf(png, 40);
    for (byte[] fake : new byte[][] {
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8),
        "<!DOCTYPE html><html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8),
        "just some text".getBytes(StandardCharsets.UTF_8), truncated, image("bmp", 10, 10), new byte[0]}) {
      RestClient.Reply refused = upload(cy, "image/png", fake);
      assertEquals(400, refused.status(), new String(fake, StandardCharsets.ISO_8859_1));
      assertEquals("invalid_input", refused.code());
    }
    assertFalse(rest.get("/api/users/me", token(cy)).json().getBoolean("hasAvatar"), "nothing was stored");
    assertEquals(404, rest.get("/api/users/" + userId(cy) + "/avatar", null).status());
  }

  @Test
  void anOversizeUploadIsRefused413() {
    JsonObject dee = parley.newUser("hefty");
    byte[] tooBig = new byte[2 * 1024 * 1024 + 1];
    RestClient.Reply refused = upload(dee, "image/png", tooBig);
    assertEquals(413, refused.status());
    assertEquals("too_large", refused.code());
    assertEquals(401, upload(null, "image/png", new byte[10]).status());
  }

  @Test
  void aNewAvatarHasANewUrlRoommatesHearOfItAndRemovingItEndsIt() throws IOException {
    JsonObject ed = parley.newUser("changer");
    JsonObject fay = parley.newUser("watcher");
    parley.sharedRoom(ed, fay);
    SocketClient faySocket = parley.socket(fay);
    JsonObject first = upload(ed, "image/png", image("png", 64, 64)).json();
    JsonObject told = faySocket.next("user_updated").getJsonObject("user");
    assertEquals(first.getString("avatarUrl"), told.getString("avatarUrl"));
    JsonObject second = upload(ed, "image/png", image("png", 32, 32)).json();
    assertNotEquals(first.getString("avatarUrl"), second.getString("avatarUrl"));
    assertEquals(32, decode(avatarOf(second)).getWidth());
    RestClient.Reply old = rest.get(first.getString("avatarUrl"), null);
    assertEquals("no-cache", old.header("Cache-Control"), "an old version's URL is never cached for good again");

    RestClient.Reply removed = rest.delete("/api/users/me/avatar", token(ed));
    assertEquals(200, removed.status());
    assertFalse(removed.json().getBoolean("hasAvatar"));
    assertEquals(404, rest.get(second.getString("avatarUrl"), null).status());
    assertTrue(upload(ed, "image/png", image("png", 8, 8)).json().getInteger("avatarVersion")
        > second.getInteger("avatarVersion"), "versions are never reused");
    faySocket.close();
  }

  private static RestClient.Reply upload(JsonObject session, String contentType, byte[] bytes) {
    return rest.sendBytes(HttpMethod.PUT, "/api/users/me/avatar", session == null ? null : token(session),
        contentType, Buffer.buffer(bytes));
  }

  private static byte[] avatarOf(JsonObject user) {
    RestClient.Reply served = rest.get(user.getString("avatarUrl"), null);
    assertEquals(200, served.status());
    return served.raw().bodyAsBuffer().getBytes();
  }

  private static BufferedImage decode(byte[] png) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertTrue(image != null, "a PNG came back");
    return image;
  }

  /** A picture of the size asked, in the format asked, as a camera or an editor would save it. */
  private static byte[] image(String format, int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLUE);
    g.fillOval(width / 4, height / 4, width / 2, height / 2);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertTrue(ImageIO.write(image, format, out), format);
    return out.toByteArray();
  }
}
