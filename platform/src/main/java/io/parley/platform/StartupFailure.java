package io.parley.platform;

import java.net.BindException;

/** One readable line for why something could not start, instead of a stack trace. */
public final class StartupFailure {

  private StartupFailure() {
  }

  public static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      if (root instanceof BindException) {
        break;
      }
      root = root.getCause();
    }
    if (root instanceof BindException) {
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
}
