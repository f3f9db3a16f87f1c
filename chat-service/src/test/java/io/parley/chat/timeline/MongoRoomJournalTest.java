package io.parley.chat.timeline;

import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The journal's promises on MongoDB 7, where Docker is there to run it. */
@Testcontainers(disabledWithoutDocker = true)
class MongoRoomJournalTest extends RoomJournalContractTest {

  @Container
  private static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7");

  @Override
  String mongoUri() {
    return MONGO.getConnectionString();
  }
}
