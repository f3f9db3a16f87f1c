package io.parley.platform.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded store's data folder (0700) and files (0600) to their owner, on file systems that have
 * POSIX permissions. A folder that belongs to someone else, or a shared one with the sticky bit such as /tmp,
 * is left as it is with a warning: tightening it would break other users of it.
 */
public final class OwnerOnly {

  private static final Logger LOG = LoggerFactory.getLogger(OwnerOnly.class);
  private static final int STICKY = 01000;

  private OwnerOnly() {
  }

  public static void folder(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      Files.createDirectories(folder);
    } else if (!ownedByUs(folder) || isSticky(folder)) {
      LOG.warn("data folder {} is shared or not ours: its permissions are left as they are", folder.toAbsolutePath());
      return;
    }
    restrict(folder, "rwx------");
  }

  public static void file(Path file) throws IOException {
    if (Files.exists(file)) {
      restrict(file, "rw-------");
    }
  }

  private static void restrict(Path path, String permissions) throws IOException {
    if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    }
  }

  private static boolean ownedByUs(Path folder) throws IOException {
    return Files.getOwner(folder).getName().equals(System.getProperty("user.name"));
  }

  private static boolean isSticky(Path folder) {
    try {
      return (((Integer) Files.getAttribute(folder, "unix:mode")) & STICKY) != 0;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    }
  }
}
