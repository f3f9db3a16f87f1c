package io.parley.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The segment files of a {@link WriteAheadLog}'s folder, each named by its first record's position in hex. */
final class LogSegments {

  private static final String SUFFIX = ".log";

  record Segment(long start, Path path) {
  }

  private LogSegments() {
  }

  static Path path(Path folder, long start) {
    return folder.resolve(String.format("%016x%s", start, SUFFIX));
  }

  /** The folder's segments in log order; none when the folder does not exist. */
  static List<Segment> list(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(LogSegments::segment).filter(segment -> segment != null)
          .sorted(Comparator.comparingLong(Segment::start)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the store's log in " + folder, e);
    }
  }

  private static Segment segment(Path file) {
    String name = file.getFileName().toString();
    if (!name.endsWith(SUFFIX) || name.length() != 16 + SUFFIX.length()) {
      return null;
    }
    try {
      return new Segment(Long.parseUnsignedLong(name.substring(0, 16), 16), file);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
