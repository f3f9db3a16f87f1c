package io.parley.auth.keys;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;

/**
 * A secret kept in a file of the data folder when configuration gives none: generated once, readable by its
 * owner only where the file system allows it. Several auth-service instances sharing one data folder agree on
 * it: the first to write it wins and the others read it. Blocking: call it on a worker thread.
 */
public final class KeyFile {

  private KeyFile() {
  }

  public static String readOrCreate(Path dataDir, String name, Callable<String> generate) throws Exception {
    Path file = dataDir.resolve(name);
    if (!Files.exists(file)) {
      Files.createDirectories(dataDir);
      Path temp = Files.createTempFile(dataDir, "key", ".tmp");
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // Not a POSIX file system; the data folder's own permissions apply.
      }
      Files.writeString(temp, generate.call(), StandardCharsets.US_ASCII);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException raced) {
        Files.deleteIfExists(temp);
      }
    }
    return Files.readString(file, StandardCharsets.US_ASCII);
  }
}
