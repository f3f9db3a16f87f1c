package io.parley.platform;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh embedded store for one test class: started before its first test, closed after its last. Register it
 * on a static field with {@code @RegisterExtension}.
 */
public final class EmbeddedStoreExtension implements BeforeAllCallback, AfterAllCallback {

  private EmbeddedStore store;

  @Override
  public void beforeAll(ExtensionContext context) {
    store = TestStores.embedded();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    store.close();
  }

  public String connectionString() {
    return store.connectionString();
  }
}
