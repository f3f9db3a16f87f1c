package io.parley.bench;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The ceiling checks nothing: a token is the user id, a room exists once a socket joins it. */
public final class CeilingProvisioner implements Provisioner {

  private final AtomicInteger users = new AtomicInteger();
  private final AtomicInteger rooms = new AtomicInteger();

  @Override
  public Future<List<Account>> accounts(int count) {
    List<Account> accounts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String id = "u" + users.incrementAndGet();
      accounts.add(new Account(id, id, id));
    }
    return Future.succeededFuture(accounts);
  }

  @Override
  public Future<String> createRoom(Account owner, String name, int capacity) {
    return Future.succeededFuture("room" + rooms.incrementAndGet());
  }

  @Override
  public Future<Void> join(Account account, String roomId) {
    return Future.succeededFuture();
  }

  @Override
  public Future<String> directRoom(Account from, Account to) {
    return Future.succeededFuture("dm-" + from.userId() + "-" + to.userId());
  }

  @Override
  public boolean joinsOverSocket() {
    return true;
  }
}
