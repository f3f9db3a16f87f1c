package io.parley.standalone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@link ParleyMain} in a JVM of its own, as {@code java -jar parley.jar} runs it, with its output kept. Public,
 * and shipped in this module's test-jar, for the browser tests that restart a real server.
 */
public final class ParleyProcess implements AutoCloseable {

  private final Process process;
  private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

  private ParleyProcess(Process process) {
    this.process = process;
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          lines.add(line);
        }
      } catch (IOException ignored) {
        // The process ended.
      }
    }, "parley-process-output");
    reader.setDaemon(true);
    reader.start();
  }

  public static ParleyProcess start(Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m",
        "-cp", System.getProperty("java.class.path"),
        ParleyMain.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("MONGO_URI");
    builder.environment().putAll(env);
    try {
      return new ParleyProcess(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until a line contains the text; fails if the process ends or time runs out first. */
  public void awaitLine(String text, long timeoutMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (System.currentTimeMillis() < deadline) {
      if (output().stream().anyMatch(line -> line.contains(text))) {
        return;
      }
      if (!process.isAlive() && output().stream().noneMatch(line -> line.contains(text))) {
        Thread.sleep(200);
        if (output().stream().anyMatch(line -> line.contains(text))) {
          return;
        }
        throw new AssertionError("process ended without '" + text + "': " + output());
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no '" + text + "' within " + timeoutMs + " ms: " + output());
  }

  /** Waits for the process to end by itself and answers its exit code. */
  public int awaitExit(long timeoutMs) throws InterruptedException {
    if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
      throw new AssertionError("process still running after " + timeoutMs + " ms: " + output());
    }
    Thread.sleep(100);
    return process.exitValue();
  }

  public List<String> output() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  /** Kills it outright (SIGKILL), as a crash or the kernel's out-of-memory killer would, and waits until it is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("process still running 30 s after SIGKILL");
    }
  }

  /** Stops it as an operator would (SIGTERM) and waits for the shutdown to finish. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
