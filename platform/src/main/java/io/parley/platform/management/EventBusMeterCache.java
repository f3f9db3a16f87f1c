package io.parley.platform.management;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.spi.metrics.EventBusMetrics;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MetricsNaming;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Vert.x's event-bus meters, under Vert.x's names, labels and descriptions, found once per address instead of per
 * message. Vert.x's own implementation builds the tags and asks the registry three times for every message a
 * process receives and once for every message it sends: 6-7% of the event loops at 1,000 chat messages a second.
 * Here each address (aliased first: {@link EventBusAddressAliases}) maps to its meters in one hash lookup. Vert.x's
 * label settings are not read: the labels are those {@code VertxFactory} enables (address, side, failure).
 */
final class EventBusMeterCache implements EventBusMetrics<EventBusMeterCache.AddressMeters> {

  private static final String ADDRESS = Label.EB_ADDRESS.toString();
  private static final String SIDE = Label.EB_SIDE.toString();

  private final MeterRegistry registry;
  private final MetricsNaming names;
  private final ConcurrentMap<String, AddressMeters> byAddress = new ConcurrentHashMap<>();

  EventBusMeterCache(MeterRegistry registry, MetricsNaming eventBusNames) {
    this.registry = registry;
    this.names = eventBusNames;
  }

  MeterRegistry registry() {
    return registry;
  }

  @Override
  public AddressMeters handlerRegistered(String address) {
    AddressMeters meters = meters(address);
    if (meters != null) {
      meters.handlerRegistered();
    }
    return meters;
  }

  @Override
  public void handlerUnregistered(AddressMeters meters) {
    if (meters != null) {
      meters.handlers.decrement();
    }
  }

  @Override
  public void messageDelivered(AddressMeters meters, boolean local) {
    if (meters != null) {
      Side side = meters.side(local);
      side.pending().decrement();
      side.processed.get().increment();
    }
  }

  @Override
  public void discardMessage(AddressMeters meters, boolean local, Message<?> message) {
    if (meters != null) {
      Side side = meters.side(local);
      side.pending().decrement();
      side.discarded.get().increment();
    }
  }

  @Override
  public void messageSent(String address, boolean publish, boolean local, boolean remote) {
    AddressMeters meters = meters(address);
    if (meters != null) {
      Side side = meters.side(local);
      (publish ? side.published : side.sent).get().increment();
    }
  }

  @Override
  public void messageReceived(String address, boolean publish, boolean local, int handlers) {
    AddressMeters meters = meters(address);
    if (meters != null) {
      Side side = meters.side(local);
      side.received.get().increment();
      if (handlers > 0) {
        side.pending().add(handlers);
        side.delivered.get().increment();
      }
    }
  }

  @Override
  public void messageWritten(String address, int numberOfBytes) {
    AddressMeters meters = meters(address);
    if (meters != null) {
      meters.bytesWritten.get().record(numberOfBytes);
    }
  }

  @Override
  public void messageRead(String address, int numberOfBytes) {
    AddressMeters meters = meters(address);
    if (meters != null) {
      meters.bytesRead.get().record(numberOfBytes);
    }
  }

  /** Rare: looked up in the registry each time. */
  @Override
  public void replyFailure(String address, ReplyFailure failure) {
    if (!isInternal(address)) {
      EventBusMeters.replyFailures(registry, names.getEbReplyFailures(), EventBusAddressAliases.alias(address), failure)
          .increment();
    }
  }

  /** Vert.x's own addresses (replies among them) are not metered, as in Vert.x's implementation. */
  private static boolean isInternal(String address) {
    return address.startsWith("__vertx.");
  }

  private AddressMeters meters(String address) {
    if (isInternal(address)) {
      return null;
    }
    String alias = EventBusAddressAliases.alias(address);
    AddressMeters meters = byAddress.get(alias);
    return meters != null ? meters : byAddress.computeIfAbsent(alias, AddressMeters::new);
  }

  /**
   * The meters of one (aliased) address, each registered when first needed, as Vert.x does: those of its handlers
   * when one registers (so a dashboard reads 0), the others at the first message they count.
   */
  final class AddressMeters {

    private final Tags tags;
    private final LongAdder handlers = new LongAdder();
    private final Lazy<DistributionSummary> bytesWritten;
    private final Lazy<DistributionSummary> bytesRead;
    private final Side local;
    private final Side remote;

    private AddressMeters(String address) {
      tags = Tags.of(ADDRESS, address);
      bytesWritten = new Lazy<>(() -> DistributionSummary.builder(names.getEbBytesWritten())
          .description("Number of bytes sent while sending messages to event bus cluster peers")
          .tags(tags).register(registry));
      bytesRead = new Lazy<>(() -> DistributionSummary.builder(names.getEbBytesRead())
          .description("Number of bytes received while reading messages from event bus cluster peers")
          .tags(tags).register(registry));
      local = new Side(tags.and(SIDE, "local"));
      remote = new Side(tags.and(SIDE, "remote"));
    }

    private void handlerRegistered() {
      Gauge.builder(names.getEbHandlers(), handlers, LongAdder::doubleValue)
          .description("Number of event bus handlers in use").tags(tags).strongReference(true).register(registry);
      handlers.increment();
      for (Side side : new Side[] {local, remote}) {
        side.pending();
        side.processed.get();
        side.discarded.get();
      }
    }

    private Side side(boolean isLocal) {
      return isLocal ? local : remote;
    }
  }

  /** The meters of one address for messages from this process ({@code local}) or from another ({@code remote}). */
  private final class Side {

    private final Tags tags;
    private final LongAdder pending = new LongAdder();
    private final Lazy<Gauge> pendingGauge;
    private final Lazy<Counter> processed;
    private final Lazy<Counter> discarded;
    private final Lazy<Counter> published;
    private final Lazy<Counter> sent;
    private final Lazy<Counter> received;
    private final Lazy<Counter> delivered;

    private Side(Tags tags) {
      this.tags = tags;
      pendingGauge = new Lazy<>(() -> Gauge.builder(names.getEbPending(), pending, LongAdder::doubleValue)
          .description("Number of messages not processed yet").tags(tags).strongReference(true).register(registry));
      processed = counter(names.getEbProcessed(), "Number of processed messages");
      discarded = counter(names.getEbDiscarded(), "Number of discarded messages");
      published = counter(names.getEbPublished(), "Number of messages published (publish / subscribe)");
      sent = counter(names.getEbSent(), "Number of messages sent (point-to-point)");
      received = counter(names.getEbReceived(), "Number of messages received");
      delivered = counter(names.getEbDelivered(), "Number of messages delivered to handlers");
    }

    private LongAdder pending() {
      pendingGauge.get();
      return pending;
    }

    private Lazy<Counter> counter(String name, String description) {
      return new Lazy<>(() -> Counter.builder(name).description(description).tags(tags).register(registry));
    }
  }

  /** A meter registered at its first use; two threads racing to it get the same meter from the registry. */
  private static final class Lazy<T> {

    private final Supplier<T> make;
    private volatile T value;

    private Lazy(Supplier<T> make) {
      this.make = make;
    }

    T get() {
      T made = value;
      if (made == null) {
        made = make.get();
        value = made;
      }
      return made;
    }
  }
}
