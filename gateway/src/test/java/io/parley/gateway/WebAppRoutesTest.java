package io.parley.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.testing.RestClient;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The web app's files, the WebJars it loads, and its /admin view, with their caching and the CSP. */
@ExtendWith(VertxExtension.class)
class WebAppRoutesTest {

  @Test
  void thePageNamesItsWebJarsWhichTheGatewayServesWithLongCachingAndTheCsp(Vertx vertx) {
    try (ParleyStack parley = ParleyStack.start(vertx)) {
      RestClient.Reply page = parley.rest().get("/", null);
      assertEquals(200, page.status());
      assertEquals("no-cache", page.header("Cache-Control"), "the app's own files are revalidated");
      assertTrue(page.header("Content-Security-Policy").contains("script-src 'self'"));
      String html = page.raw().bodyAsString();
      assertTrue(!html.contains("<script>") && !html.contains("style="), "no inline script or style: " + html);

      Matcher scripts = Pattern.compile("src=\"(/webjars/([a-z-]+)/[0-9.]+/dist/[a-z.-]+\\.min\\.js)\"").matcher(html);
      List<String> libraries = new ArrayList<>();
      while (scripts.find()) {
        libraries.add(scripts.group(2));
        RestClient.Reply library = parley.rest().get(scripts.group(1), null);
        assertEquals(200, library.status(), scripts.group(1));
        assertTrue(library.header("Content-Type").startsWith("text/javascript"), library.header("Content-Type"));
        assertEquals("public, max-age=31536000, immutable", library.header("Cache-Control"));
        assertEquals(page.header("Content-Security-Policy"), library.header("Content-Security-Policy"));
        assertEquals(200, parley.rest().send(HttpMethod.HEAD, scripts.group(1), null, null).status());
      }
      assertEquals(List.of("sockjs-client", "markdown-it", "dompurify"), libraries,
          "index.html names each WebJar with its filtered version: " + html);

      RestClient.Reply module = parley.rest().get("/js/main.js", null);
      assertEquals(200, module.status());
      assertEquals("no-cache", module.header("Cache-Control"));
    }
  }

  @Test
  void adminIsAViewOfTheSamePageAndUnknownFilesAreProblems(Vertx vertx) {
    try (ParleyStack parley = ParleyStack.start(vertx)) {
      RestClient.Reply admin = parley.rest().get("/admin", null);
      assertEquals(200, admin.status());
      assertEquals(parley.rest().get("/", null).raw().bodyAsString(), admin.raw().bodyAsString());

      RestClient.Reply missing = parley.rest().get("/webjars/nothing/1.0/none.js", null);
      assertEquals(404, missing.status());
      assertEquals("not_found", missing.code());
      assertEquals(null, missing.header("Cache-Control"), "a miss is not cached for a year");
      assertEquals(404, parley.rest().get("/no-such-file.js", null).status());
    }
  }
}
