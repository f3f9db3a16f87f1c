package io.parley.platform.logging;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.internal.ContextInternal;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The id that follows one REST call or socket frame through gateway and services, so their log lines can be
 * put together. It travels as the {@value #HEADER} header: on HTTP (given by the client or made by the
 * gateway, and answered) and on every event-bus request made on the call's behalf.
 *
 * <p>Inside a process it lives in the Vert.x context of the request, not in an MDC: an event loop serves many
 * requests by turns on one thread, while Vert.x gives each HTTP request and each event-bus message a duplicated
 * context of its own that follows its callbacks (store replies, timers, further requests). Log lines read it
 * from there ({@link JsonLineEncoder}, {@link RequestIdConverter}). Work that shares a context with other work,
 * such as the frames of one socket, gets a context of its own through {@link #runAs}.
 */
public final class RequestIds {

  public static final String HEADER = "x-request-id";
  private static final String KEY = RequestIds.class.getName();
  /** A client's own id is kept when it is short and plain; anything else is replaced, never logged as given. */
  private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private RequestIds() {
  }

  /** The id of the request the calling code works for, or null outside one. */
  public static String current() {
    ContextInternal context = ContextInternal.current();
    if (context == null || !context.isDuplicate()) {
      return null;
    }
    return context.localContextData().get(KEY) instanceof String id ? id : null;
  }

  /** A client's id when it is acceptable, else a new one. */
  public static String accept(String given) {
    return given != null && ACCEPTABLE.matcher(given).matches() ? given : fresh();
  }

  public static String fresh() {
    return Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
  }

  /** Makes the id the current request's, for the rest of this request's context. No-op outside one. */
  public static void adopt(String id) {
    ContextInternal context = ContextInternal.current();
    if (context != null && context.isDuplicate()) {
      context.localContextData().put(KEY, id);
    }
  }

  /** Every message this process receives hands its id to the code consuming it, whoever registered it. */
  public static void install(EventBus bus) {
    bus.addInboundInterceptor(delivery -> {
      received(delivery.message());
      delivery.next();
    });
  }

  /**
   * Called in the context a received message is handled in: the message's id becomes the context's, or a new one
   * for a request that came without; a context that already serves a request keeps its own id (replies).
   */
  public static void received(Message<?> message) {
    if (current() != null) {
      return;
    }
    String id = message.headers().get(HEADER);
    if (id != null) {
      adopt(accept(id));
    } else if (message.replyAddress() != null) {
      adopt(fresh());
    }
  }

  /** Runs work, now, in a context of its own that carries the id (and passes it on to its callbacks). */
  public static void runAs(String id, Runnable work) {
    ContextInternal context = ContextInternal.current();
    if (context == null) {
      work.run();
      return;
    }
    ContextInternal own = context.duplicate();
    own.localContextData().put(KEY, id);
    own.dispatch(work);
  }

  /** The options with the current id added, for a request or publish made on the current request's behalf. */
  public static DeliveryOptions propagate(DeliveryOptions options) {
    String id = current();
    return id == null ? options : options.addHeader(HEADER, id);
  }
}
