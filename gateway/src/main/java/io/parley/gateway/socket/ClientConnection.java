package io.parley.gateway.socket;

import io.parley.contract.Actor;
import io.parley.contract.CloseCodes;
import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.parley.contract.bus.RequestLog;
import io.parley.contract.frame.ErrorFrame;
import io.parley.contract.frame.FrameTypes;
import io.parley.contract.frame.Membership;
import io.parley.contract.frame.Pong;
import io.parley.contract.frame.ServerFrame;
import io.parley.gateway.GatewayConfig.SocketSettings;
import io.parley.gateway.GatewayMetrics;
import io.parley.gateway.socket.auth.ReadyFrame;
import io.parley.gateway.socket.auth.SocketAuthentication;
import io.parley.gateway.socket.chat.ChatFrames;
import io.parley.gateway.socket.chat.InOrderRequests;
import io.parley.gateway.socket.presence.PresenceFilter;
import io.parley.gateway.socket.room.RoomEvent;
import io.parley.gateway.socket.room.RoomSubscriptions;
import io.parley.gateway.socket.transport.ClientChannel;
import io.parley.gateway.socket.transport.FrameRateLimiter;
import io.parley.gateway.socket.transport.FrameReader;
import io.parley.gateway.socket.transport.FrameWriter;
import io.parley.gateway.socket.transport.InboundFrame;
import io.parley.gateway.socket.typing.Typing;
import io.parley.platform.logging.RequestIds;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.function.Supplier;

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
    this.metrics = context.metrics();
    this.handlers = context.handlers();
    this.rateLimiter = new FrameRateLimiter(settings.framesPerSecond(), settings.frameBurst());
    this.writer = new FrameWriter(channel, settings.maxBehindBytes(), metrics, this::onClosed);
    this.authentication = new SocketAuthentication(context.vertx(), context.tokens(), this);
    this.rooms = new RoomSubscriptions(context.vertx(), context.fanout(), context.chat(), this);
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

  /** A request made only once this connection's previous in-order request is answered. */
  public <T> Future<T> inOrder(Supplier<Future<T>> request) {
    return inOrder.next(request);
  }

  /** Answers a client frame: the answer carries the frame's ref. */
  public void reply(Object ref, ServerFrame frame) {
    if (frame instanceof ErrorFrame error) {
      metrics.refused(GatewayMetrics.Via.SOCKET, error.code());
    }
    writer.write(frame.type(), frame.answering(ref).encode());
  }

  /** Answers a client frame with a frame made by hand; the frames of the contract go through the other reply. */
  public void reply(Object ref, JsonObject frame) {
    writer.write(FrameTypes.of(frame), (ref == null ? frame : frame.put("ref", ref)).encode());
  }

  /** Answers a client frame with an {@code error} frame made from any failure. */
  public void fail(Object ref, Throwable failure) {
    reply(ref, ErrorFrame.of(failure));
  }

  public void fail(Object ref, ErrorCode code, String message) {
    reply(ref, ErrorFrame.of(code, message));
  }

  public void send(ServerFrame frame) {
    reply(null, frame);
  }

  /** A room event, encoded once for every local member; a user's own typing and presence are not echoed. */
  public void deliver(RoomEvent event) {
    if (rooms.holds(event)) {
      return;
    }
    if (event.byUser() != null && event.byUser().equals(userId())) {
      return;
    }
    if (event.presence() != null && !presence.isNews(event.presence())) {
      return;
    }
    metrics.delivery();
    writer.write(event.type(), event.encoded());
  }

  /**
   * An event about this connection's user, from any service. A membership change moves the socket's room
   * subscriptions; the events that are client frames are passed on as they came.
   */
  public void onUserEvent(JsonObject event) {
    String type = FrameTypes.of(event);
    if (FrameTypes.MEMBERSHIP.equals(type)) {
      Membership membership = Membership.fromJson(event);
      if (membership.member()) {
        rooms.joinLate(membership);
      } else {
        typing.stop(membership.roomId());
        rooms.leave(membership.roomId());
      }
    }
    if (ChatFrames.isUserFrame(type)) {
      writer.write(type, event.encode());
    }
  }

  public void close(short code, String reason) {
    channel.close(code, reason);
  }

  /**
   * Every frame, text or binary, before or after auth, counts against the rate limit before it is read. Each is
   * handled under a request id of its own, which goes with every request made for it.
   */
  private void onFrame(InboundFrame inbound) {
    RequestIds.runAs(RequestIds.fresh(), () -> take(inbound));
  }

  private void take(InboundFrame inbound) {
    if (!rateLimiter.tryAcquire()) {
      metrics.frameIn(GatewayMetrics.UNREAD);
      metrics.rateLimited();
      if (rateLimiter.shouldDisconnect()) {
        close(CloseCodes.TOO_FAST_OR_TOO_SLOW, "too many frames");
      } else {
        // The refusal answers the frame's ref, so that a client knows which request to send again, and when.
        reply(rateLimiter.refOfRefused(inbound), ErrorFrame.rateLimited(rateLimiter.retryAfterMs()));
      }
      return;
    }
    FrameReader.Read read = FrameReader.read(inbound);
    if (read instanceof FrameReader.Frame frame) {
      String type = metrics.frameIn(frame.type());
      if (RequestLog.LOG.isInfoEnabled()) {
        RequestLog.LOG.info("socket {} frame {}", id, type);
      }
      dispatch(frame);
    } else {
      FrameReader.Refused refused = (FrameReader.Refused) read;
      metrics.frameIn(GatewayMetrics.OTHER_TYPE);
      fail(refused.ref(), refused.code(), refused.message());
    }
  }

  private void dispatch(FrameReader.Frame frame) {
    Object ref = frame.ref();
    if (actor() == null) {
      if (FrameTypes.AUTH.equals(frame.type())) {
        authentication.authenticate(frame.body(), () -> new ReadyFrame(this, context.accounts(),
            context.presence(), context.chat(), rooms, presence, context.settings().frameRate())
                .send(ref, server.authenticated(this)));
      } else {
        fail(ref, ErrorCode.UNAUTHENTICATED, "The first frame must be auth.");
      }
      return;
    }
    switch (frame.type()) {
      case FrameTypes.AUTH -> authentication.renew(frame.body(), ref);
      case FrameTypes.PING -> reply(ref, new Pong());
      default -> {
        FrameHandler handler = handlers.get(frame.type());
        if (handler == null) {
          fail(ref, ErrorCode.INVALID_INPUT, "Unknown frame type.");
          return;
        }
        try {
          handler.handle(this, frame.body(), ref);
        } catch (ServiceError refused) {
          fail(ref, refused);
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
