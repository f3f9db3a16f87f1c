package io.parley.gateway;

import io.parley.platform.EmbeddedStore;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The embedded store in a JVM of its own, for a test that measures the heap of the services alone: prints
 * {@code PORT <n>} once listening, and stops when its standard input closes (its parent is gone).
 */
public final class StoreProcess {

  private StoreProcess() {
  }

  public static void main(String[] args) throws IOException {
    EmbeddedStore store = EmbeddedStore.persistent(Path.of(args[0]), 0);
    System.out.println("PORT " + store.port());
    System.out.flush();
    while (System.in.read() >= 0) {
      // Nothing to read: this only waits for the parent to close the pipe.
    }
    store.close();
  }
}
