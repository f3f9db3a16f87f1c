package io.parley.contract.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.MessageConsumerOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.eventbus.impl.MessageConsumerImpl;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * Messages still queued for a consumer that unregisters: a request among them is failed at once, as Vert.x does,
 * and each is a DEBUG line, where Vert.x logs a WARN line per message; a full buffer still warns.
 */
class QuietConsumersTest {

  private final List<Logger> loggers = List.of((Logger) LoggerFactory.getLogger(MessageConsumerImpl.class),
      (Logger) LoggerFactory.getLogger(QuietConsumers.class));
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private Vertx vertx;

  @BeforeEach
  void listen() {
    logged.start();
    loggers.forEach(logger -> {
      logger.addAppender(logged);
      logger.setLevel(Level.DEBUG);
    });
    vertx = Vertx.vertx();
  }

  @AfterEach
  void close() {
    loggers.forEach(logger -> {
      logger.detachAppender(logged);
      logger.setLevel(null);
    });
    vertx.close().await();
  }

  @Test
  @Timeout(30)
  void whatIsQueuedWhenTheConsumerUnregistersIsDroppedQuietlyAndARequestIsFailedAtOnce() throws Exception {
    CountDownLatch queued = new CountDownLatch(1);
    List<Object> handled = new CopyOnWriteArrayList<>();
    Promise<MessageConsumer<String>> registered = Promise.promise();
    vertx.runOnContext(ignored -> {
      MessageConsumer<String> consumer = QuietConsumers.consumer(vertx.eventBus(), "test.quiet", message -> {
        handled.add(message.body());
        try {
          // The test's thread sends the rest meanwhile: they wait for this event loop, then find the consumer closed.
          assertTrue(queued.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        registered.future().result().unregister();
      });
      consumer.completion().map(done -> consumer).onComplete(registered);
    });
    registered.future().await();
    vertx.eventBus().publish("test.quiet", "first");
    Future<Message<Object>> request = vertx.eventBus().request("test.quiet", "second",
        new DeliveryOptions().setSendTimeout(120_000));
    vertx.eventBus().publish("test.quiet", "third");
    queued.countDown();

    ReplyException failure = assertInstanceOf(ReplyException.class, assertThrows(Exception.class, request::await));
    assertEquals(ReplyFailure.TIMEOUT, failure.failureType());
    assertEquals(List.of("first"), handled);
    assertEquals(List.of("DEBUG test.quiet: dropped a request that was queued when the consumer closed",
        "DEBUG test.quiet: dropped a notice that was queued when the consumer closed"), lines());
  }

  @Test
  void aPausedConsumerWhoseBufferIsFullStillWarns() {
    Context context = vertx.getOrCreateContext();
    Promise<MessageConsumer<String>> registered = Promise.promise();
    context.runOnContext(ignored -> {
      MessageConsumer<String> consumer = QuietConsumers.consumer(vertx.eventBus(), "test.full", message -> { });
      consumer.pause();
      consumer.completion().map(done -> consumer).onComplete(registered);
    });
    registered.future().await();
    for (int i = 0; i < MessageConsumerOptions.DEFAULT_MAX_BUFFERED_MESSAGES + 10; i++) {
      vertx.eventBus().publish("test.full", "n" + i);
    }
    // Deliveries run on the consumer's context in the order they were sent: once this has run, they all have.
    Promise<Void> delivered = Promise.promise();
    context.runOnContext(ignored -> delivered.complete());
    delivered.future().await();
    List<String> lines = lines();
    assertFalse(lines.isEmpty());
    assertEquals(Set.of("WARN test.full: dropped a notice: its paused consumer's buffer is full"), Set.copyOf(lines));
  }

  private List<String> lines() {
    return logged.list.stream().map(event -> event.getLevel() + " " + event.getFormattedMessage()).toList();
  }
}
