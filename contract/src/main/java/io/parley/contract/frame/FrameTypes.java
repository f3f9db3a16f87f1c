package io.parley.contract.frame;

import io.vertx.core.json.JsonObject;
import java.util.List;

/** The {@code type} of every frame, client and server, in one place. */
public final class FrameTypes {

  private FrameTypes() {
  }

  /** The field every frame names its type in. */
  public static final String FIELD = "type";

  /** The type of a frame as it travels; null when it has none. */
  public static String of(JsonObject frame) {
    return frame.getValue(FIELD) instanceof String type ? type : null;
  }

  // client to server
  public static final String AUTH = "auth";
  public static final String SEND = "message";
  public static final String JOIN_ROOM = "join_room";
  public static final String LEAVE_ROOM = "leave_room";
  public static final String TYPING_START = "typing_start";
  public static final String TYPING_STOP = "typing_stop";
  public static final String REACT = "reaction";
  public static final String EDIT = "edit";
  public static final String DELETE = "delete";
  public static final String READ = "read";
  public static final String READ_THREAD = "read_thread";
  public static final String SYNC = "sync";
  public static final String PING = "ping";

  // server to client
  public static final String READY = "ready";
  public static final String ACK = "ack";
  public static final String AUTH_RENEWED = "auth_renewed";
  public static final String MESSAGE = "message";
  public static final String MESSAGE_UPDATED = "message_updated";
  public static final String MESSAGE_DELETED = "message_deleted";
  public static final String REACTION = "reaction";
  public static final String TYPING = "typing";
  public static final String PRESENCE = "presence";
  public static final String USER_UPDATED = "user_updated";
  public static final String MEMBER_JOINED = "member_joined";
  public static final String MEMBER_LEFT = "member_left";
  public static final String MEMBERSHIP = "membership";
  public static final String ROOM_UPDATED = "room_updated";
  public static final String DELIVERED = "delivered";
  public static final String RECEIPT = "receipt";
  public static final String SYNCED = "synced";
  public static final String PONG = "pong";
  public static final String ERROR = "error";

  /** Every type a server frame may have, for meters made before the first frame of each is sent. */
  public static final List<String> SERVER = List.of(READY, ACK, AUTH_RENEWED, MESSAGE, MESSAGE_UPDATED,
      MESSAGE_DELETED, REACTION, TYPING, PRESENCE, USER_UPDATED, MEMBER_JOINED, MEMBER_LEFT, MEMBERSHIP,
      ROOM_UPDATED, DELIVERED, RECEIPT, SYNCED, PONG, ERROR);
}
