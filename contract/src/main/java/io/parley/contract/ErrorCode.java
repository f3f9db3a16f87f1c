package io.parley.contract;

/** The contract's stable error words, each with the HTTP status and title it is answered with. */
public enum ErrorCode {
  INVALID_INPUT("invalid_input", 400, "Invalid input"),
  WEAK_PASSWORD("weak_password", 400, "Password too weak"),
  USERNAME_TAKEN("username_taken", 409, "Username taken"),
  BAD_CREDENTIALS("bad_credentials", 401, "Bad credentials"),
  UNAUTHENTICATED("unauthenticated", 401, "Not authenticated"),
  FORBIDDEN("forbidden", 403, "Forbidden"),
  NOT_FOUND("not_found", 404, "Not found"),
  ROOM_FULL("room_full", 409, "Room full"),
  NAME_TAKEN("name_taken", 409, "Name taken"),
  TOO_LARGE("too_large", 413, "Too large"),
  RATE_LIMITED("rate_limited", 429, "Too many requests"),
  BANNED("banned", 403, "Banned"),
  BAD_PASSWORD("bad_password", 401, "Wrong password"),
  TOTP_REQUIRED("totp_required", 401, "Two-factor code required"),
  BAD_TOTP("bad_totp", 401, "Wrong two-factor code"),
  OWNER_ONLY("owner_only", 403, "Room owners only"),
  /** Not in the contract's list because no client causes it: a service is down or failed. */
  UNAVAILABLE("unavailable", 503, "Service unavailable");

  private final String word;
  private final int status;
  private final String title;

  ErrorCode(String word, int status, String title) {
    this.word = word;
    this.status = status;
    this.title = title;
  }

  public String word() {
    return word;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public static ErrorCode fromWord(String word) {
    for (ErrorCode code : values()) {
      if (code.word.equals(word)) {
        return code;
      }
    }
    return UNAVAILABLE;
  }
}
