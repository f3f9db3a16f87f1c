package io.parley.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Accounts and rooms through Parley's REST API: {@code POST /api/users} then {@code /api/login} for each user
 * (in parallel, since password hashing is deliberately slow), {@code POST /api/rooms}, {@code /join} and
 * {@code /api/dms}. Tokens are kept in the accounts and reused by every socket of the run.
 */
public final class ParleyProvisioner implements Provisioner {

  private static final String PASSWORD = "bench password for load runs";
  private static final int CONCURRENCY = 16;

  private final WebClient http;
  private final String tag = UUID.randomUUID().toString().substring(0, 6);
  private final AtomicInteger created = new AtomicInteger();
  private volatile boolean directRoutes = true;

  public ParleyProvisioner(Vertx vertx, String host, int port) {
    this.http = WebClient.create(vertx, new WebClientOptions().setDefaultHost(host).setDefaultPort(port),
        new PoolOptions().setHttp1MaxSize(CONCURRENCY));
  }

  public WebClient http() {
    return http;
  }

  @Override
  public Future<List<Account>> accounts(int count) {
    int first = created.getAndAdd(count);
    return Parallel.run(count, CONCURRENCY, i -> account("b" + tag + "u" + (first + i)));
  }

  private Future<Account> account(String username) {
    JsonObject credentials = new JsonObject().put("username", username).put("password", PASSWORD);
    return post("/api/users", null, credentials, 201)
        .compose(created -> post("/api/login", null, credentials, 200))
        .map(login -> new Account(login.getJsonObject("user").getString("id"), username,
            login.getString("accessToken")));
  }

  @Override
  public Future<String> createRoom(Account owner, String name, int capacity) {
    return post("/api/rooms", owner, new JsonObject().put("name", name + "-" + tag).put("capacity", capacity), 201)
        .map(room -> room.getString("id"));
  }

  @Override
  public Future<Void> join(Account account, String roomId) {
    return post("/api/rooms/" + roomId + "/join", account, new JsonObject(), 200).mapEmpty();
  }

  /**
   * {@code POST /api/dms}; where the server has no such route yet (404 on the route itself), a two-member room
   * of capacity 2 stands in for it: the same journal, persistence and fan-out path for each message.
   */
  @Override
  public Future<String> directRoom(Account from, Account to) {
    if (!directRoutes) {
      return pairRoom(from, to);
    }
    return post("/api/dms", from, new JsonObject().put("userId", to.userId()), -1)
        .map(room -> room.getString("id"))
        .recover(failure -> {
          if (!String.valueOf(failure.getMessage()).contains("No such endpoint")) {
            return Future.failedFuture(failure);
          }
          if (directRoutes) {
            directRoutes = false;
            System.out.println("# this Parley has no POST /api/dms: two-member rooms of capacity 2 stand in");
          }
          return pairRoom(from, to);
        });
  }

  private Future<String> pairRoom(Account from, Account to) {
    return createRoom(from, "pair-" + from.username(), 2).compose(roomId -> join(to, roomId).map(roomId));
  }

  @Override
  public boolean joinsOverSocket() {
    return false;
  }

  /** A JSON POST that must answer {@code status} (any 2xx when -1). */
  private Future<JsonObject> post(String path, Account as, JsonObject body, int status) {
    var request = http.post(path);
    if (as != null) {
      request.putHeader("Authorization", "Bearer " + as.token());
    }
    return request.sendJsonObject(body).compose(response -> expect(response, path, status));
  }

  static Future<JsonObject> expect(HttpResponse<Buffer> response, String path, int status) {
    boolean ok = status < 0 ? response.statusCode() / 100 == 2 : response.statusCode() == status;
    if (!ok) {
      return Future.failedFuture(path + " answered " + response.statusCode() + ": " + response.bodyAsString());
    }
    return Future.succeededFuture(response.body() == null || response.body().length() == 0
        ? new JsonObject() : response.bodyAsJsonObject());
  }
}
