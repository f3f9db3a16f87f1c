package io.parley.gateway;

import io.parley.contract.CloseCodes;
import io.parley.contract.ErrorCode;
import io.parley.contract.Ids;
import io.parley.contract.Limits;
import io.parley.contract.auth.AuthClient;
import io.parley.contract.auth.PublicKey;
import io.parley.contract.bus.BusClient;
import io.parley.contract.chat.ChatClient;
import io.parley.contract.presence.PresenceClient;
import io.parley.contract.search.SearchClient;
import io.parley.gateway.http.AccessLog;
import io.parley.gateway.http.Authentication;
import io.parley.gateway.http.HealthCheck;
import io.parley.gateway.http.OpenApiDocument;
import io.parley.gateway.http.Problems;
import io.parley.gateway.http.RestApi;
import io.parley.gateway.http.SecurityHeaders;
import io.parley.gateway.http.WebApp;
import io.parley.gateway.session.AccessTokens;
import io.parley.gateway.session.EndedSessions;
import io.parley.gateway.session.PersonalTokenChecks;
import io.parley.gateway.session.SessionGuard;
import io.parley.gateway.socket.SocketServer;
import io.parley.gateway.socket.transport.OriginCheck;
import io.parley.platform.ParleyConfig;
import io.parley.platform.StartupFailure;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The gateway: the only HTTP door into Parley, for REST, the web app, {@code /ws} and {@code /sockjs}. */
public class GatewayVerticle extends VerticleBase {

  public static final String SERVICE = "gateway";
  private static final Logger LOG = LoggerFactory.getLogger(GatewayVerticle.class);
  /** Frames above the contract's 64 KiB get an error frame; far larger ones are cut by the server itself. */
  private static final int SERVER_FRAME_LIMIT = 4 * Limits.FRAME_MAX_BYTES;

  private final String gatewayId = Ids.newId();
  private AuthClient auth;
  private PresenceClient presence;
  private ChatClient chat;
  private SearchClient search;
  private HttpServer server;
  private SocketServer sockets;
  private SessionGuard sessionGuard;

  @Override
  public Future<?> start() {
    return ParleyConfig.load(vertx, SERVICE, config()).compose(loaded -> {
      GatewayConfig config = GatewayConfig.from(loaded);
      BusClient bus = new BusClient(vertx.eventBus());
      auth = new AuthClient(bus);
      presence = new PresenceClient(bus);
      chat = new ChatClient(bus);
      search = new SearchClient(bus);
      return Future.all(fetchVerificationKey(config.publicKeyWaitMs()), OpenApiDocument.load(vertx))
          .compose(both -> listen(config, both.resultAt(0), both.resultAt(1)));
    });
  }

  private Future<HttpServer> listen(GatewayConfig config, PublicKey key, OpenApiDocument openApi) {
    EndedSessions endedSessions = new EndedSessions();
    PersonalTokenChecks personalTokens = new PersonalTokenChecks(auth, endedSessions, config.tokenCacheMs());
    AccessTokens tokens = new AccessTokens(vertx, key, endedSessions, personalTokens);
    sockets = new SocketServer(vertx, gatewayId, tokens, auth, presence, chat, config.sockets());
    sessionGuard = new SessionGuard(vertx, auth, endedSessions, (userId, sessionIds, banned) -> {
      if (banned) {
        personalTokens.forgetUser(userId);
      }
      sockets.closeEndedSessions(userId, sessionIds, banned);
    });
    return sessionGuard.start().compose(ignored -> serveHttp(config, tokens, openApi));
  }

  private Future<HttpServer> serveHttp(GatewayConfig config, AccessTokens tokens, OpenApiDocument openApi) {
    Router router = Router.router(vertx);
    router.route().handler(new AccessLog(sockets.metrics()));
    router.route().handler(new SecurityHeaders());
    router.get("/health").handler(new HealthCheck(vertx.eventBus())::handle);
    OriginCheck origins = new OriginCheck(config.allowedOrigins(), config.trustForwardedFor());
    router.route("/ws").handler(origins).handler(this::upgradeToWebSocket);
    router.route("/sockjs/*").handler(origins);
    // SockJS's HTTP transports post frames; each post holds at most a few frames.
    router.post("/sockjs/*").handler(BodyHandler.create(false).setBodyLimit(4 * Limits.FRAME_MAX_BYTES));
    router.route("/sockjs/*").subRouter(SockJSHandler.create(vertx, new SockJSHandlerOptions()
            .setHeartbeatInterval(25_000)
            .setRegisterWriteHandler(false))
        .socketHandler(sockets::acceptSockJs));
    new RestApi(vertx, config, auth, presence, chat, search, new Authentication(tokens), openApi).mount(router);
    new WebApp().mount(router);
    router.route().last().handler(ctx -> Problems.send(ctx, ErrorCode.NOT_FOUND, "Nothing here."));
    router.route().failureHandler(this::onFailure);

    HttpServerOptions options = new HttpServerOptions()
        .setHost(config.host())
        .setPort(config.port())
        .setMaxWebSocketFrameSize(SERVER_FRAME_LIMIT)
        .setMaxWebSocketMessageSize(SERVER_FRAME_LIMIT);
    return vertx.createHttpServer(options).requestHandler(router).listen()
        .recover(failure -> Future.failedFuture(new IllegalStateException(
            "cannot listen on " + config.host() + ":" + config.port() + ": " + StartupFailure.describe(failure))))
        .onSuccess(listening -> {
          server = listening;
          LOG.info("gateway {} listening on http://{}:{}", gatewayId, config.host(), listening.actualPort());
        });
  }

  /** auth-service owns the signing key; a gateway asks for its public half, waiting while the cluster forms. */
  private Future<PublicKey> fetchVerificationKey(long waitMs) {
    Promise<PublicKey> promise = Promise.promise();
    long deadline = System.currentTimeMillis() + waitMs;
    askForKey(promise, deadline);
    return promise.future();
  }

  private void askForKey(Promise<PublicKey> promise, long deadline) {
    auth.publicKey()
        .onSuccess(promise::complete)
        .onFailure(failure -> {
          if (System.currentTimeMillis() > deadline) {
            promise.fail("auth-service did not hand out its public key in time: " + failure.getMessage());
          } else {
            vertx.setTimer(500, timer -> askForKey(promise, deadline));
          }
        });
  }

  private void upgradeToWebSocket(RoutingContext ctx) {
    ctx.request().toWebSocket()
        .onSuccess(sockets::acceptWebSocket)
        .onFailure(failure -> {
          if (!ctx.response().ended()) {
            Problems.send(ctx, ErrorCode.INVALID_INPUT, "This address takes WebSocket upgrades only.");
          }
        });
  }

  private void onFailure(RoutingContext ctx) {
    int status = ctx.statusCode();
    if (status == 413) {
      Problems.send(ctx, ErrorCode.TOO_LARGE, "The request body is too large.");
    } else if (status == 404) {
      Problems.send(ctx, ErrorCode.NOT_FOUND, "Nothing here.");
    } else if (status == 405) {
      Problems.send(ctx, ErrorCode.NOT_FOUND, "No such endpoint.");
    } else if (status >= 400 && status < 500) {
      Problems.send(ctx, ErrorCode.INVALID_INPUT, "The request could not be read.");
    } else {
      if (ctx.failure() != null) {
        LOG.error("request {} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
      }
      Problems.send(ctx, ctx.failure() == null ? new RuntimeException() : ctx.failure());
    }
  }

  public int actualPort() {
    return server.actualPort();
  }

  /** Closes every socket with 1001 (after the frames already queued), then stops listening. */
  @Override
  public Future<?> stop() {
    if (sockets != null) {
      sockets.closeAll(CloseCodes.GOING_AWAY, "server shutting down");
    }
    Future<Void> guard = sessionGuard == null ? Future.succeededFuture() : sessionGuard.stop();
    return guard.compose(ignored -> server == null ? Future.succeededFuture() : server.close());
  }
}
