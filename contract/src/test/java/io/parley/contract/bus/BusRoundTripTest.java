package io.parley.contract.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.parley.contract.Actor;
import io.parley.contract.ErrorCode;
import io.parley.contract.RequestFields;
import io.parley.contract.ServiceError;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BusRoundTripTest {

  /** A request whose decoder validates, as every request codec of the contract does. */
  private static final Codec<String> NAME = Codec.of(name -> new JsonObject().put("name", name), json -> {
    RequestFields fields = RequestFields.of(json);
    String name = fields.requiredString("name", 1, 5);
    fields.throwIfInvalid();
    return name;
  });
  private static final Codec<Integer> LENGTH = Codec.of(n -> new JsonObject().put("length", n),
      json -> json.getInteger("length"));
  private static final Operation<String, Integer> MEASURE = Operation.forActor("test.measure", NAME, LENGTH, "");
  private static final Operation<String, Integer> INTERNAL = Operation.internal("test.internal", NAME, LENGTH, "");

  private Vertx vertx;
  private BusClient client;
  private final AtomicReference<Actor> seen = new AtomicReference<>();

  @BeforeEach
  void serve() {
    vertx = Vertx.vertx();
    client = new BusClient(vertx.eventBus(), 1_000);
    new BusEndpoints(vertx.eventBus())
        .serve(MEASURE, (actor, name) -> {
          seen.set(actor);
          if (name.equals("boom")) {
            throw new IllegalStateException("secret detail");
          }
          if (name.equals("nope")) {
            return Future.failedFuture(ServiceError.forbidden("No."));
          }
          return Future.succeededFuture(name.length());
        })
        .serveInternal(INTERNAL, name -> Future.succeededFuture(name.length() * 10))
        .ready().await();
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void aRequestReachesItsHandlerWithTheActorAndItsAnswerComesBackTyped() {
    Actor alice = new Actor("a", "user", "s1");
    assertEquals(3, client.call(MEASURE, alice, "abc").await());
    assertEquals(alice, seen.get());
    assertEquals(30, client.call(INTERNAL, "abc").await());
  }

  @Test
  void aRequestTheContractRefusesNeverReachesTheHandler() {
    ServiceError error = failure(client.call(MEASURE, new Actor("a", "user", "s1"), "too long a name"));
    assertEquals(ErrorCode.INVALID_INPUT, error.code());
    assertEquals("name", error.errors().get(0).field());
    assertEquals(null, seen.get());
  }

  @Test
  void aRequestWithoutItsActorIsUnauthenticated() {
    JsonObject noActor = new JsonObject().put("name", "abc");
    Throwable failure = assertThrows(Exception.class,
        () -> vertx.eventBus().request("test.measure", noActor).await());
    assertEquals(ErrorCode.UNAUTHENTICATED, ServiceError.from(failure).code());
  }

  @Test
  void aServiceErrorTravelsAsItIsAndAnythingElseAsUnavailableWithoutItsText() {
    Actor alice = new Actor("a", "user", "s1");
    assertEquals(ErrorCode.FORBIDDEN, failure(client.call(MEASURE, alice, "nope")).code());
    ServiceError hidden = failure(client.call(MEASURE, alice, "boom"));
    assertEquals(ErrorCode.UNAVAILABLE, hidden.code());
    assertEquals(false, hidden.getMessage().contains("secret"));
  }

  @Test
  void aRequestNobodyServesFailsAsUnavailable() {
    Operation<String, Integer> missing = Operation.internal("test.missing", NAME, LENGTH, "");
    assertEquals(ErrorCode.UNAVAILABLE, failure(client.call(missing, "abc")).code());
  }

  @Test
  void aUsersOperationCannotBeCalledWithoutAnActor() {
    assertThrows(IllegalArgumentException.class, () -> client.call(MEASURE, "abc"));
  }

  private static ServiceError failure(Future<?> future) {
    Throwable failure = assertThrows(Exception.class, future::await);
    return assertInstanceOf(ServiceError.class, failure);
  }
}
