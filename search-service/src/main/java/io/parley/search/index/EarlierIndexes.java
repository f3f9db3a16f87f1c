package io.parley.search.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.util.IOUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folders of earlier index versions ({@code messages-v1} beside {@code messages-v2}): a version whose
 * documents hold something new is built afresh from chat-service's change log, and the earlier one is never read
 * again, so it is removed rather than left to fill the disk.
 */
final class EarlierIndexes {

  private static final Logger LOG = LoggerFactory.getLogger(EarlierIndexes.class);
  private static final Pattern VERSIONED = Pattern.compile("(.+-v)(\\d{1,6})");

  private EarlierIndexes() {
  }

  /** Best effort: a folder that cannot be listed or removed is logged and left, and the index opens anyway. */
  static void removeBeside(Path folder) {
    try {
      remove(folder);
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not remove earlier search indexes beside {}: {}", folder, e.toString());
    }
  }

  private static void remove(Path folder) throws IOException {
    var own = VERSIONED.matcher(folder.getFileName().toString());
    Path parent = folder.toAbsolutePath().getParent();
    if (!own.matches() || parent == null || !Files.isDirectory(parent)) {
      return;
    }
    int version = Integer.parseInt(own.group(2));
    List<Path> earlier;
    try (Stream<Path> siblings = Files.list(parent)) {
      earlier = siblings.filter(Files::isDirectory).filter(sibling -> {
        var other = VERSIONED.matcher(sibling.getFileName().toString());
        return other.matches() && other.group(1).equals(own.group(1))
            && Integer.parseInt(other.group(2)) < version;
      }).toList();
    }
    for (Path old : earlier) {
      IOUtils.rm(old);
      LOG.info("removed the earlier search index {}; this version builds its own from chat-service", old);
    }
  }
}
