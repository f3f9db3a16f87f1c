package io.parley.chat.file;

import io.parley.chat.ChatConfig;
import io.parley.chat.membership.RoomAccess;
import io.parley.contract.Actor;
import io.parley.contract.ServiceError;
import io.parley.contract.file.ChunkRead;
import io.parley.contract.file.FileChunk;
import io.parley.contract.file.FileLink;
import io.parley.contract.file.FileRef;
import io.parley.contract.file.FileService;
import io.parley.contract.file.UploadChunk;
import io.parley.contract.file.UploadFinish;
import io.parley.contract.file.UploadStart;
import io.parley.contract.file.UploadStarted;
import io.parley.contract.model.Attachment;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files over the event bus, a chunk per request: uploads (start, chunks, finish or abort) and reads, each
 * allowed to members of the file's room only, or to the holder of a signed link.
 */
public final class FileHandlers implements FileService {

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

  @Override
  public Future<UploadStarted> startUpload(Actor actor, UploadStart start) {
    Future<String> roomId = start.roomId() == null
        ? Future.succeededFuture(null)
        : access.asMember(start.roomId(), actor).map(room -> room.getString("_id"));
    return roomId
        .compose(room -> files.begin(actor.id(), room, ContentTypes.cleanName(start.name()), start.declaredType()))
        .map(file -> new UploadStarted(file.getString("_id"), config.fileMaxBytes(), config.fileChunkBytes()));
  }

  @Override
  public Future<Long> appendChunk(UploadChunk chunk) {
    if (chunk.data().length() > config.fileChunkBytes() + CHUNK_SLACK_BYTES) {
      return Future.failedFuture(ServiceError.invalid("chunk", "is larger than a chunk may be"));
    }
    return files.append(chunk.fileId(), chunk.actorId(), chunk.n(), chunk.data().getBytes(), config.fileMaxBytes());
  }

  /** Completes an upload into a room of the uploader's; anything wrong leaves nothing behind. */
  @Override
  public Future<Attachment> finishUpload(Actor actor, UploadFinish finish) {
    String fileId = finish.fileId();
    return ownUpload(fileId, actor).compose(file -> access.asMember(finish.roomId(), actor)
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

  @Override
  public Future<Void> abortUpload(Actor actor, FileRef upload) {
    return ownUpload(upload.fileId(), actor).compose(file -> files.discard(upload.fileId()));
  }

  /** One chunk of a complete file, with what the gateway needs for the response headers. */
  @Override
  public Future<FileChunk> readChunk(ChunkRead read) {
    String fileId = read.fileId();
    return readable(read).compose(file -> {
      long chunks = file.getLong("chunks");
      if (read.n() >= chunks) {
        return Future.failedFuture(ServiceError.notFound("Chunk"));
      }
      return files.chunk(fileId, read.n()).compose(bytes -> {
        if (bytes == null) {
          return Future.failedFuture(new IllegalStateException("file " + fileId + " lacks chunk " + read.n()));
        }
        String contentType = file.getString("contentType");
        return Future.succeededFuture(new FileChunk(file.getString("name"), file.getLong("size"), contentType,
            ContentTypes.isInline(contentType), chunks, Buffer.buffer(bytes)));
      });
    });
  }

  /** A link that lets a page show the file for a short while without a token in its URL. */
  @Override
  public Future<FileLink> link(Actor actor, FileRef file) {
    String fileId = file.fileId();
    return readable(ChunkRead.asMember(fileId, 0, actor)).map(found -> {
      long expiresAt = Instant.now().getEpochSecond() + config.fileLinkTtlSeconds();
      String url = "/api/files/" + fileId + "?exp=" + expiresAt + "&sig=" + links.sign(fileId, expiresAt);
      return new FileLink(url, Instant.ofEpochSecond(expiresAt).toString());
    });
  }

  /** Removes uploads whose gateway went away mid-way; any instance may run it, repeats are harmless. */
  public Future<Void> sweepAbandoned() {
    Instant cutOff = Instant.now().minusSeconds(config.abandonedUploadMinutes() * 60);
    return files.abandonedSince(cutOff).compose(files::discardEach)
        .onFailure(failure -> LOG.warn("sweeping abandoned uploads failed", failure));
  }

  /** A complete file the request may read: by a signed link, or as a member of the file's room. */
  private Future<JsonObject> readable(ChunkRead read) {
    String fileId = read.fileId();
    return files.find(fileId).compose(file -> {
      if (file == null || !FileStore.COMPLETE.equals(file.getString("status"))) {
        return Future.failedFuture(ServiceError.notFound("File"));
      }
      if (read.bySignedLink()) {
        return links.verify(fileId, read.expiresAt(), read.signature(), Instant.now().getEpochSecond())
            ? Future.succeededFuture(file)
            : Future.failedFuture(ServiceError.forbidden("This link is not valid, or no longer."));
      }
      return access.asMember(file.getString("roomId"), read.actor()).map(file);
    });
  }

  private Future<JsonObject> ownUpload(String fileId, Actor actor) {
    return files.find(fileId).compose(file -> file != null && FileStore.UPLOADING.equals(file.getString("status"))
        && actor.id().equals(file.getString("uploaderId"))
        ? Future.succeededFuture(file)
        : Future.failedFuture(ServiceError.notFound("Upload")));
  }
}
