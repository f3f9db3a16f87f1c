package io.parley.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What a server process costs: CPU time and resident memory from /proc/&lt;pid&gt;, heap in use from its
 * {@code /metrics} (the JVM Micrometer gauges), and a full GC on request through {@code jcmd}, so that memory
 * per connection compares live data rather than garbage.
 */
public final class ServerStats {

  private static final long CLOCK_TICKS_PER_SECOND = clockTicks();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ServerStats() {
  }

  /** user + system CPU time of the process, in nanoseconds. */
  public static long cpuNanos(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return ticks * 1_000_000_000L / CLOCK_TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** Resident set size, in bytes. */
  public static long rssBytes(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /** Heap in use, summed over the heap pools {@code /metrics} reports. */
  public static long heapBytes(String baseUrl) {
    try {
      String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/metrics"))
          .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body();
      double total = 0;
      for (String line : metrics.split("\n")) {
        if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
          total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
      return (long) total;
    } catch (IOException | RuntimeException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** Asks the JVM for a full collection and waits for it. */
  public static void collectGarbage(long pid) {
    try {
      Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
          Long.toString(pid), "GC.run").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      jcmd.waitFor(60, TimeUnit.SECONDS);
    } catch (IOException e) {
      // no jcmd: memory is then measured with whatever garbage is there
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static long clockTicks() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
      String out = new String(getconf.getInputStream().readAllBytes()).trim();
      getconf.waitFor(5, TimeUnit.SECONDS);
      return Long.parseLong(out);
    } catch (IOException | RuntimeException | InterruptedException e) {
      return 100;
    }
  }

  /** CPU use of a process between two moments, in cores. */
  public record CpuMeter(long pid, long startCpuNanos, long startWallNanos) {
    public static CpuMeter start(long pid) {
      return new CpuMeter(pid, cpuNanos(pid), System.nanoTime());
    }

    public double cores() {
      long cpu = cpuNanos(pid) - startCpuNanos;
      return cpu / (double) (System.nanoTime() - startWallNanos);
    }
  }
}
