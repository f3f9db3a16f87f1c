package io.parley.chat.timeline;

import io.parley.platform.EmbeddedStoreExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The journal's promises on the embedded store Parley ships (mongo-java-server, H2 backend). */
class EmbeddedRoomJournalTest extends RoomJournalContractTest {

  @RegisterExtension
  static final EmbeddedStoreExtension STORE = new EmbeddedStoreExtension();

  @Override
  String mongoUri() {
    return STORE.connectionString();
  }
}
