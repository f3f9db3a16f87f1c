package io.parley.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the processes a test starts. A free port from the OS comes from the ephemeral range, which is also
 * where every outgoing connection takes its local port: a fixed run of cluster ports chosen inside that range
 * was once taken by a gateway's HTTP port, and the gateway failed to start; a management port so chosen was once
 * taken by another service's connection to the store before its service bound it. Every port therefore comes from
 * below the ephemeral range, where neither the OS's free ports nor outgoing connections land, and none is handed
 * out twice in one test JVM.
 */
public final class Ports {

  private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
  private static final int LINUX_DEFAULT_EPHEMERAL_LOW = 32_768;
  private static final int LOWEST = 10_000;
  /** Guarded by the class: only {@link #handOut} reads and adds. */
  private static final Set<Integer> HANDED_OUT = new HashSet<>();

  private Ports() {
  }

  /** A port free now, below the ephemeral range. */
  public static int free() {
    return freeRun(1);
  }

  /** The first of {@code count} consecutive ports, all free now and all below the ephemeral range. */
  public static int freeRun(int count) {
    int high = ephemeralLow() - count;
    for (int attempt = 0; attempt < 100; attempt++) {
      int base = LOWEST + ThreadLocalRandom.current().nextInt(high - LOWEST);
      if (allFree(base, count) && handOut(base, count)) {
        return base;
      }
    }
    throw new IllegalStateException("found no " + count + " free consecutive ports below " + ephemeralLow());
  }

  private static synchronized boolean handOut(int base, int count) {
    for (int port = base; port < base + count; port++) {
      if (HANDED_OUT.contains(port)) {
        return false;
      }
    }
    for (int port = base; port < base + count; port++) {
      HANDED_OUT.add(port);
    }
    return true;
  }

  private static boolean allFree(int base, int count) {
    for (int port = base; port < base + count; port++) {
      try (ServerSocket socket = new ServerSocket()) {
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      } catch (IOException taken) {
        return false;
      }
    }
    return true;
  }

  private static int ephemeralLow() {
    try {
      int low = Integer.parseInt(Files.readString(EPHEMERAL_RANGE).trim().split("\\s+")[0]);
      // A range reaching down near LOWEST leaves no room below it: then only the check that a port is free helps.
      return low > LOWEST + 1_000 ? Math.min(low, LINUX_DEFAULT_EPHEMERAL_LOW) : LINUX_DEFAULT_EPHEMERAL_LOW;
    } catch (IOException | RuntimeException unreadable) {
      return LINUX_DEFAULT_EPHEMERAL_LOW;
    }
  }
}
