package io.parley.contract;

/** Numbers the contract fixes for every client. */
public final class Limits {

  private Limits() {
  }

  public static final int TEXT_MAX_CHARS = 4000;
  public static final int HISTORY_DEFAULT = 50;
  public static final int HISTORY_MAX = 100;
  public static final int FRAME_MAX_BYTES = 64 * 1024;
  public static final int JSON_BODY_MAX_BYTES = 64 * 1024;
  public static final long AUTH_FRAME_TIMEOUT_MS = 10_000;
  public static final int CLIENT_MSG_ID_MAX_CHARS = 128;
  public static final int ROOM_NAME_MAX_CHARS = 64;
  public static final int ROOM_DESCRIPTION_MAX_CHARS = 500;
  public static final int ROOM_CAPACITY_MAX = 100_000;
  public static final int ROOM_TOPIC_MAX_CHARS = 250;
  /** {@code @room} mentions every member only in rooms of at most this many members; elsewhere it is plain text. */
  public static final int ROOM_MENTION_MAX_MEMBERS = 100;
  /** Pinned messages a room holds at most. */
  public static final int PINS_PER_ROOM_MAX = 100;
  public static final int DISPLAY_NAME_MAX_CHARS = 64;
  public static final int PASSWORD_MAX_CHARS = 256;
  /** A reaction: one emoji (sequences included) or a short code such as {@code :party:}. */
  public static final int EMOJI_MAX_CHARS = 32;
  public static final int FILE_NAME_MAX_CHARS = 255;
  public static final int STATUS_TEXT_MAX_CHARS = 100;
  /** An avatar upload, before it is decoded and scaled. */
  public static final int AVATAR_UPLOAD_MAX_BYTES = 2 * 1024 * 1024;
  /** Incoming webhooks one room holds at most. */
  public static final int WEBHOOKS_PER_ROOM_MAX = 20;
  /** Avatars are stored scaled to fit a square of this side, in pixels. */
  public static final int AVATAR_MAX_SIDE = 256;
}
