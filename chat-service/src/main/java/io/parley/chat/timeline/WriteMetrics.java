package io.parley.chat.timeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.parley.platform.management.Metrics;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The timeline's write path as the management port shows it: messages stored, how long a batch takes from its
 * claim to being applied (the store's part of a message's latency), how many changes share a batch, and how
 * many were refused because the store was behind ({@link Admission}).
 */
final class WriteMetrics {

  private final Counter stored;
  private final Timer writes;
  private final DistributionSummary batches;
  private final Counter refused;

  WriteMetrics() {
    MeterRegistry registry = Metrics.registry();
    stored = Counter.builder("parley_chat_messages_stored")
        .description("new messages stored in the timeline").register(registry);
    // Buckets, not just mean and max: a message's latency tail is what an operator asks the store's share of.
    writes = Timer.builder("parley_chat_store_write")
        .description("one batch of timeline changes, from its claim to its checkpoint")
        .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(10)).register(registry);
    batches = DistributionSummary.builder("parley_chat_write_batch")
        .description("timeline changes claimed together in one batch").register(registry);
    refused = Counter.builder("parley_chat_changes_refused")
        .description("timeline changes refused as the store was behind (load shedding)").register(registry);
  }

  void batch(int changes, int created, long nanos) {
    stored.increment(created);
    writes.record(nanos, TimeUnit.NANOSECONDS);
    batches.record(changes);
  }

  void refused() {
    refused.increment();
  }
}
