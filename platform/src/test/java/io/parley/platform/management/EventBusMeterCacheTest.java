package io.parley.platform.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.parley.platform.VertxFactory;
import io.parley.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The event bus as an operator reads it on /metrics, from a Vert.x made as every Parley process makes it. */
class EventBusMeterCacheTest {

  private static final String ROOMS = "address=\"parley.room.*\",side=\"local\"";

  private Vertx vertx;

  @BeforeEach
  void start() {
    vertx = VertxFactory.local();
  }

  @AfterEach
  void stop() {
    Await.result(vertx.close());
  }

  @Test
  void messagesWaitingForAnyRoomsHandlerArePendingUnderOneAddressUntilHandled() {
    AtomicInteger handled = new AtomicInteger();
    List<MessageConsumer<JsonObject>> rooms = List.of("parley.room.r1", "parley.room.r2").stream()
        .map(address -> vertx.eventBus().<JsonObject>consumer(address, message -> handled.incrementAndGet()))
        .toList();
    rooms.forEach(room -> Await.result(room.completion()));
    rooms.forEach(MessageConsumer::pause);

    vertx.eventBus().publish("parley.room.r1", new JsonObject());
    vertx.eventBus().publish("parley.room.r1", new JsonObject());
    vertx.eventBus().publish("parley.room.r2", new JsonObject());

    awaitMeter("vertx_eventbus_pending{" + ROOMS + "}", 3);
    assertEquals(2, meter("vertx_eventbus_handlers{address=\"parley.room.*\"}"));
    assertEquals(3, meter("vertx_eventbus_published_total{" + ROOMS + "}"));
    assertEquals(3, meter("vertx_eventbus_received_total{" + ROOMS + "}"));
    assertEquals(0, meter("vertx_eventbus_processed_total{" + ROOMS + "}"));

    rooms.forEach(room -> room.resume());
    awaitMeter("vertx_eventbus_processed_total{" + ROOMS + "}", 3);
    assertEquals(0, meter("vertx_eventbus_pending{" + ROOMS + "}"));
    assertEquals(3, handled.get());
    assertFalse(Metrics.registry().scrape().contains("parley.room.r"), "no label value per room");

    rooms.forEach(room -> Await.result(room.unregister()));
    assertEquals(0, meter("vertx_eventbus_handlers{address=\"parley.room.*\"}"));
  }

  @Test
  void requestsAreCountedAsSentAndTheirRepliesAreNot() {
    Await.result(vertx.eventBus().consumer("parley.chat.history", m -> m.reply(new JsonObject())).completion());
    for (int i = 0; i < 4; i++) {
      Await.result(vertx.eventBus().request("parley.chat.history", new JsonObject()));
    }
    String history = "address=\"parley.chat.history\",side=\"local\"";
    assertEquals(4, meter("vertx_eventbus_sent_total{" + history + "}"));
    assertEquals(4, meter("vertx_eventbus_delivered_total{" + history + "}"));
    awaitMeter("vertx_eventbus_processed_total{" + history + "}", 4);
    assertFalse(Metrics.registry().scrape().contains("__vertx"), "Vert.x's reply addresses are not metered");
  }

  private void awaitMeter(String line, double expected) {
    long deadline = System.currentTimeMillis() + 5_000;
    while (meter(line) != expected && System.currentTimeMillis() < deadline) {
      Await.result(vertx.timer(10));
    }
    assertEquals(expected, meter(line), line);
  }

  /** The value of one line of the Prometheus text, or -1 when it has none. */
  private static double meter(String line) {
    Matcher value = Pattern.compile("(?m)^" + Pattern.quote(line) + " (\\S+)$").matcher(Metrics.registry().scrape());
    return value.find() ? Double.parseDouble(value.group(1)) : -1;
  }
}
