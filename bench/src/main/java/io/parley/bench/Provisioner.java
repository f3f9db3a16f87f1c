package io.parley.bench;

import io.vertx.core.Future;
import java.util.List;

/** Makes the accounts and rooms a workload needs on the server under test. */
public interface Provisioner {

  /** {@code count} accounts, each with a token its sockets can authenticate with. */
  Future<List<Account>> accounts(int count);

  /** A room created by {@code owner}, who is its first member; answers its id. */
  Future<String> createRoom(Account owner, String name, int capacity);

  /** Makes {@code account} a member of the room before its socket connects. */
  Future<Void> join(Account account, String roomId);

  /** The direct room of two accounts. */
  Future<String> directRoom(Account from, Account to);

  /** True when membership is taken over the socket ({@code join_room}) once connected, not beforehand. */
  boolean joinsOverSocket();
}
