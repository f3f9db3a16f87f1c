package io.parley.contract.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Requests still in flight when their service stops fail as unavailable, logged as one line, not as faults. */
class BusEndpointsStoppingTest {

  private static final Codec<String> NAME = Codec.of(name -> new JsonObject().put("name", name),
      json -> json.getString("name"));
  private static final Operation<String, String> SLOW = Operation.internal("test.slow", NAME, NAME, "");

  private final Logger logger = (Logger) LoggerFactory.getLogger(BusEndpoints.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private Vertx vertx;
  private BusClient client;
  private BusEndpoints endpoints;
  /** Completed with the handlers' unanswered promises once {@code expected} requests reached them. */
  private final Promise<List<Promise<String>>> arrived = Promise.promise();
  private final List<Promise<String>> held = new ArrayList<>();
  private volatile int expected = 1;

  @BeforeEach
  void serve() {
    logged.start();
    logger.addAppender(logged);
    logger.setLevel(Level.INFO);
    vertx = Vertx.vertx();
    client = new BusClient(vertx.eventBus(), 2_000);
    endpoints = new BusEndpoints(vertx.eventBus()).serveInternal(SLOW, name -> {
      Promise<String> inFlight = Promise.promise();
      held.add(inFlight);
      if (held.size() == expected) {
        arrived.complete(List.copyOf(held));
      }
      return inFlight.future();
    });
    endpoints.ready().await();
  }

  @AfterEach
  void close() {
    logger.detachAppender(logged);
    logger.setLevel(null);
    vertx.close().await();
  }

  @Test
  void aFailureWhileRunningIsAnErrorWithItsCause() {
    Future<String> answer = client.call(SLOW, "a");
    arrived.future().await().get(0).fail(new IllegalStateException("store gone"));
    assertEquals(ErrorCode.UNAVAILABLE, failure(answer).code());
    ILoggingEvent event = onlyEvent();
    assertEquals(Level.ERROR, event.getLevel());
    assertEquals("store gone", event.getThrowableProxy().getMessage());
  }

  @Test
  void failuresAfterTheEndpointsClosedAreOneLineWithoutAStackTrace() {
    expected = 2;
    Future<String> first = client.call(SLOW, "a");
    Future<String> second = client.call(SLOW, "b");
    List<Promise<String>> inFlight = arrived.future().await();
    endpoints.close().await();
    inFlight.forEach(request -> request.fail(new IllegalStateException("store gone")));
    assertEquals(ErrorCode.UNAVAILABLE, failure(first).code());
    assertEquals(ErrorCode.UNAVAILABLE, failure(second).code());
    ILoggingEvent event = onlyEvent();
    assertEquals(Level.INFO, event.getLevel());
    assertNull(event.getThrowableProxy());
    assertEquals("test.slow failed while the service stops: java.lang.IllegalStateException: store gone"
        + " (any further failure while it stops: DEBUG)", event.getFormattedMessage());
  }

  private ILoggingEvent onlyEvent() {
    assertEquals(1, logged.list.size(), logged.list.toString());
    return logged.list.get(0);
  }

  private static ServiceError failure(Future<?> future) {
    return assertInstanceOf(ServiceError.class, assertThrows(Exception.class, future::await));
  }
}
