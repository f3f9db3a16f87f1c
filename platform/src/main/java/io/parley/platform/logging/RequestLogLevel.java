package io.parley.platform.logging;

import ch.qos.logback.core.PropertyDefinerBase;

/**
 * The level of the contract's request log ({@code parley.requests}: a line per REST call, socket frame and answered
 * bus request, each with its request id) for logback.xml: INFO when PARLEY_LOG_REQUESTS is {@code true}, else off.
 * Read from the environment, as logging starts before any configuration is loaded.
 */
public final class RequestLogLevel extends PropertyDefinerBase {

  public static final String KEY = "PARLEY_LOG_REQUESTS";

  @Override
  public String getPropertyValue() {
    return "true".equalsIgnoreCase(String.valueOf(System.getenv(KEY)).trim()) ? "INFO" : "OFF";
  }
}
