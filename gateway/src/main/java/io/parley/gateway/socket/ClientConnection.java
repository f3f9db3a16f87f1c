package io.parley.gateway.socket;

import io.parley.contract.Actor;
import io.parley.contract.CloseCodes;
import io.parley.contract.ErrorCode;
import io.parley.gateway.GatewayConfig.SocketSettings;
import io.parley.gateway.GatewayMetrics;
import io.parley.gateway.ServiceCalls;
import io.parley.gateway.socket.auth.ReadyFrame;
import io.parley.gateway.socket.auth.SocketAuthentication;
import io.parley.gateway.socket.chat.ChatFrames;
import io.parley.gateway.socket.chat.InOrderRequests;
import io.parley.gateway.socket.presence.PresenceFilter;
import io.parley.gateway.socket.room.RoomSubscriptions;
import io.parley.gateway.socket.transport.ClientChannel;
import io.parley.gateway.socket.transport.FrameRateLimiter;
import io.parley.gateway.socket.transport.FrameReader;
import io.parley.gateway.socket.transport.FrameWriter;
import io.parley.gateway.socket.transport.InboundFrame;
import io.parley.gateway.socket.typing.Typing;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * One client socket speaking the contract's protocol: {@code auth} first, then requests answered with the same
 * {@code ref}, and every event of the rooms its user belongs to. It reads each frame (rate, size, JSON) and hands
 * it to the piece that owns its concern; each of those is named for it: {@link SocketAuthentication}, {@link
 * ReadyFrame}, {@link RoomSubscriptions}, {@link Typing}, {@link PresenceFilter}, {@link InOrderRequests}, and
 * {@link FrameWriter}, which cuts off a client that reads too slowly.
 */
public final class ClientConnection {

  private final String id;
  private final ClientChannel channel;
  private final SocketServer server;
  private final SocketContext context;
  private final ServiceCalls services;
  private final GatewayMetrics metrics;
  private final Map<String, FrameHandler> handlers;
  private final FrameRateLimiter rateLimiter;
  private final FrameWriter writer;
  private final SocketAuthentication authentication;
  private final RoomSubscriptions rooms;
  private final Typing typing;
  private final PresenceFilter presence = new PresenceFilter();
  private final InOrderRequests inOrder = new InOrderRequests();

  ClientConnection(String id, ClientChannel channel, SocketContext context, SocketServer server) {
    SocketSettings settings = context.settings();
    this.id = id;
    this.channel = channel;
    this.server = server;
    this.context = context;
    this.services = context.services();
    this.metrics = context.metrics();
    this.handlers = context.handlers();
    this.rateLimiter = new FrameRateLimiter(settings.framesPerSecond(), settings.frameBurst());
    this.writer = new FrameWriter(channel, settings.maxBehindBytes(), metrics, this::onClosed);
    this.authentication = new SocketAuthentication(context.vertx(), context.tokens(), this);
    this.rooms = new RoomSubscriptions(context.fanout(), this);
    this.typing = new Typing(context.vertx(), this::userId);
  }

  void start() {
    channel.onFrame(this::onFrame);
    channel.onClose(ignored -> onClosed());
    authentication.start();
  }

  public String id() {
    return id;
  }

  public String userId() {
    return actor().id();
  }

  /** Who the socket speaks for; null until its {@code auth} is accepted. */
  public Actor actor() {
    return authentication.actor();
  }

  public boolean isMemberOf(String roomId) {
    return rooms.contains(roomId);
  }

  public Typing typing() {
    return typing;
  }

  public boolean isClosed() {
    return writer.isClosed();
  }

  /** A request to a service on behalf of this connection's user. */
  public Future<JsonObject> request(String address, JsonObject payload) {
    return services.request(address, actor(), payload);
  }

  /** A request made only once this connection's previous in-order request is answered. */
  public Future<JsonObject> requestInOrder(String address, JsonObject payload) {
    return inOrder.next(() -> request(address, payload));
  }

  /** Answers a client frame: the answer carries the frame's ref. */
  public void reply(Object ref, JsonObject frame) {
    send(Answers.withRef(frame, ref));
  }

  /** Answers a client frame with an {@code error} frame made from any failure. */
  public void fail(Object ref, Throwable failure) {
    send(Answers.error(ref, failure));
  }

  public void fail(Object ref, ErrorCode code, String message) {
    send(Answers.error(ref, code, message));
  }

  public void send(JsonObject frame) {
    if ("error".equals(frame.getString("type"))) {
      metrics.error();
    }
    writer.write(frame.encode());
  }

  /** A room event, encoded once for every local member; typing and presence are filtered per socket. */
  public void deliver(JsonObject event, String encoded) {
    String type = event.getString("type");
    if ("typing".equals(type) || "presence".equals(type)) {
      boolean own = userId().equals(event.getString("userId"));
      if (own || ("presence".equals(type) && !presence.isNews(event))) {
        return;
      }
    }
    metrics.delivery();
    writer.write(encoded);
  }

  /**
   * An event about this connection's user, from any service. A membership change moves the socket's room
   * subscriptions; the events that are client frames are passed on.
   */
  public void onUserEvent(JsonObject event) {
    if ("membership".equals(event.getString("type"))) {
      String roomId = event.getString("roomId");
      if (event.getBoolean("member", false)) {
        rooms.join(roomId);
      } else {
        typing.stop(roomId);
        rooms.leave(roomId);
      }
    }
    if (ChatFrames.isUserFrame(event.getString("type"))) {
      send(event);
    }
  }

  public void close(short code, String reason) {
    channel.close(code, reason);
  }

  /** Every frame, text or binary, before or after auth, counts against the rate limit before it is read. */
  private void onFrame(InboundFrame inbound) {
    metrics.frameIn();
    if (!rateLimiter.tryAcquire()) {
      metrics.rateLimited();
      if (rateLimiter.shouldDisconnect()) {
        close(CloseCodes.TOO_FAST_OR_TOO_SLOW, "too many frames");
      } else {
        fail(null, ErrorCode.RATE_LIMITED, "Too many frames: slow down.");
      }
      return;
    }
    FrameReader.Read read = FrameReader.read(inbound);
    if (read instanceof FrameReader.Refused refused) {
      fail(refused.ref(), refused.code(), refused.message());
    } else {
      dispatch((FrameReader.Frame) read);
    }
  }

  private void dispatch(FrameReader.Frame frame) {
    Object ref = frame.ref();
    if (actor() == null) {
      if ("auth".equals(frame.type())) {
        authentication.authenticate(frame.body(), () ->
            new ReadyFrame(this, context.accounts(), context.presence(), rooms, presence)
                .send(ref, server.authenticated(this)));
      } else {
        fail(ref, ErrorCode.UNAUTHENTICATED, "The first frame must be auth.");
      }
      return;
    }
    switch (frame.type()) {
      case "auth" -> authentication.renew(frame.body(), ref);
      case "ping" -> reply(ref, new JsonObject().put("type", "pong"));
      default -> {
        FrameHandler handler = handlers.get(frame.type());
        if (handler == null) {
          fail(ref, ErrorCode.INVALID_INPUT, "Unknown frame type.");
        } else {
          handler.handle(this, frame.body(), ref);
        }
      }
    }
  }

  private void onClosed() {
    writer.stop();
    if (!server.closed(this)) {
      return;
    }
    authentication.stop();
    if (actor() != null) {
      typing.stopAll();
      rooms.leaveAll();
    }
  }
}
