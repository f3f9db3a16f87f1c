package io.parley.platform.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The embedded store's journal: every change a collection makes to its documents, appended as it is made
 * ({@link LogRecord}), so that a durable write needs only this file forced to the disk, not a commit of H2's tree
 * (which rewrites every changed page with its path to the root). H2 commits in the background as before
 * ({@link LogCheckpoints}); what it has not yet written is replayed from here when the store opens
 * ({@link LogReplay}).
 *
 * <p>The log is a folder of segments, each named by the position (in bytes since the log began) of its first
 * record; a checkpoint starts a new one, and drops those H2's file covers. A record is its length, its CRC-32 and
 * its bytes: a record cut short by a crash, or damaged, ends the replay.
 */
final class WriteAheadLog implements AutoCloseable {

  /** Records are held here until this many bytes wait, or a force or a rotation writes them. */
  private static final int PENDING_LIMIT = 1 << 20;
  static final int HEADER_BYTES = 8;

  private final Path folder;
  private final Object forcing = new Object();
  // Guarded by this.
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream(64 << 10);
  private final List<FileChannel> rotatedUnforced = new ArrayList<>();
  private FileChannel current;
  private long end;
  /** A segment was created since the last force: its name is on the disk only once the folder is forced. */
  private boolean folderUnforced;
  private IOException failure;

  private WriteAheadLog(Path folder) {
    this.folder = folder;
  }

  /** A log that appends to a new segment beginning at {@code position}, after any segment already there. */
  static WriteAheadLog open(Path folder, long position) {
    WriteAheadLog log = new WriteAheadLog(folder);
    try {
      Files.createDirectories(folder);
      OwnerOnly.folder(folder);
      synchronized (log) {
        log.end = position;
        log.current = log.newSegment(position);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the store's log in " + folder, e);
    }
    return log;
  }

  /** Appends a record; it is on the disk after the next {@link #force()}. */
  synchronized void append(byte[] payload) {
    failIfFailed();
    CRC32 crc = new CRC32();
    crc.update(payload);
    ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).putInt(payload.length).putInt((int) crc.getValue());
    pending.write(header.array(), 0, HEADER_BYTES);
    pending.write(payload, 0, payload.length);
    end += HEADER_BYTES + payload.length;
    if (pending.size() >= PENDING_LIMIT) {
      writePending();
    }
  }

  /** The position the next record will have. */
  synchronized long end() {
    return end;
  }

  /**
   * Puts every record appended before the call on the disk. Forces run one at a time; appends go on meanwhile.
   *
   * @throws UncheckedIOException if the log cannot be written, now or since an earlier failure
   */
  void force() {
    synchronized (forcing) {
      List<FileChannel> rotated;
      FileChannel last;
      boolean folderToo;
      synchronized (this) {
        failIfFailed();
        writePending();
        rotated = new ArrayList<>(rotatedUnforced);
        rotatedUnforced.clear();
        last = current;
        folderToo = folderUnforced;
        folderUnforced = false;
      }
      try {
        for (FileChannel channel : rotated) {
          channel.force(false);
        }
        // Rotated meanwhile, it is forced again and closed by the next force.
        last.force(false);
        if (folderToo) {
          forceFolder();
        }
      } catch (IOException e) {
        fail(e);
      } finally {
        rotated.forEach(WriteAheadLog::closeQuietly);
      }
    }
  }

  /** Starts a new segment at the current end and returns that position: a checkpoint's replay start. */
  synchronized long rotate() {
    failIfFailed();
    writePending();
    try {
      FileChannel next = newSegment(end);
      rotatedUnforced.add(current);
      current = next;
    } catch (IOException e) {
      // Nothing is lost: the current segment goes on, and the checkpoint that asked fails.
      throw new UncheckedIOException("cannot start a new segment of the store's log", e);
    }
    return end;
  }

  /** Deletes the segments that end at or before {@code position}, which H2's file now covers. */
  void dropBefore(long position) {
    for (LogSegments.Segment segment : LogSegments.list(folder)) {
      if (segment.start() < position) {
        try {
          Files.deleteIfExists(segment.path());
        } catch (IOException e) {
          throw new UncheckedIOException("cannot delete " + segment.path(), e);
        }
      }
    }
  }

  @Override
  public void close() {
    synchronized (forcing) {
      synchronized (this) {
        try {
          if (failure == null) {
            writePending();
          }
          for (FileChannel channel : rotatedUnforced) {
            channel.close();
          }
          current.close();
        } catch (IOException | UncheckedIOException e) {
          // Closing after a failure: what could be written was, and nothing waits for the rest.
        }
      }
    }
  }

  private FileChannel newSegment(long start) throws IOException {
    Path path = LogSegments.path(folder, start);
    FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING);
    try {
      OwnerOnly.file(path);
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
    folderUnforced = true;
    return channel;
  }

  /** A new file's name is durable once its folder is forced, not the file (POSIX). */
  private void forceFolder() throws IOException {
    try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
      directory.force(true);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // a channel closed after a failure: nothing waits for it
    }
  }

  /** Writes what waits into the current segment (with this held). */
  private void writePending() {
    if (pending.size() == 0) {
      return;
    }
    ByteBuffer bytes = ByteBuffer.wrap(pending.toByteArray());
    pending.reset();
    try {
      while (bytes.hasRemaining()) {
        current.write(bytes);
      }
    } catch (IOException e) {
      failure = e;
      throw new UncheckedIOException("cannot write the store's log", e);
    }
  }

  private synchronized void fail(IOException e) {
    failure = e;
    throw new UncheckedIOException("cannot force the store's log to the disk", e);
  }

  private void failIfFailed() {
    if (failure != null) {
      throw new UncheckedIOException("the store's log failed earlier", failure);
    }
  }
}
