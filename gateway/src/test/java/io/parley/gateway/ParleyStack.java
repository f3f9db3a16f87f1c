package io.parley.gateway;

import io.parley.auth.AuthVerticle;
import io.parley.auth.token.SigningKeys;
import io.parley.chat.ChatConfig;
import io.parley.chat.ChatVerticle;
import io.parley.contract.Addresses;
import io.parley.platform.CommonConfig;
import io.parley.platform.EmbeddedStore;
import io.parley.platform.MongoStore;
import io.parley.platform.TestStores;
import io.parley.platform.management.HealthProbe;
import io.parley.platform.management.ManagementConfig;
import io.parley.platform.management.ManagementServer;
import io.parley.presence.PresenceVerticle;
import io.parley.search.SearchConfig;
import io.parley.search.SearchVerticle;
import io.parley.testing.Await;
import io.parley.testing.RestClient;
import io.parley.testing.SocketClient;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The whole of Parley for a test: the embedded store in a fresh folder, and the real auth, chat, presence, search
 * and gateway verticles on one Vert.x, the gateway on a free port. Nothing is mocked.
 */
public final class ParleyStack implements AutoCloseable {

  private static final AtomicInteger USERS = new AtomicInteger();
  private static final AtomicInteger ROOMS = new AtomicInteger();

  private final Vertx vertx;
  private final EmbeddedStore store;
  private final GatewayVerticle gateway;
  private final JsonObject config;
  private final RestClient rest;
  private final String chatDeployment;
  private final String gatewayDeployment;
  private String searchDeployment;
  private JsonObject searchConfig;
  private RestClient management;

  private ParleyStack(Vertx vertx, EmbeddedStore store, GatewayVerticle gateway, JsonObject config,
      String chatDeployment, String searchDeployment, String gatewayDeployment) {
    this.vertx = vertx;
    this.store = store;
    this.gateway = gateway;
    this.config = config;
    this.chatDeployment = chatDeployment;
    this.searchDeployment = searchDeployment;
    this.searchConfig = config;
    this.gatewayDeployment = gatewayDeployment;
    this.rest = new RestClient(vertx, gateway.actualPort());
  }

  public static ParleyStack start(Vertx vertx) {
    return start(vertx, new JsonObject());
  }

  public static ParleyStack start(Vertx vertx, JsonObject extraConfig) {
    return start(vertx, extraConfig, 1);
  }

  /**
   * With {@code chatInstances} chat-service verticles on the one Vert.x, as several chat-service processes
   * sharing a store would be: requests are spread over them. A MONGO_URI in extraConfig replaces the
   * embedded store.
   */
  public static ParleyStack start(Vertx vertx, JsonObject extraConfig, int chatInstances) {
    EmbeddedStore store = extraConfig.containsKey(CommonConfig.MONGO_URI) ? null : TestStores.embedded();
    JsonObject config = new JsonObject()
        .put(CommonConfig.DATA_DIR, TestStores.freshDataDir().toString())
        .put(GatewayConfig.HTTP_HOST, "127.0.0.1")
        .put(GatewayConfig.HTTP_PORT, 0)
        // Tests that count rooms expect none they did not make: #general is asked for where it is tested.
        .put(ChatConfig.GENERAL_ROOM, "");
    if (store != null) {
      config.put(CommonConfig.MONGO_URI, store.connectionString());
    }
    config.mergeIn(extraConfig);
    DeploymentOptions options = new DeploymentOptions().setConfig(config);
    GatewayVerticle gateway = new GatewayVerticle();
    Future<String> chat = vertx.deployVerticle(ChatVerticle::new, new DeploymentOptions(options)
        .setInstances(chatInstances));
    Future<String> search = vertx.deployVerticle(new SearchVerticle(), options);
    Await.result(Future.all(
        vertx.deployVerticle(new AuthVerticle(), options),
        chat,
        vertx.deployVerticle(new PresenceVerticle(), options),
        search));
    String gatewayDeployment = Await.result(vertx.deployVerticle(gateway, options));
    return new ParleyStack(vertx, store, gateway, config, chat.result(), search.result(), gatewayDeployment);
  }

  public Vertx vertx() {
    return vertx;
  }

  public int port() {
    return gateway.actualPort();
  }

  public RestClient rest() {
    return rest;
  }

  /** The management port (/metrics, /health), as a service process serves it, started on first use. */
  public RestClient management() {
    if (management == null) {
      int port = Await.result(ManagementServer.start(vertx, new JsonObject().put(ManagementConfig.MANAGEMENT_PORT, 0),
          HealthProbe.inThisProcess(Addresses.AUTH_HEALTH, Addresses.CHAT_HEALTH, Addresses.PRESENCE_HEALTH)))
          .actualPort();
      management = new RestClient(vertx, port);
    }
    return management;
  }

  public JsonObject config() {
    return config;
  }

  public String gatewayDeployment() {
    return gatewayDeployment;
  }

  /** Starts one more gateway on the same event bus, as another process of the cluster would be; answers its port. */
  public int startAnotherGateway() {
    GatewayVerticle another = new GatewayVerticle();
    Await.result(vertx.deployVerticle(another, new DeploymentOptions().setConfig(config)));
    return another.actualPort();
  }

  /** Starts one more auth-service on the same event bus and store; requests then alternate between the two. */
  public void startAnotherAuthService() {
    Await.result(vertx.deployVerticle(new AuthVerticle(), new DeploymentOptions().setConfig(config)));
  }

  /** A client of the stack's store, to look at what the services wrote. */
  public MongoClient store() {
    return MongoStore.client(vertx, config, "parley-test-inspection");
  }

  /** The keys access tokens are signed with: auth-service generated them into the data folder. */
  public SigningKeys signingKeys() {
    try {
      return SigningKeys.load("", CommonConfig.dataDir(config));
    } catch (Exception e) {
      throw new AssertionError("cannot read the signing key", e);
    }
  }

  /** Creates a room as this user: {@code type} public or private. Answers its id. */
  public String createRoom(JsonObject session, String type) {
    RestClient.Reply created = rest.post("/api/rooms", token(session), new JsonObject()
        .put("name", type + "-room-" + ROOMS.incrementAndGet()).put("type", type));
    if (created.status() != 201) {
      throw new AssertionError("room creation failed: " + created.status() + " " + created.raw().bodyAsString());
    }
    return created.json().getString("id");
  }

  /** Sends a message over REST, which must be stored; answers it. */
  public JsonObject send(JsonObject session, String roomId, String text) {
    RestClient.Reply sent = rest.post("/api/messages", token(session),
        new JsonObject().put("roomId", roomId).put("text", text));
    if (sent.status() != 201) {
      throw new AssertionError("send failed: " + sent.status() + " " + sent.raw().bodyAsString());
    }
    return sent.json();
  }

  /** Stops chat-service, as when its process dies. */
  public void stopChatService() {
    Await.result(vertx.undeploy(chatDeployment));
  }

  /** Stops search-service, as when its process dies. */
  public void stopSearchService() {
    Await.result(vertx.undeploy(searchDeployment));
  }

  /** Starts search-service again, on its index folder as it was left, or on a new empty one. */
  public void startSearchService(boolean freshIndex) {
    if (freshIndex) {
      searchConfig = config.copy().put(SearchConfig.DATA_DIR, TestStores.freshDataDir().toString());
    }
    searchDeployment = Await.result(vertx.deployVerticle(new SearchVerticle(),
        new DeploymentOptions().setConfig(searchConfig)));
  }

  /** A signed-up and logged-in user: {@code {user, accessToken, refreshToken, password}}. */
  public JsonObject newUser(String prefix) {
    String username = prefix + USERS.incrementAndGet();
    String password = "Tr1cky-Pass-" + USERS.get() + "-zq";
    RestClient.Reply created = rest.post("/api/users", new JsonObject()
        .put("username", username).put("password", password));
    if (created.status() != 201) {
      throw new AssertionError("sign-up failed: " + created.status() + " " + created.raw().bodyAsString());
    }
    JsonObject login = login(username, password);
    return login.put("password", password);
  }

  public JsonObject login(String username, String password) {
    RestClient.Reply reply = rest.post("/api/login", new JsonObject()
        .put("username", username).put("password", password));
    if (reply.status() != 200) {
      throw new AssertionError("login failed: " + reply.status() + " " + reply.raw().bodyAsString());
    }
    return reply.json();
  }

  /** A new public room made by owner, with every other given user joined: answers its id. */
  public String sharedRoom(JsonObject owner, JsonObject... others) {
    String roomId = createRoom(owner, "public");
    for (JsonObject other : others) {
      RestClient.Reply joined = rest.post("/api/rooms/" + roomId + "/join", token(other), null);
      if (joined.status() != 200) {
        throw new AssertionError("join failed: " + joined.raw().bodyAsString());
      }
    }
    return roomId;
  }

  public SocketClient socket(JsonObject session) {
    return SocketClient.authenticated(vertx, port(), session.getString("accessToken"));
  }

  public static String token(JsonObject session) {
    return session.getString("accessToken");
  }

  public static String userId(JsonObject session) {
    return session.getJsonObject("user").getString("id");
  }

  /** Undeploys every service before the store goes, so nothing talks to a store that is gone. */
  @Override
  public void close() {
    rest.close();
    if (management != null) {
      management.close();
    }
    for (String deployment : java.util.List.copyOf(vertx.deploymentIDs())) {
      vertx.undeploy(deployment).toCompletionStage().toCompletableFuture().handle((ok, failure) -> null).join();
    }
    if (store != null) {
      store.close();
    }
  }
}
