package io.parley.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Stores for tests: the same embedded H2-backed server Parley ships, in a fresh temporary folder. */
public final class TestStores {

  private TestStores() {
  }

  public static EmbeddedStore embedded() {
    return EmbeddedStore.persistent(freshDataDir(), 0);
  }

  public static Path freshDataDir() {
    try {
      return Files.createTempDirectory("parley-test-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
