package io.parley.platform;

import java.io.IOException;
import java.net.BindException;

/** One readable line for why something could not start, instead of a stack trace. */
public final class StartupFailure {

  private StartupFailure() {
  }

  public static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      if (isAddressInUse(root)) {
        break;
      }
      root = root.getCause();
    }
    if (isAddressInUse(root)) {
      return "address already in use";
    }
    String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    if (failure instanceof IllegalStateException) {
      return message;
    }
    if (root != failure && root.getMessage() != null && !message.contains(root.getMessage())) {
      message = message + ": " + root.getMessage();
    }
    return message;
  }

  /**
   * NIO reports a port in use as a {@link BindException}; epoll as Netty's own {@code IOException}, whose message
   * ends with the system's text for it ("bind(..) failed with error(-98): Address already in use").
   */
  private static boolean isAddressInUse(Throwable failure) {
    return failure instanceof BindException || failure instanceof IOException && failure.getMessage() != null
        && failure.getMessage().endsWith("Address already in use");
  }
}
