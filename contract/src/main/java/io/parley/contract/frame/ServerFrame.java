package io.parley.contract.frame;

import io.vertx.core.json.JsonObject;

/**
 * A frame the server sends a client, each a JSON object with {@code type} (docs/PROTOCOL.md, "Server frames").
 * Room and user events travel on the event bus as these same frames, so a gateway encodes each once and writes it
 * to every local member's socket as it is.
 */
public sealed interface ServerFrame permits Ready, Ack, AuthRenewed, MessageFrame, MessageUpdated, MessageDeleted,
    ReactionFrame, Typing, Presence, MemberJoined, MemberLeft, Membership, Delivered, Receipt, Synced, Pong,
    ErrorFrame, UserUpdated, RoomUpdated {

  String type();

  /** The frame's fields, without {@code type}. */
  JsonObject fields();

  default JsonObject toJson() {
    return new JsonObject().put(FrameTypes.FIELD, type()).mergeIn(fields());
  }

  /** The frame as the answer to a client frame: with that frame's {@code ref}, when it had one. */
  default JsonObject answering(Object ref) {
    JsonObject json = toJson();
    return ref == null ? json : json.put("ref", ref);
  }
}
