package io.parley.gateway.http.file;

import io.parley.contract.Addresses;
import io.parley.gateway.ServiceCalls;
import io.parley.gateway.http.Authentication;
import io.parley.gateway.http.Problems;
import io.parley.gateway.http.Replies;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code /api/files}: uploads streamed to chat-service, downloads streamed back chunk by chunk, and signed
 * links. Mounted ahead of the JSON body handler, which must not read an upload, and ahead of the
 * authentication gate, because a signed link is its own credential.
 */
public final class FileRoutes {

  private final ServiceCalls services;
  private final Authentication authentication;

  public FileRoutes(ServiceCalls services, Authentication authentication) {
    this.services = services;
    this.authentication = authentication;
  }

  public void mount(Router router) {
    router.post("/api/files")
        // Nothing may read the body before the upload does: pause it while the token is checked.
        .handler(ctx -> {
          ctx.request().pause();
          ctx.next();
        })
        .handler(authentication)
        .handler(ctx -> new StreamedUpload(ctx, Authentication.actor(ctx), services).start());
    router.get("/api/files/:id/link").handler(authentication).handler(ctx -> Replies.json(ctx, 200, () ->
        services.request(Addresses.CHAT_FILE_LINK, Authentication.actor(ctx),
            new JsonObject().put("fileId", ctx.pathParam("id")))));
    router.get("/api/files/:id")
        .handler(ctx -> {
          String sig = ctx.queryParams().get("sig");
          if (sig == null) {
            ctx.next();
            return;
          }
          download(ctx, new JsonObject().put("sig", sig).put("exp", wholeNumber(ctx.queryParams().get("exp"))));
        })
        .handler(authentication)
        .handler(ctx -> download(ctx, new JsonObject().put("actor", Authentication.actor(ctx).toJson())));
  }

  /** Streams a file: the first chunk brings what the headers need, the rest follow one at a time. */
  private void download(RoutingContext ctx, JsonObject credentials) {
    String fileId = ctx.pathParam("id");
    chunk(fileId, 0, credentials)
        .onFailure(failure -> Problems.send(ctx, failure))
        .onSuccess(first -> {
          MultiMap about = first.headers();
          long chunks = Long.parseLong(about.get("chunks"));
          HttpServerResponse response = ctx.response()
              .putHeader("Content-Type", servedType(about.get("contentType")))
              .putHeader("Content-Length", about.get("size"))
              .putHeader("Content-Disposition",
                  disposition(Boolean.parseBoolean(about.get("inline")), about.get("name")))
              .putHeader("X-Content-Type-Options", "nosniff");
          writeFrom(response, fileId, credentials, first.body(), 1, chunks);
        });
  }

  /** Writes one chunk, and asks for the next only once it is written: memory holds one chunk at a time. */
  private void writeFrom(HttpServerResponse response, String fileId, JsonObject credentials, Buffer data, long next,
      long chunks) {
    Future<Void> written = response.write(data);
    if (next >= chunks) {
      written.onSuccess(ignored -> response.end());
      return;
    }
    written
        .compose(ignored -> chunk(fileId, next, credentials))
        .onSuccess(reply -> writeFrom(response, fileId, credentials, reply.body(), next + 1, chunks))
        // The status is sent already: all that is left is to cut the response short.
        .onFailure(failure -> response.reset());
  }

  private Future<Message<Buffer>> chunk(String fileId, long n, JsonObject credentials) {
    return services.message(Addresses.CHAT_FILE_READ, credentials.copy().put("fileId", fileId).put("n", n),
        new DeliveryOptions());
  }

  /** Text is served as UTF-8 text; every other stored type is already one that is safe to serve as it is. */
  private static String servedType(String contentType) {
    return "text/plain".equals(contentType) ? "text/plain; charset=utf-8" : contentType;
  }

  /** RFC 6266: an ASCII fallback name, and the real one in RFC 8187 encoding. */
  static String disposition(boolean inline, String name) {
    StringBuilder ascii = new StringBuilder();
    name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? (char) c : '_'));
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
    return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }

  private static Object wholeNumber(String raw) {
    try {
      return raw == null ? null : Long.parseLong(raw);
    } catch (NumberFormatException e) {
      return raw;
    }
  }
}
