package io.parley.platform;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class EmbeddedMongoStoreTest extends MongoStoreContractTest {

  private static EmbeddedStore store;

  @BeforeAll
  static void startStore() {
    store = TestStores.embedded();
  }

  @AfterAll
  static void stopStore() {
    store.close();
  }

  @Override
  String connectionString() {
    return store.connectionString();
  }
}
