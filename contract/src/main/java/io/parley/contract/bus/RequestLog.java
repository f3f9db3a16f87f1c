package io.parley.contract.bus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one logger of the lines that trace a call through the processes it crosses: each REST call and socket frame
 * a gateway takes, and each request a service answers. Every process names it alike, so an operator turns it on
 * everywhere at once (platform's logging configuration: PARLEY_LOG_REQUESTS); off, it costs a level check.
 */
public final class RequestLog {

  public static final String NAME = "parley.requests";
  public static final Logger LOG = LoggerFactory.getLogger(NAME);

  private RequestLog() {
  }
}
