package io.parley.chat;

import io.parley.platform.CommonConfig;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Stream;

/** chat-service's configuration keys, with their defaults in conf/chat-service.json. */
public record ChatConfig(int defaultCapacity, long fileMaxBytes, int fileChunkBytes,
    long fileLinkTtlSeconds, long abandonedUploadMinutes, int recentRooms, String generalRoom,
    long webhookIntervalMs, int webhookBurst, long writeLingerMs, long writeQueueLimitMs) {

  /** Capacity of a room created without one. */
  public static final String DEFAULT_ROOM_CAPACITY = "PARLEY_DEFAULT_ROOM_CAPACITY";
  /** Largest file an upload may store; beyond it the upload is refused with too_large and nothing is kept. */
  public static final String FILE_MAX_BYTES = "PARLEY_FILE_MAX_BYTES";
  /** Bytes per stored chunk and per event-bus message of an upload or download. */
  public static final String FILE_CHUNK_BYTES = "PARLEY_FILE_CHUNK_BYTES";
  /** How long a signed file link (for images shown inline) stays valid. */
  public static final String FILE_LINK_TTL_SECONDS = "PARLEY_FILE_LINK_TTL_SECONDS";
  /** An upload not finished after this long is taken as abandoned (its gateway died) and removed. */
  public static final String ABANDONED_UPLOAD_MINUTES = "PARLEY_ABANDONED_UPLOAD_MINUTES";
  /** How many rooms keep their latest messages in memory, least recently used first out. */
  public static final String RECENT_ROOMS = "PARLEY_RECENT_ROOMS";
  /** The name of the public room made on first start, which every user joins; empty for none. */
  public static final String GENERAL_ROOM = "PARLEY_GENERAL_ROOM";
  /** An incoming webhook posts one message per this many milliseconds, sustained. */
  public static final String WEBHOOK_INTERVAL_MS = "PARLEY_WEBHOOK_INTERVAL_MS";
  /** Messages an incoming webhook may post at once after a quiet spell. */
  public static final String WEBHOOK_BURST = "PARLEY_WEBHOOK_BURST";
  /**
   * How long the first change of a batch may wait for others when changes come faster than one per this many
   * ms (0: never); each batch costs the store about the same round trips whatever its size.
   */
  public static final String WRITE_LINGER_MS = "PARLEY_WRITE_LINGER_MS";
  /**
   * While the oldest change (a message, an edit) this instance is storing has waited longer than this many ms,
   * new messages are refused at once (unavailable, retry after 1 s) instead of joining a queue their senders would
   * give up on (0: never).
   */
  public static final String WRITE_QUEUE_LIMIT_MS = "PARLEY_WRITE_QUEUE_LIMIT_MS";
  /** Every key chat-service reads (the compose test checks docker-compose.yml against it). */
  public static final List<String> KEYS = Stream.concat(
      Stream.of(DEFAULT_ROOM_CAPACITY, FILE_MAX_BYTES, FILE_CHUNK_BYTES, FILE_LINK_TTL_SECONDS,
          ABANDONED_UPLOAD_MINUTES, RECENT_ROOMS, GENERAL_ROOM, WEBHOOK_INTERVAL_MS, WEBHOOK_BURST,
          WRITE_LINGER_MS, WRITE_QUEUE_LIMIT_MS),
      CommonConfig.STORE_KEYS.stream()).toList();

  public static ChatConfig from(JsonObject config) {
    return new ChatConfig(
        config.getInteger(DEFAULT_ROOM_CAPACITY, 1000),
        config.getLong(FILE_MAX_BYTES, 10L * 1024 * 1024),
        config.getInteger(FILE_CHUNK_BYTES, 256 * 1024),
        config.getLong(FILE_LINK_TTL_SECONDS, 300L),
        config.getLong(ABANDONED_UPLOAD_MINUTES, 60L),
        config.getInteger(RECENT_ROOMS, 500),
        config.getString(GENERAL_ROOM, "general").strip(),
        Math.max(1, config.getLong(WEBHOOK_INTERVAL_MS, 1000L)),
        Math.max(1, config.getInteger(WEBHOOK_BURST, 5)),
        config.getLong(WRITE_LINGER_MS, 10L),
        Math.max(0, config.getLong(WRITE_QUEUE_LIMIT_MS, 1000L)));
  }
}
