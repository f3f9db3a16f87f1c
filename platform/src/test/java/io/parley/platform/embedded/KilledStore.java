package io.parley.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What a process killed now would leave of a store: copies of its file and of its log. */
final class KilledStore {

  private KilledStore() {
  }

  /**
   * Copies the store's file and its log to {@code copy} (and the log beside it): the log first, so that a
   * checkpoint between the two copies cannot have dropped a segment the file's copy still needs.
   */
  static Path copy(Path file, Path copy) {
    try {
      Path logCopy = logOf(copy);
      Files.createDirectories(logCopy);
      try (Stream<Path> segments = Files.list(logOf(file))) {
        for (Path segment : segments.toList()) {
          copyIfStillThere(segment, logCopy.resolve(segment.getFileName()));
        }
      }
      return Files.copy(file, copy);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path logOf(Path storeFile) {
    return TunedH2Backend.logFolder(storeFile.toString());
  }

  /** A segment a checkpoint dropped while the folder was listed is covered by the file: it is not needed. */
  private static void copyIfStillThere(Path segment, Path copy) throws IOException {
    try {
      Files.copy(segment, copy);
    } catch (NoSuchFileException dropped) {
      // covered by the file
    }
  }
}
