package io.parley.chat.file;

import io.parley.chat.ChatConfig;
import io.parley.chat.membership.RoomAccess;
import io.parley.contract.Actor;
import io.parley.contract.Limits;
import io.parley.contract.RequestFields;
import io.parley.contract.ServiceError;
import io.parley.platform.BusEndpoints;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files over the event bus, a chunk per request: uploads (start, chunks, finish or abort) and reads, each
 * allowed to members of the file's room only, or to the holder of a signed link.
 */
public final class FileHandlers {

  private static final Logger LOG = LoggerFactory.getLogger(FileHandlers.class);
  /** A gateway cuts chunks at about chunkBytes; what it received last on top may ride along. */
  private static final int CHUNK_SLACK_BYTES = 128 * 1024;

  private final ChatConfig config;
  private final FileStore files;
  private final FileLinks links;
  private final RoomAccess access;

  public FileHandlers(ChatConfig config, FileStore files, FileLinks links, RoomAccess access) {
    this.config = config;
    this.files = files;
    this.links = links;
    this.access = access;
  }

  public Future<JsonObject> start(JsonObject request) {
    Actor actor = Actor.of(request);
    RequestFields fields = RequestFields.of(request);
    String name = fields.optionalString("name", 0, 4 * Limits.FILE_NAME_MAX_CHARS);
    String declaredType = fields.optionalString("declaredType", 0, 255);
    fields.throwIfInvalid();
    Future<String> roomId = request.getValue("roomId") == null
        ? Future.succeededFuture(null)
        : access.asMember(request.getValue("roomId"), actor).map(room -> room.getString("_id"));
    return roomId
        .compose(room -> files.begin(actor.id(), room, ContentTypes.cleanName(name), declaredType))
        .map(file -> new JsonObject()
            .put("fileId", file.getString("_id"))
            .put("maxBytes", config.fileMaxBytes())
            .put("chunkBytes", config.fileChunkBytes()));
  }

  public Future<BusEndpoints.Reply> chunk(Message<Buffer> message) {
    String actorId = message.headers().get("actorId");
    String fileId = message.headers().get("fileId");
    long n;
    try {
      n = Long.parseLong(message.headers().get("n"));
    } catch (NumberFormatException e) {
      throw ServiceError.invalid("n", "must be a whole number");
    }
    Buffer data = message.body();
    if (actorId == null || fileId == null || data == null || n < 0) {
      throw ServiceError.invalid("chunk", "needs actorId, fileId, n and bytes");
    }
    if (data.length() > config.fileChunkBytes() + CHUNK_SLACK_BYTES) {
      throw ServiceError.invalid("chunk", "is larger than a chunk may be");
    }
    return files.append(fileId, actorId, n, data.getBytes(), config.fileMaxBytes())
        .map(size -> new BusEndpoints.Reply(new JsonObject().put("size", size), new DeliveryOptions()));
  }

  /** Completes an upload into a room of the uploader's; anything wrong leaves nothing behind. */
  public Future<JsonObject> finish(JsonObject request) {
    Actor actor = Actor.of(request);
    String fileId = fileIdOf(request);
    return ownUpload(fileId, actor).compose(file -> access.asMember(request.getValue("roomId"), actor)
        .compose(room -> {
          if (file.getLong("size") == 0) {
            return Future.failedFuture(ServiceError.invalid("file", "must not be empty"));
          }
          String roomId = room.getString("_id");
          if (file.getString("roomId") != null && !file.getString("roomId").equals(roomId)) {
            return Future.failedFuture(ServiceError.invalid("roomId", "is not the room the upload began in"));
          }
          return files.complete(fileId, roomId,
              ContentTypes.safeType(file.getString("sniffed"), file.getString("declaredType")));
        })
        .map(FileStore::view)
        .recover(failure -> files.discard(fileId).transform(ignored -> Future.failedFuture(failure))));
  }

  public Future<JsonObject> abort(JsonObject request) {
    Actor actor = Actor.of(request);
    String fileId = fileIdOf(request);
    return ownUpload(fileId, actor).compose(file -> files.discard(fileId)).map(new JsonObject());
  }

  /** One chunk of a complete file, with what the gateway needs for the response headers. */
  public Future<BusEndpoints.Reply> read(Message<JsonObject> message) {
    JsonObject request = message.body() == null ? new JsonObject() : message.body();
    RequestFields fields = RequestFields.of(request);
    Long n = fields.requiredLong("n", 0, Long.MAX_VALUE);
    fields.throwIfInvalid();
    String fileId = fileIdOf(request);
    return readable(fileId, request).compose(file -> {
      if (n >= file.getLong("chunks")) {
        return Future.failedFuture(ServiceError.notFound("Chunk"));
      }
      return files.chunk(fileId, n).compose(bytes -> {
        if (bytes == null) {
          return Future.failedFuture(new IllegalStateException("file " + fileId + " lacks chunk " + n));
        }
        DeliveryOptions headers = new DeliveryOptions()
            .addHeader("name", file.getString("name"))
            .addHeader("size", Long.toString(file.getLong("size")))
            .addHeader("contentType", file.getString("contentType"))
            .addHeader("inline", Boolean.toString(ContentTypes.isInline(file.getString("contentType"))))
            .addHeader("chunks", Long.toString(file.getLong("chunks")));
        return Future.succeededFuture(new BusEndpoints.Reply(Buffer.buffer(bytes), headers));
      });
    });
  }

  /** A link that lets a page show the file for a short while without a token in its URL. */
  public Future<JsonObject> link(JsonObject request) {
    Actor actor = Actor.of(request);
    String fileId = fileIdOf(request);
    return readable(fileId, new JsonObject().put("actor", actor.toJson())).map(file -> {
      long expiresAt = Instant.now().getEpochSecond() + config.fileLinkTtlSeconds();
      String url = "/api/files/" + fileId + "?exp=" + expiresAt + "&sig=" + links.sign(fileId, expiresAt);
      return new JsonObject().put("url", url).put("expiresAt", Instant.ofEpochSecond(expiresAt).toString());
    });
  }

  /** Removes uploads whose gateway went away mid-way; any instance may run it, repeats are harmless. */
  public Future<Void> sweepAbandoned() {
    Instant cutOff = Instant.now().minusSeconds(config.abandonedUploadMinutes() * 60);
    return files.abandonedSince(cutOff).compose(files::discardEach)
        .onFailure(failure -> LOG.warn("sweeping abandoned uploads failed", failure));
  }

  /** A complete file the request may read: by a signed link, or as a member of the file's room. */
  private Future<JsonObject> readable(String fileId, JsonObject request) {
    return files.find(fileId).compose(file -> {
      if (file == null || !FileStore.COMPLETE.equals(file.getString("status"))) {
        return Future.failedFuture(ServiceError.notFound("File"));
      }
      if (request.getValue("actor") == null) {
        return links.verify(fileId, request.getValue("exp"), request.getValue("sig"), Instant.now().getEpochSecond())
            ? Future.succeededFuture(file)
            : Future.failedFuture(ServiceError.forbidden("This link is not valid, or no longer."));
      }
      return access.asMember(file.getString("roomId"), Actor.of(request)).map(file);
    });
  }

  /** The file a request names; anything but a string names no file. */
  private static String fileIdOf(JsonObject request) {
    return request.getValue("fileId") instanceof String id ? id : "";
  }

  private Future<JsonObject> ownUpload(String fileId, Actor actor) {
    return files.find(fileId).compose(file -> file != null && FileStore.UPLOADING.equals(file.getString("status"))
        && actor.id().equals(file.getString("uploaderId"))
        ? Future.succeededFuture(file)
        : Future.failedFuture(ServiceError.notFound("Upload")));
  }
}
