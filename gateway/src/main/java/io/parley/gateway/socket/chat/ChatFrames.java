package io.parley.gateway.socket.chat;

import io.parley.contract.chat.ChatClient;
import io.parley.contract.chat.MessageEdit;
import io.parley.contract.chat.MessageRef;
import io.parley.contract.chat.NewMessage;
import io.parley.contract.chat.ReactionChange;
import io.parley.contract.chat.ReadUpTo;
import io.parley.contract.chat.RoomRef;
import io.parley.contract.chat.ThreadReadUpTo;
import io.parley.contract.frame.Ack;
import io.parley.contract.frame.FrameTypes;
import io.parley.gateway.socket.ClientConnection;
import io.parley.gateway.socket.FrameHandler;
import io.vertx.core.Future;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Frames chat-service answers: sending messages and the changes to rooms and timelines. Each frame is read with
 * its request record's {@code parse} and answered with an {@link Ack} carrying the frame's {@code ref}, or an
 * {@code error} with it.
 */
public final class ChatFrames {

  /** User events that are client frames as they stand, passed on to the user's sockets. */
  private static final Set<String> USER_FRAMES = Set.of(FrameTypes.MESSAGE, FrameTypes.DELIVERED,
      FrameTypes.RECEIPT, FrameTypes.MEMBERSHIP, FrameTypes.ROOM_UPDATED);

  private ChatFrames() {
  }

  public static void register(Map<String, FrameHandler> handlers, ChatClient chat) {
    handlers.put(FrameTypes.SEND, (connection, frame, ref) -> {
      // A message to a room ends its sender's typing there, so a client spends no frame on typing_stop. At once,
      // not at the ack: a start sent after the message, while it is being stored, must not be ended by it.
      if (frame.getValue("roomId") instanceof String roomId && frame.getValue("threadId") == null) {
        connection.typing().stop(roomId);
      }
      forward(connection, ref, () -> chat.send(connection.actor(), NewMessage.parse(frame)),
          posted -> Ack.sent(posted.message()));
    });
    handlers.put(FrameTypes.JOIN_ROOM, (connection, frame, ref) -> forward(connection, ref,
        () -> chat.join(connection.actor(), RoomRef.parse(frame)), Ack::joined));
    handlers.put(FrameTypes.LEAVE_ROOM, (connection, frame, ref) -> forward(connection, ref, () -> {
      RoomRef room = RoomRef.parse(frame);
      return chat.leave(connection.actor(), room).map(room);
    }, room -> Ack.left(room.roomId())));
    handlers.put(FrameTypes.EDIT, (connection, frame, ref) -> forward(connection, ref,
        () -> chat.edit(connection.actor(), MessageEdit.parse(frame)), Ack::changed));
    handlers.put(FrameTypes.DELETE, (connection, frame, ref) -> forward(connection, ref,
        () -> chat.delete(connection.actor(), MessageRef.parse(frame)), Ack::changed));
    handlers.put(FrameTypes.REACT, (connection, frame, ref) -> forward(connection, ref,
        () -> chat.react(connection.actor(), ReactionChange.parse(frame)),
        reacted -> Ack.changed(reacted.message())));
    handlers.put(FrameTypes.READ, (connection, frame, ref) -> forward(connection, ref,
        () -> chat.read(connection.actor(), ReadUpTo.parse(frame)),
        Ack::read));
    handlers.put(FrameTypes.READ_THREAD, (connection, frame, ref) -> forward(connection, ref,
        () -> chat.readThread(connection.actor(), ThreadReadUpTo.parse(frame)), Ack::readThread));
  }

  /** Whether a user event is a client frame to pass on to the user's sockets. */
  public static boolean isUserFrame(String type) {
    return USER_FRAMES.contains(type);
  }

  /**
   * Asks chat-service and answers the frame with an {@code ack} made from the answer, or an {@code error}. A
   * connection's chat frames are handled in the order it sent them, so its timeline changes are too, and so are
   * the answers to frames the contract refuses: each is read when its turn comes.
   */
  private static <T> void forward(ClientConnection connection, Object ref, Supplier<Future<T>> request,
      Function<T, Ack> ack) {
    connection.inOrder(request)
        .onSuccess(answer -> connection.reply(ref, ack.apply(answer)))
        .onFailure(failure -> connection.fail(ref, failure));
  }
}
