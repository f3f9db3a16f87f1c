package io.parley.chat.file;

import io.parley.contract.ErrorCode;
import io.parley.contract.Ids;
import io.parley.contract.ServiceError;
import io.parley.contract.model.Attachment;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.List;

/**
 * Files, in chat-service's own two collections rather than GridFS: {@code files} holds one document per file
 * ({@code {_id, uploaderId, roomId, name, declaredType, status, size, chunks, sniffed?, contentType?}}) and
 * {@code file_chunks} its bytes, one document per chunk with the id {@code <fileId>-<n>}. Every chunk is then
 * read and written by {@code _id}, which the embedded store serves from its index, where GridFS's lookups by
 * {@code files_id} and {@code n} would scan every stored chunk on it.
 *
 * <p>An upload reserves each chunk's place with a conditional update of its file document (the next chunk
 * number, the size still under the limit) before writing the chunk, so the limit holds whichever instance
 * receives which chunk. A file is {@code uploading} until finished; an upload given up is discarded first by
 * status, so no late chunk can join it, then chunk by chunk.
 */
public final class FileStore {

  static final String FILES = "files";
  static final String CHUNKS = "file_chunks";
  static final String UPLOADING = "uploading";
  static final String COMPLETE = "complete";
  static final String DISCARDED = "discarded";

  private final MongoClient mongo;

  public FileStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  static String chunkId(String fileId, long n) {
    return fileId + "-" + String.format("%06d", n);
  }

  Future<JsonObject> begin(String uploaderId, String roomId, String name, String declaredType) {
    JsonObject file = new JsonObject()
        .put("_id", Ids.newId())
        .put("uploaderId", uploaderId)
        .put("roomId", roomId)
        .put("name", name)
        .put("declaredType", declaredType)
        .put("status", UPLOADING)
        .put("size", 0L)
        .put("chunks", 0L)
        .put("createdAt", Instant.now().toString());
    return mongo.insert(FILES, file).map(file);
  }

  Future<JsonObject> find(String fileId) {
    return Ids.looksValid(fileId)
        ? mongo.findOne(FILES, new JsonObject().put("_id", fileId), null)
        : Future.succeededFuture(null);
  }

  /**
   * Stores chunk n of an upload of the uploader's. Answers the size so far; fails with {@code too_large}
   * (having discarded the upload) when the chunk would take it past {@code maxBytes}.
   */
  Future<Long> append(String fileId, String uploaderId, long n, byte[] data, long maxBytes) {
    JsonObject reserve = new JsonObject()
        .put("_id", fileId)
        .put("uploaderId", uploaderId)
        .put("status", UPLOADING)
        .put("chunks", n)
        .put("size", new JsonObject().put("$lte", maxBytes - data.length));
    JsonObject update = new JsonObject()
        .put("$inc", new JsonObject().put("chunks", 1L).put("size", (long) data.length));
    if (n == 0) {
      update.put("$set", new JsonObject().put("sniffed", ContentTypes.sniff(data)));
    }
    return mongo.findOneAndUpdateWithOptions(FILES, reserve, update, new FindOptions(),
        new UpdateOptions().setReturningNewDocument(true)).compose(reserved -> {
      if (reserved != null) {
        return mongo.insert(CHUNKS, new JsonObject()
                .put("_id", chunkId(fileId, n))
                .put("data", new JsonObject().put("$binary", data)))
            .map(ignored -> reserved.getLong("size"));
      }
      return find(fileId).compose(file -> {
        if (file == null || !UPLOADING.equals(file.getString("status"))
            || !uploaderId.equals(file.getString("uploaderId"))) {
          return Future.failedFuture(ServiceError.notFound("Upload"));
        }
        if (file.getLong("chunks") != n) {
          return Future.failedFuture(ServiceError.invalid("n", "must be " + file.getLong("chunks")));
        }
        return discard(fileId).compose(ignored -> Future.failedFuture(new ServiceError(ErrorCode.TOO_LARGE,
            "Files are at most " + maxBytes + " bytes.")));
      });
    });
  }

  /** Completes an upload, in the room it is for and with the type it will be served as. */
  Future<JsonObject> complete(String fileId, String roomId, String contentType) {
    JsonObject filter = new JsonObject().put("_id", fileId).put("status", UPLOADING);
    JsonObject update = new JsonObject().put("$set", new JsonObject()
        .put("status", COMPLETE).put("roomId", roomId).put("contentType", contentType)
        .put("completedAt", Instant.now().toString()));
    return mongo.updateCollection(FILES, filter, update).compose(result -> result.getDocMatched() == 1
        ? find(fileId)
        : Future.failedFuture(ServiceError.notFound("Upload")));
  }

  /** Removes a file and every chunk stored for it; harmless to repeat. */
  Future<Void> discard(String fileId) {
    return mongo.updateCollection(FILES, new JsonObject().put("_id", fileId),
            new JsonObject().put("$set", new JsonObject().put("status", DISCARDED)))
        .compose(ignored -> find(fileId))
        .compose(file -> {
          if (file == null) {
            return Future.succeededFuture();
          }
          JsonArray chunkIds = new JsonArray();
          for (long n = 0; n < file.getLong("chunks", 0L); n++) {
            chunkIds.add(chunkId(fileId, n));
          }
          Future<?> chunks = chunkIds.isEmpty()
              ? Future.succeededFuture()
              : mongo.removeDocuments(CHUNKS, new JsonObject().put("_id", new JsonObject().put("$in", chunkIds)));
          return chunks.compose(ignored -> mongo.removeDocument(FILES, new JsonObject().put("_id", fileId)))
              .mapEmpty();
        });
  }

  /** Discards files one after the other, so that a long list does not flood the store. */
  Future<Void> discardEach(List<String> fileIds) {
    Future<Void> chain = Future.succeededFuture();
    for (String fileId : fileIds) {
      chain = chain.compose(ignored -> discard(fileId));
    }
    return chain;
  }

  /** Every file of a room that is being deleted: none can be read from the first write on, then each goes. */
  public Future<Void> removeRoom(String roomId) {
    JsonObject ofRoom = new JsonObject().put("roomId", roomId);
    return mongo.updateCollectionWithOptions(FILES, ofRoom,
            new JsonObject().put("$set", new JsonObject().put("status", DISCARDED)), new UpdateOptions().setMulti(true))
        .compose(marked -> mongo.findWithOptions(FILES, ofRoom,
            new FindOptions().setFields(new JsonObject().put("_id", 1))))
        .compose(found -> discardEach(found.stream().map(file -> file.getString("_id")).toList()));
  }

  Future<byte[]> chunk(String fileId, long n) {
    return mongo.findOne(CHUNKS, new JsonObject().put("_id", chunkId(fileId, n)), null)
        .map(doc -> doc == null ? null : doc.getJsonObject("data").getBinary("$binary"));
  }

  /** Uploads neither finished nor discarded since before the cut-off: their gateway is gone. */
  Future<List<String>> abandonedSince(Instant cutOff) {
    JsonObject query = new JsonObject()
        .put("status", new JsonObject().put("$ne", COMPLETE))
        .put("createdAt", new JsonObject().put("$lt", cutOff.toString()));
    return mongo.find(FILES, query).map(found -> found.stream().map(file -> file.getString("_id")).toList());
  }

  /** The attachment a message shows for a file its sender uploaded to that room. */
  public Future<Attachment> attachment(String fileId, String roomId, String senderId) {
    return find(fileId).compose(file -> {
      if (file == null || !COMPLETE.equals(file.getString("status")) || !roomId.equals(file.getString("roomId"))
          || !senderId.equals(file.getString("uploaderId"))) {
        return Future.failedFuture(ServiceError.invalid("fileId", "must be a file you uploaded to this room"));
      }
      return Future.succeededFuture(view(file));
    });
  }

  /** The contract's attachment of a stored file. */
  static Attachment view(JsonObject file) {
    return new Attachment(file.getString("_id"), file.getString("name"), file.getLong("size"),
        file.getString("contentType"));
  }
}
