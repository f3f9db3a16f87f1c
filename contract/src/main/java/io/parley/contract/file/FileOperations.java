package io.parley.contract.file;

import io.parley.contract.Addresses;
import io.parley.contract.bus.Codec;
import io.parley.contract.bus.Operation;
import io.parley.contract.bus.RawOperation;
import io.parley.contract.model.Attachment;

/**
 * chat-service's {@link FileService} on the event bus. Each request is answered before the next is sent: that is
 * an upload's backpressure. Chunks travel as Buffers ({@link FileChunks}); the rest as JSON.
 */
public final class FileOperations {

  private FileOperations() {
  }

  private static final Codec<Attachment> ATTACHMENT = Codec.of(Attachment::toJson, Attachment::fromJson);

  public static final Operation<UploadStart, UploadStarted> UPLOAD_START = Operation.forActor(
      Addresses.CHAT_FILE_UPLOAD_START, UploadStart.CODEC, UploadStarted.CODEC, "{actor, roomId?, name, "
          + "declaredType} -> {fileId, maxBytes, chunkBytes}.");
  public static final RawOperation UPLOAD_CHUNK = new RawOperation(Addresses.CHAT_FILE_UPLOAD_CHUNK,
      "Buffer body, headers actorId, fileId, n (0, 1, 2...) -> {size}: the bytes received so far.");
  public static final Operation<UploadFinish, Attachment> UPLOAD_FINISH = Operation.forActor(
      Addresses.CHAT_FILE_UPLOAD_FINISH, UploadFinish.CODEC, ATTACHMENT, "{actor, fileId, roomId} -> {fileId, "
          + "name, size, contentType}: checks, sniffs, completes.");
  public static final Operation<FileRef, Void> UPLOAD_ABORT = Operation.forActor(
      Addresses.CHAT_FILE_UPLOAD_ABORT, FileRef.CODEC, Codec.NONE, "{actor, fileId} -> {}: forgets an upload and "
          + "every chunk stored for it.");
  public static final RawOperation READ = new RawOperation(Addresses.CHAT_FILE_READ, "{fileId, n, actor | "
      + "exp, sig} -> Buffer of chunk n, headers name, size, contentType, inline, chunks. Allowed to members of the "
      + "file's room, or to anyone holding an unexpired signed link.");
  public static final Operation<FileRef, FileLink> LINK = Operation.forActor(Addresses.CHAT_FILE_LINK,
      FileRef.CODEC, FileLink.CODEC, "{actor, fileId} -> {url, expiresAt}: a short-lived signed link, so no token "
          + "goes in a URL.")
      .idempotent();
}
