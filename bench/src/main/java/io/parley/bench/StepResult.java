package io.parley.bench;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/** The figures of one measured window. Latencies in milliseconds, memory in MiB, CPU in cores. */
public record StepResult(
    String label,
    double offeredPerSecond,
    long sent,
    long acks,
    double ackedPerSecond,
    long refused,
    long receipts,
    double deliveredPerSecond,
    double p50,
    double p99,
    double p999,
    double max,
    double ackP50,
    double ackP99,
    long losses,
    long duplicates,
    long orderViolations,
    long roomsWithIssues,
    long recoveredBySync,
    long resentBySync,
    double serverCores,
    double clientCores,
    double serverRssMib,
    double serverHeapMib) {

  static StepResult of(String label, double offered, DeliveryTracker tracker, OpenLoopSchedule.Window window,
      long losses, double serverCores, double clientCores, long rssBytes, long heapBytes) {
    long end = Math.max(window.endNanos(), tracker.lastReceiptNanos());
    double seconds = Math.max(1e-9, (end - window.startNanos()) / 1e9);
    Histogram latency = tracker.deliveryMicros();
    Histogram ack = tracker.ackMicros();
    double ackSeconds = Math.max(1e-9,
        (Math.max(window.endNanos(), tracker.lastAckNanos()) - window.startNanos()) / 1e9);
    return new StepResult(label, offered, tracker.sentCount(), tracker.acks(), tracker.acks() / ackSeconds,
        tracker.refused(),
        tracker.receipts(), tracker.receipts() / seconds,
        millis(latency, 50), millis(latency, 99), millis(latency, 99.9), latency.getMaxValue() / 1000.0,
        millis(ack, 50), millis(ack, 99), losses, tracker.duplicates(), tracker.orderViolations(),
        tracker.roomsWithIssues(), tracker.syncReceipts(), tracker.resentBySync(), serverCores, clientCores, rssBytes / 1048576.0, heapBytes / 1048576.0);
  }

  private static double millis(Histogram histogram, double percentile) {
    return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
  }

  /** Within the latency bound, with nothing lost and nothing refused. */
  public boolean passes(double p99BoundMillis) {
    return sent > 0 && receipts > 0 && losses == 0 && refused == 0 && p99 <= p99BoundMillis;
  }

  public String format() {
    String sync = recoveredBySync + resentBySync == 0 ? "" : String.format(Locale.ROOT,
        "  recovered by sync %d, resent by sync %d", recoveredBySync, resentBySync);
    return String.format(Locale.ROOT,
        "%-28s offered %8.0f msg/s  sent %7d  acked %7d (%6.0f/s)  delivered %9.0f/s  p50 %7.2f  p99 %7.2f  p99.9 %7.2f"
            + "  max %7.1f ms  ack p99 %7.2f ms  lost %d  dup %d  order %d  rooms-with-issues %d  refused %d"
            + "  server %.2f cores, RSS %.0f MiB, heap %.0f MiB  client %.2f cores",
        label, offeredPerSecond, sent, acks, ackedPerSecond, deliveredPerSecond, p50, p99, p999, max, ackP99, losses, duplicates,
        orderViolations, roomsWithIssues, refused, serverCores, serverRssMib, serverHeapMib, clientCores) + sync;
  }
}
