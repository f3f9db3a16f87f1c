package io.parley.contract.file;

import io.parley.contract.Actor;
import io.parley.contract.bus.BusClient;
import io.parley.contract.model.Attachment;
import io.vertx.core.Future;

/** chat-service's files over the event bus: uploads, chunks read back and signed links. */
public final class FileClient implements FileService {

  private final BusClient bus;
  private final FileChunks chunks;

  public FileClient(BusClient bus) {
    this.bus = bus;
    this.chunks = new FileChunks(bus);
  }

  @Override
  public Future<UploadStarted> startUpload(Actor actor, UploadStart start) {
    return bus.call(FileOperations.UPLOAD_START, actor, start);
  }

  @Override
  public Future<Long> appendChunk(UploadChunk chunk) {
    return chunks.upload(chunk);
  }

  @Override
  public Future<Attachment> finishUpload(Actor actor, UploadFinish finish) {
    return bus.call(FileOperations.UPLOAD_FINISH, actor, finish);
  }

  @Override
  public Future<Void> abortUpload(Actor actor, FileRef upload) {
    return bus.call(FileOperations.UPLOAD_ABORT, actor, upload);
  }

  @Override
  public Future<FileChunk> readChunk(ChunkRead read) {
    return chunks.read(read);
  }

  @Override
  public Future<FileLink> link(Actor actor, FileRef file) {
    return bus.call(FileOperations.LINK, actor, file);
  }
}
