package io.parley.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.bench.workload.QuickCompare;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The quick comparison at a tiny scale, against a real ceiling and a real Parley standalone, each in its own
 * child JVM: it must measure real deliveries and report them honestly. No timing is asserted.
 */
class QuickCompareTest {

  @Test
  void measuresRealDeliveriesOnTheCeilingAndOnParley() throws Exception {
    Path workDir = Files.createDirectories(Path.of("target", "bench-test"));
    BenchOptions options = new BenchOptions("compare", "--quick", "--rooms=2", "--members=3", "--step-seconds=1",
        "--max-steps=2", "--start-deliveries=30", "--warmup-seconds=0.5", "--drain-ms=10000", "--settle-ms=300",
        "--server-jvm=-Xmx256m", "--work-dir=" + workDir);
    PrintStream console = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    QuickCompare.Comparison comparison;
    try (BenchContext context = BenchContext.open(options)) {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      comparison = new QuickCompare(context).run();
    } finally {
      System.setOut(console);
    }
    String output = captured.toString(StandardCharsets.UTF_8);
    console.print(output);

    assertMeasured(comparison.ceiling(), 6);
    assertMeasured(comparison.parley(), 6);
    List<String> lines = output.lines().toList();
    String last = lines.get(lines.size() - 1);
    assertTrue(last.matches("fanout parley/ceiling = \\d+\\.\\d\\d"), last);
    assertEquals(comparison.ratio(), Double.parseDouble(last.substring(last.indexOf('=') + 1).trim()), 0.005);
  }

  /** Every message sent reached every member of its room, once, in order, and was acknowledged. */
  private static void assertMeasured(List<StepResult> steps, int sockets) {
    assertFalse(steps.isEmpty());
    for (StepResult step : steps) {
      assertTrue(step.sent() > 0, step.format());
      assertEquals(step.sent(), step.acks(), step.format());
      assertEquals(step.sent() * sockets / 2, step.receipts(), step.format());
      assertTrue(step.deliveredPerSecond() > 0, step.format());
      assertEquals(0, step.losses(), step.format());
      assertEquals(0, step.duplicates(), step.format());
      assertEquals(0, step.orderViolations(), step.format());
      assertEquals(0, step.refused(), step.format());
    }
  }
}
