package io.parley.platform;

import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The same contract on MongoDB 7, wherever a Docker engine runs; skipped cleanly without one. */
@Testcontainers(disabledWithoutDocker = true)
class RealMongoStoreTest extends MongoStoreContractTest {

  @Container
  static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7");

  @Override
  String connectionString() {
    return MONGO.getConnectionString();
  }
}
