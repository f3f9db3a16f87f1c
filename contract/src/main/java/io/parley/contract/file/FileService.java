package io.parley.contract.file;

import io.parley.contract.Actor;
import io.parley.contract.model.Attachment;
import io.vertx.core.Future;

/**
 * chat-service's files: an upload is begun, sent in chunks (each answered before the next is sent: that is the
 * upload's backpressure) and finished into a room of the uploader's, or aborted; a complete file is read chunk by
 * chunk by the members of its room, or by anyone holding a signed link.
 */
public interface FileService {

  /** A new upload; {@code forbidden} when it names a room the actor is not a member of. */
  Future<UploadStarted> startUpload(Actor actor, UploadStart start);

  /** Stores the next chunk; answers the bytes received so far. {@code too_large} past the limit (all discarded). */
  Future<Long> appendChunk(UploadChunk chunk);

  /** Checks, sniffs and completes an upload; anything wrong discards it. */
  Future<Attachment> finishUpload(Actor actor, UploadFinish finish);

  /** Forgets an upload and every chunk stored for it. */
  Future<Void> abortUpload(Actor actor, FileRef upload);

  /** One chunk of a complete file; {@code not_found} for no such file or chunk, {@code forbidden} for a bad link. */
  Future<FileChunk> readChunk(ChunkRead read);

  /** A short-lived signed link to a file the actor may read. */
  Future<FileLink> link(Actor actor, FileRef file);
}
