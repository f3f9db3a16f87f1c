package io.parley.gateway.http.file;

import io.parley.contract.file.ChunkRead;
import io.parley.contract.file.FileChunk;
import io.parley.contract.file.FileLink;
import io.parley.contract.file.FileRef;
import io.parley.contract.file.FileService;
import io.parley.gateway.http.Authentication;
import io.parley.gateway.http.Problems;
import io.parley.gateway.http.Replies;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
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

  private final FileService files;
  private final Authentication authentication;

  public FileRoutes(FileService files, Authentication authentication) {
    this.files = files;
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
        .handler(ctx -> new StreamedUpload(ctx, Authentication.actor(ctx), files).start());
    router.get("/api/files/:id/link").handler(authentication).handler(ctx -> Replies.json(ctx, 200, () ->
        files.link(Authentication.actor(ctx), new FileRef(ctx.pathParam("id"))).map(FileLink::toJson)));
    router.get("/api/files/:id")
        .handler(ctx -> {
          String sig = ctx.queryParams().get("sig");
          if (sig == null) {
            ctx.next();
            return;
          }
          download(ctx, ChunkRead.bySignedLink(ctx.pathParam("id"), 0, wholeNumber(ctx.queryParams().get("exp")),
              sig));
        })
        .handler(authentication)
        .handler(ctx -> download(ctx, ChunkRead.asMember(ctx.pathParam("id"), 0, Authentication.actor(ctx))));
  }

  /** Streams a file: the first chunk brings what the headers need, the rest follow one at a time. */
  private void download(RoutingContext ctx, ChunkRead first) {
    files.readChunk(first)
        .onFailure(failure -> Problems.send(ctx, failure))
        .onSuccess(chunk -> {
          HttpServerResponse response = ctx.response()
              .putHeader("Content-Type", servedType(chunk.contentType()))
              .putHeader("Content-Length", Long.toString(chunk.size()))
              .putHeader("Content-Disposition", disposition(chunk.inline(), chunk.name()))
              .putHeader("X-Content-Type-Options", "nosniff");
          writeFrom(response, first, chunk.data(), 1, chunk.chunks());
        });
  }

  /** Writes one chunk, and asks for the next only once it is written: memory holds one chunk at a time. */
  private void writeFrom(HttpServerResponse response, ChunkRead read, Buffer data, long next, long chunks) {
    Future<Void> written = response.write(data);
    if (next >= chunks) {
      written.onSuccess(ignored -> response.end());
      return;
    }
    written
        .compose(ignored -> files.readChunk(read.chunk(next)))
        .map(FileChunk::data)
        .onSuccess(bytes -> writeFrom(response, read, bytes, next + 1, chunks))
        // The status is sent already: all that is left is to cut the response short.
        .onFailure(failure -> response.reset());
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

  /** A link's expiry; one that is no number is none, which no link passes with. */
  private static Long wholeNumber(String raw) {
    try {
      return raw == null ? null : Long.parseLong(raw);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
