package io.parley.platform.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.platform.EmbeddedStore;
import io.parley.platform.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** The embedded store keeps its folder and file to their owner: other local users cannot read the data. */
class StoreFilePermissionsTest {

  @Test
  void aNewDataFolderAndItsStoreAreTheOwnersOnly() throws Exception {
    Path data = TestStores.freshDataDir().resolve("new");
    try (EmbeddedStore store = EmbeddedStore.persistent(data, 0)) {
      assertEquals("rwx------", permissions(data));
      assertEquals("rw-------", permissions(data.resolve("parley-store.mv.db")));
    }
  }

  @Test
  void anExistingOpenFolderAndStoreAreTightened() throws Exception {
    Path data = TestStores.freshDataDir();
    try (EmbeddedStore first = EmbeddedStore.persistent(data, 0)) {
      first.port();
    }
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(data.resolve("parley-store.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));

    try (EmbeddedStore again = EmbeddedStore.persistent(data, 0)) {
      assertEquals("rwx------", permissions(data));
      assertEquals("rw-------", permissions(data.resolve("parley-store.mv.db")));
    }
  }

  private static String permissions(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
