package io.parley.gateway.socket.resume;

import io.parley.contract.chat.ChatClient;
import io.parley.contract.chat.SyncQuery;
import io.parley.contract.chat.SyncedRoom;
import io.parley.contract.frame.FrameTypes;
import io.parley.contract.frame.MessageFrame;
import io.parley.contract.frame.Synced;
import io.parley.contract.model.Message;
import io.parley.gateway.socket.ClientConnection;
import io.parley.gateway.socket.FrameHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sync}: a client names the last version it saw of each room; chat-service answers every message created
 * or changed since, in its current state, and this sends each as a {@code message} frame (marked
 * {@code "sync":true}), oldest change first, then {@code synced} with the version each room is now at.
 */
public final class SyncFrames {

  private SyncFrames() {
  }

  public static void register(Map<String, FrameHandler> handlers, ChatClient chat) {
    handlers.put(FrameTypes.SYNC, (connection, frame, ref) -> chat.sync(connection.actor(), SyncQuery.parse(frame))
        .onSuccess(rooms -> resend(connection, ref, rooms))
        .onFailure(failure -> connection.fail(ref, failure)));
  }

  private static void resend(ClientConnection connection, Object ref, List<SyncedRoom> rooms) {
    Map<String, Synced.Point> reached = new LinkedHashMap<>();
    for (SyncedRoom room : rooms) {
      for (Message message : room.messages()) {
        connection.send(MessageFrame.resent(message));
      }
      reached.put(room.roomId(), new Synced.Point(room.version(), room.complete()));
    }
    connection.reply(ref, new Synced(reached));
  }
}
