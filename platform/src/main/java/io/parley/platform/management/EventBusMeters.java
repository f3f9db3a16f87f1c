package io.parley.platform.management;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.contract.Catalog;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.micrometer.Label;
import java.util.List;

/**
 * The event-bus meter Vert.x makes only when the first request fails: requests that got no answer in time or found
 * nobody serving them, per address. Made at start for every request of the contract, under the very name and
 * labels Vert.x counts them with, so a dashboard reads 0 until something fails. (A service's refusals, which Vert.x
 * counts as RECIPIENT_FAILURE, are the gateway's refusals by code.)
 */
public final class EventBusMeters {

  static final String REPLY_FAILURES = "vertx.eventbus.reply.failures";
  private static final List<ReplyFailure> LOST = List.of(ReplyFailure.TIMEOUT, ReplyFailure.NO_HANDLERS);

  private EventBusMeters() {
  }

  /** Call once the process's Vert.x is made: its label rules (one address per room, user...) apply then. */
  public static void registerReplyFailures() {
    for (String address : Catalog.requestAddresses()) {
      for (ReplyFailure failure : LOST) {
        replyFailures(Metrics.registry(), REPLY_FAILURES, address, failure);
      }
    }
  }

  /** The counter of one address's requests that failed so, as Vert.x names, labels and describes it. */
  static Counter replyFailures(MeterRegistry registry, String name, String address, ReplyFailure failure) {
    return Counter.builder(name)
        .description("Number of message reply failures")
        .tag(Label.EB_ADDRESS.toString(), address)
        .tag(Label.EB_FAILURE.toString(), failure.name())
        .register(registry);
  }
}
