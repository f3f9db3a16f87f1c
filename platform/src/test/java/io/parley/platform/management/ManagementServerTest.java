package io.parley.platform.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Gauge;
import io.parley.platform.VertxFactory;
import io.parley.testing.Await;
import io.parley.testing.RestClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ManagementServerTest {

  private static final String HEALTH = "test.health";

  private Vertx vertx;
  private RestClient management;

  @BeforeEach
  void start() {
    vertx = VertxFactory.local();
    int port = Await.result(ManagementServer.start(vertx, new JsonObject().put(ManagementConfig.MANAGEMENT_PORT, 0),
        HealthProbe.inThisProcess(HEALTH))).actualPort();
    management = new RestClient(vertx, port);
  }

  @AfterEach
  void stop() {
    management.close();
    Await.result(vertx.close());
  }

  @Test
  void metricsAreVertxAndJvmMetersInPrometheusText() {
    RestClient.Reply reply = management.get("/metrics", null);

    assertEquals(200, reply.status());
    assertTrue(reply.header("Content-Type").startsWith("text/plain; version=0.0.4"));
    String text = reply.raw().bodyAsString();
    assertTrue(text.contains("# TYPE jvm_memory_used_bytes gauge"), text);
    assertTrue(text.contains("vertx_http_server_"), "Vert.x meters the management requests themselves");
  }

  @Test
  void metersAreRenderedOffTheEventLoops() {
    AtomicReference<String> renderedOn = new AtomicReference<>();
    Gauge gauge = Gauge.builder("parley_test_render_thread", () -> {
      renderedOn.set(Thread.currentThread().getName());
      return 1;
    }).register(Metrics.registry());
    try {
      assertEquals(200, management.get("/metrics", null).status());
      assertTrue(renderedOn.get() != null && !renderedOn.get().startsWith("vert.x-eventloop"), renderedOn.get());
    } finally {
      Metrics.registry().remove(gauge);
    }
  }

  @Test
  void eventBusMetersNameEachAddressButCountAllRoomsAsOne() {
    for (String address : java.util.List.of("parley.room.r1", "parley.room.r2", "parley.chat.history")) {
      Await.result(vertx.eventBus().consumer(address, m -> m.reply(new JsonObject())).completion());
      Await.result(vertx.eventBus().request(address, new JsonObject()));
    }

    String text = management.get("/metrics", null).raw().bodyAsString();
    assertTrue(text.contains("address=\"parley.chat.history\""), text);
    assertTrue(text.contains("address=\"parley.room.*\""), text);
    assertFalse(text.contains("parley.room.r1"), "no label value per room");
  }

  @Test
  void requestsThatGetNoAnswerAreCountedPerAddressFromZero() {
    String lost = "vertx_eventbus_reply_failures_total{address=\"parley.chat.history\",failure=\"TIMEOUT\"} ";
    String before = management.get("/metrics", null).raw().bodyAsString();
    assertTrue(before.contains(lost + "0.0"), before);
    assertTrue(before.contains("address=\"parley.gateway.*\",failure=\"NO_HANDLERS\"} 0.0"), before);

    Await.result(vertx.eventBus().consumer("parley.chat.history", request -> { }).completion());
    Await.failure(vertx.eventBus().request("parley.chat.history", new JsonObject(),
        new DeliveryOptions().setSendTimeout(50)));

    assertTrue(management.get("/metrics", null).raw().bodyAsString().contains(lost + "1.0"),
        "Vert.x counts on the meter made up front");
  }

  @Test
  void healthIsUpWhileTheServiceAnswersAndDownWhenItDoesNot() {
    MessageConsumer<JsonObject> service = vertx.eventBus().consumer(HEALTH, m -> m.reply(new JsonObject()));
    Await.result(service.completion());

    RestClient.Reply up = management.get("/health", null);
    assertEquals(200, up.status());
    assertEquals("up", up.json().getString("status"));
    assertEquals("up", up.json().getJsonObject("checks").getString(HEALTH));

    Await.result(service.unregister());
    RestClient.Reply down = management.get("/health", null);
    assertEquals(503, down.status());
    assertEquals("down", down.json().getJsonObject("checks").getString(HEALTH));
  }

  @Test
  void answersNothingElse() {
    assertEquals(404, management.get("/api/users", null).status());
    assertEquals(405, management.post("/health", new JsonObject()).status());
  }

  @Test
  void isOffWithoutAPortAndRefusesABadOne() {
    assertNull(Await.result(ManagementServer.start(vertx, new JsonObject(), vertx1 -> Future.succeededFuture())));
    Throwable bad = Await.failure(ManagementServer.start(vertx,
        new JsonObject().put(ManagementConfig.MANAGEMENT_PORT, "nine"), v -> Future.succeededFuture()));
    assertEquals("PARLEY_MANAGEMENT_PORT must be a port number, not 'nine'", bad.getMessage());
  }
}
