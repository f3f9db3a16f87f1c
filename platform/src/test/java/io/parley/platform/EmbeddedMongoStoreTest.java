package io.parley.platform;

import org.junit.jupiter.api.extension.RegisterExtension;

class EmbeddedMongoStoreTest extends MongoStoreContractTest {

  @RegisterExtension
  static final EmbeddedStoreExtension STORE = new EmbeddedStoreExtension();

  @Override
  String connectionString() {
    return STORE.connectionString();
  }
}
