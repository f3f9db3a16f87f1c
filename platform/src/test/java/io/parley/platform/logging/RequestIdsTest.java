package io.parley.platform.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.parley.contract.bus.BusClient;
import io.parley.contract.bus.BusEndpoints;
import io.parley.contract.bus.Codec;
import io.parley.contract.bus.Operation;
import io.parley.platform.VertxFactory;
import io.parley.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

  private Vertx vertx;

  @BeforeEach
  void start() {
    vertx = VertxFactory.local();
  }

  @AfterEach
  void stop() {
    Await.result(vertx.close());
  }

  /** A consumer that answers, after a timer, with the id it sees then and what a JSON log line would say. */
  private Future<Void> serveLater() {
    return vertx.eventBus().<JsonObject>consumer("test.later", request -> vertx.setTimer(50, timer ->
        request.reply(new JsonObject()
            .put("seen", RequestIds.current())
            .put("logged", new JsonObject(logLine("handled")).getString("requestId"))))).completion();
  }

  @Test
  void servedRequestsKeepTheirCallersIdAcrossCallbacksWithoutMixingThem() {
    Await.result(serveLater());

    List<Future<JsonObject>> answers = List.of("first-call", "second-call").stream()
        .map(id -> vertx.eventBus().<JsonObject>request("test.later", new JsonObject(),
            new DeliveryOptions().addHeader(RequestIds.HEADER, id)).map(reply -> reply.body()))
        .toList();
    Await.result(Future.all(answers));

    assertEquals("first-call", answers.get(0).result().getString("seen"));
    assertEquals("first-call", answers.get(0).result().getString("logged"));
    assertEquals("second-call", answers.get(1).result().getString("seen"));
  }

  @Test
  void aRequestWithoutAnIdGetsOneAndAClientsOddIdIsReplaced() {
    Await.result(serveLater());

    JsonObject answer = Await.result(vertx.eventBus().<JsonObject>request("test.later", new JsonObject())).body();
    assertTrue(answer.getString("seen").matches("[0-9a-f]{16}"), answer.encode());
    assertEquals("abc-123", RequestIds.accept("abc-123"));
    assertNotEquals("two words", RequestIds.accept("two words"));
    assertNotEquals("x".repeat(65), RequestIds.accept("x".repeat(65)));
  }

  @Test
  void workRunAsAnIdPassesItOnToTheRequestsItMakes() {
    Await.result(serveLater());
    Promise<JsonObject> answer = Promise.promise();

    vertx.runOnContext(v -> {
      RequestIds.runAs("frame-7", () -> vertx.eventBus()
          .<JsonObject>request("test.later", new JsonObject(), RequestIds.propagate(new DeliveryOptions()))
          .onComplete(reply -> answer.complete(reply.result().body())));
      assertNull(RequestIds.current(), "the id stays with the work it was given to");
    });

    assertEquals("frame-7", Await.result(answer.future()).getString("seen"));
  }

  @Test
  void anyConsumerOfAVertxMadeByTheFactoryServesUnderItsCallersId() {
    Vertx made = VertxFactory.local();
    try {
      Await.result(made.eventBus().<JsonObject>consumer("test.plain", message -> made.setTimer(20, timer ->
          message.reply(new JsonObject().put("seen", RequestIds.current())))).completion());
      JsonObject answer = Await.result(made.eventBus().<JsonObject>request("test.plain", new JsonObject(),
          new DeliveryOptions().addHeader(RequestIds.HEADER, "plain-call"))).body();
      assertEquals("plain-call", answer.getString("seen"));
    } finally {
      Await.result(made.close());
    }
  }

  @Test
  void theContractsBusClientAndEndpointsCarryTheIdOnAnyVertx() {
    Vertx plain = Vertx.vertx();
    try {
      Operation<Void, String> whoAsks = Operation.internal("test.who", Codec.NONE,
          Codec.of(id -> new JsonObject().put("seen", id), json -> json.getString("seen")), "");
      Await.result(new BusEndpoints(plain.eventBus())
          .serveInternal(whoAsks, ignored -> Future.succeededFuture(RequestIds.current())).ready());
      Promise<String> seen = Promise.promise();
      plain.runOnContext(v -> RequestIds.runAs("frame-9", () ->
          new BusClient(plain.eventBus()).call(whoAsks, null).onComplete(seen)));
      assertEquals("frame-9", Await.result(seen.future()));
    } finally {
      Await.result(plain.close());
    }
  }

  @Test
  void aPublishWithoutAnIdIsHandledUnderNone() {
    Promise<String> seen = Promise.promise();
    Await.result(vertx.eventBus().consumer("test.notice", notice -> seen.complete(RequestIds.current())).completion());
    vertx.eventBus().publish("test.notice", new JsonObject());
    assertNull(Await.result(seen.future()));
  }

  @Test
  void aJsonLineNamesServiceInstanceLevelAndMessage() {
    JsonObject line = new JsonObject(logLine("hello \"world\""));

    assertEquals("hello \"world\"", line.getString("message"));
    assertEquals("WARN", line.getString("level"));
    assertEquals("parley", line.getString("service"));
    assertTrue(line.getString("instance").endsWith("/" + ProcessHandle.current().pid()));
    assertTrue(line.containsKey("time"));
    assertNull(line.getString("requestId"), "no request outside one");
  }

  private static String logLine(String message) {
    LoggerContext context = new LoggerContext();
    LoggingEvent event = new LoggingEvent("test", context.getLogger("test"), Level.WARN, message, null, null);
    JsonLineEncoder encoder = new JsonLineEncoder();
    String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
    assertTrue(line.endsWith("}\n") && line.indexOf('\n') == line.length() - 1, "one line: " + line);
    return line;
  }
}
