package io.parley.platform;

import java.net.InetAddress;

/**
 * Which process this is, for logs and the management port: the service it runs (named by its launcher) and an
 * instance name, {@code host/pid}, that tells processes apart on one host and containers apart in a cluster.
 */
public final class ProcessIdentity {

  private static final String INSTANCE = hostName() + "/" + ProcessHandle.current().pid();
  private static volatile String service = "parley";

  private ProcessIdentity() {
  }

  public static void name(String serviceName) {
    service = serviceName;
  }

  public static String service() {
    return service;
  }

  public static String instance() {
    return INSTANCE;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return "localhost";
    }
  }
}
