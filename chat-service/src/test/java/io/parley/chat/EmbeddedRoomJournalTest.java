package io.parley.chat;

import io.parley.platform.EmbeddedStore;
import io.parley.platform.TestStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The journal's promises on the embedded store Parley ships (mongo-java-server, H2 backend). */
class EmbeddedRoomJournalTest extends RoomJournalContractTest {

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
  String mongoUri() {
    return store.connectionString();
  }
}
