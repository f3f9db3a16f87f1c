package io.parley.contract;

/** WebSocket close codes of the contract. */
public final class CloseCodes {

  private CloseCodes() {
  }

  public static final short UNAUTHENTICATED = 4401;
  public static final short BANNED = 4403;
  public static final short AUTH_TIMEOUT = 4408;
  public static final short TOO_FAST_OR_TOO_SLOW = 4429;
  public static final short GOING_AWAY = 1001;
}
