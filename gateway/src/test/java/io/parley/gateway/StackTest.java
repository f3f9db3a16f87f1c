package io.parley.gateway;

import io.parley.testing.RestClient;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** A test class sharing one whole Parley among its tests; each test makes its own users and rooms. */
@ExtendWith(VertxExtension.class)
abstract class StackTest {

  static ParleyStack parley;
  static RestClient rest;

  @BeforeAll
  static void startParley(Vertx vertx) {
    parley = ParleyStack.start(vertx);
    rest = parley.rest();
  }

  @AfterAll
  static void stopParley() {
    parley.close();
  }
}
