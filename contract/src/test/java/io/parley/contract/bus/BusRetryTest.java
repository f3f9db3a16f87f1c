package io.parley.contract.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request that got no answer is sent again only when its operation says it is idempotent: a fake service that
 * lets one request go unanswered, as an instance that died with it would, and answers the next.
 */
class BusRetryTest {

  private static final Codec<String> KEY = Codec.of(key -> key == null ? new JsonObject()
      : new JsonObject().put("key", key), json -> json.getString("key"));
  private static final Codec<String> ANSWER = Codec.of(text -> new JsonObject().put("text", text),
      json -> json.getString("text"));
  private static final Operation<String, String> READ = Operation.internal("test.read", KEY, ANSWER, "")
      .idempotent();
  private static final Operation<String, String> CREATE = Operation.internal("test.create", KEY, ANSWER, "");
  private static final Operation<String, String> SEND = Operation.internal("test.send", KEY, ANSWER, "")
      .idempotentWhen(key -> key != null);

  private Vertx vertx;
  private BusClient client;
  private final List<String> received = new ArrayList<>();
  private boolean loseNext = true;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    client = new BusClient(vertx.eventBus(), new BusClient.Timeouts(2_000, 300, 1));
    for (String address : List.of("test.read", "test.create", "test.send")) {
      vertx.eventBus().<JsonObject>consumer(address, this::loseOneThenAnswer).completion().await();
    }
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  private void loseOneThenAnswer(Message<JsonObject> request) {
    received.add(request.address());
    if (loseNext) {
      loseNext = false;
    } else {
      request.reply(new JsonObject().put("text", "answer " + received.size()));
    }
  }

  @Test
  void anIdempotentRequestLostOnceIsSentAgainAndAnswered() {
    assertEquals("answer 2", client.call(READ, "k").await());
    assertEquals(List.of("test.read", "test.read"), received);
  }

  @Test
  void aRequestThatIsNotIdempotentIsNeverSentAgain() {
    ServiceError error = assertInstanceOf(ServiceError.class, assertThrows(Exception.class,
        () -> client.call(CREATE, "k").await()));
    assertEquals(ErrorCode.UNAVAILABLE, error.code());
    assertEquals(List.of("test.create"), received);
  }

  @Test
  void whetherARequestIsSentAgainMayDependOnTheRequest() {
    assertThrows(Exception.class, () -> client.call(SEND, null).await());
    assertEquals(List.of("test.send"), received);
    loseNext = true;
    assertEquals("answer 3", client.call(SEND, "client-key").await());
    assertEquals(List.of("test.send", "test.send", "test.send"), received);
  }

  @Test
  void aRequestNobodyServesYetIsSentAgainAfterAPause() {
    Operation<String, String> later = Operation.internal("test.later", KEY, ANSWER, "").idempotent();
    loseNext = false;
    vertx.setTimer(50, timer -> vertx.eventBus().<JsonObject>consumer("test.later", this::loseOneThenAnswer));
    assertEquals("answer 1", client.call(later, "k").await());
  }

  @Test
  void aClientOfOneAttemptNeverRetries() {
    BusClient single = new BusClient(vertx.eventBus(), 300);
    assertThrows(Exception.class, () -> single.call(READ, "k").await());
    assertEquals(List.of("test.read"), received);
  }
}
