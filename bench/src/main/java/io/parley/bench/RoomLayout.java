package io.parley.bench;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Rooms x members, each member a distinct account with one socket: accounts made, rooms created and joined,
 * sockets opened and authenticated, and each socket told its room and member position.
 */
public final class RoomLayout {

  private static final long SETUP_TIMEOUT_MS = 30 * 60_000L;

  /** One room and its member sockets; a member at position p is {@code members.get(p)}. */
  public record Room(String roomId, List<BenchSocket> members) {
    int readers() {
      return (int) members.stream().filter(member -> !member.isSlow()).count();
    }
  }

  private final List<Room> rooms;

  private RoomLayout(List<Room> rooms) {
    this.rooms = rooms;
  }

  /** Sockets open {@code --connect-concurrency} (200) at a time: each one's {@code ready} costs the server. */
  public static RoomLayout build(BenchTarget target, SocketFleet fleet, int roomCount, int members,
      BenchOptions options) {
    int connectConcurrency = options.integer("connect-concurrency", 200);
    Provisioner provisioner = target.provisioner();
    List<Account> accounts = Await.result(provisioner.accounts(roomCount * members), SETUP_TIMEOUT_MS);
    List<String> roomIds = Await.result(Parallel.run(roomCount, 16, r -> provisioner.createRoom(
        accounts.get(r * members), "room" + r, Math.max(2, members))), SETUP_TIMEOUT_MS);
    Await.result(Parallel.run(roomCount * members, 32, i -> i % members == 0
        ? Future.succeededFuture()
        : provisioner.join(accounts.get(i), roomIds.get(i / members))), SETUP_TIMEOUT_MS);
    List<BenchSocket> sockets = Await.result(fleet.openAll(accounts, connectConcurrency), SETUP_TIMEOUT_MS);
    if (provisioner.joinsOverSocket()) {
      Await.result(Parallel.run(sockets.size(), 200, i -> sockets.get(i).request(new JsonObject()
          .put("type", "join_room").put("roomId", roomIds.get(i / members)))), SETUP_TIMEOUT_MS);
    }
    List<Room> rooms = new ArrayList<>();
    for (int r = 0; r < roomCount; r++) {
      List<BenchSocket> roomMembers = sockets.subList(r * members, (r + 1) * members);
      for (int p = 0; p < members; p++) {
        roomMembers.get(p).memberOf(roomIds.get(r), p);
      }
      rooms.add(new Room(roomIds.get(r), List.copyOf(roomMembers)));
    }
    return new RoomLayout(rooms);
  }

  public List<Room> rooms() {
    return rooms;
  }

  public List<BenchSocket> sockets() {
    List<BenchSocket> all = new ArrayList<>();
    rooms.forEach(room -> all.addAll(room.members()));
    return all;
  }

  /**
   * Who sends, interleaved so consecutive messages go to different rooms: every member of every room in turn,
   * slow readers excluded. Each message is owed to every member that reads normally, the sender included.
   */
  public List<OpenLoopSender.Sender> senders() {
    List<OpenLoopSender.Sender> senders = new ArrayList<>();
    int members = rooms.get(0).members().size();
    for (int p = 0; p < members; p++) {
      for (Room room : rooms) {
        BenchSocket socket = room.members().get(p);
        if (!socket.isSlow()) {
          senders.add(new OpenLoopSender.Sender(socket, room.roomId(), room.readers(), members));
        }
      }
    }
    return senders;
  }

  public int members() {
    return rooms.get(0).members().size();
  }
}
