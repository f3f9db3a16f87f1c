package io.parley.gateway.socket.resume;

import io.parley.contract.Addresses;
import io.parley.gateway.socket.ClientConnection;
import io.parley.gateway.socket.FrameHandler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * {@code sync}: a client names the last version it saw of each room; chat-service answers every message created
 * or changed since, in its current state, and this sends each as a {@code message} frame (marked
 * {@code "sync":true}), oldest change first, then {@code synced} with the version each room is now at.
 */
public final class SyncFrames {

  private SyncFrames() {
  }

  public static void register(Map<String, FrameHandler> handlers) {
    handlers.put("sync", SyncFrames::sync);
  }

  private static void sync(ClientConnection connection, JsonObject frame, Object ref) {
    connection.request(Addresses.CHAT_SYNC, new JsonObject().put("rooms", frame.getValue("rooms")))
        .onSuccess(reply -> {
          JsonObject reached = new JsonObject();
          for (Object entry : reply.getJsonArray("rooms", new JsonArray())) {
            JsonObject room = (JsonObject) entry;
            String roomId = room.getString("roomId");
            for (Object message : room.getJsonArray("messages", new JsonArray())) {
              JsonObject current = (JsonObject) message;
              connection.send(new JsonObject()
                  .put("type", "message")
                  .put("roomId", roomId)
                  .put("version", current.getLong("version"))
                  .put("sync", true)
                  .put("message", current));
            }
            reached.put(roomId, new JsonObject()
                .put("version", room.getLong("version"))
                .put("complete", room.getBoolean("complete")));
          }
          connection.reply(ref, new JsonObject().put("type", "synced").put("rooms", reached));
        })
        .onFailure(failure -> connection.fail(ref, failure));
  }
}
