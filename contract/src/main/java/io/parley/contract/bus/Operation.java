package io.parley.contract.bus;

import java.util.function.Predicate;

/**
 * One request a service answers: its address, how the request and the answer travel, whether it is made on
 * behalf of a signed-in user, and whether it may be sent again. Both sides use the same value: the caller through
 * {@link BusClient#call}, the service through {@link BusEndpoints#serve}, so an address and its payloads are
 * written down once.
 *
 * @param address the event-bus address
 * @param request the request payload (without the actor)
 * @param reply the answer
 * @param needsActor whether the request carries {@code "actor"}, set only by gateways from a verified token
 * @param repeatable which requests are idempotent, doing the same served twice as once (a read, a change that
 *     sets rather than adds, a send with a {@code clientMsgId}): {@link BusClient} sends those again when an
 *     attempt got no answer, and never the others
 * @param summary what the operation does, for docs/ARCHITECTURE.md's address table
 */
public record Operation<Q, R>(String address, Codec<Q> request, Codec<R> reply, boolean needsActor,
    Predicate<Q> repeatable, String summary) implements BusAddress {

  /** A request made on behalf of a user; not idempotent unless said so ({@link #idempotent()}). */
  public static <Q, R> Operation<Q, R> forActor(String address, Codec<Q> request, Codec<R> reply, String summary) {
    return new Operation<>(address, request, reply, true, never(), summary);
  }

  /** A request one service makes of another, for no particular user; not idempotent unless said so. */
  public static <Q, R> Operation<Q, R> internal(String address, Codec<Q> request, Codec<R> reply, String summary) {
    return new Operation<>(address, request, reply, false, never(), summary);
  }

  /** The same operation, every request of which may be served twice. */
  public Operation<Q, R> idempotent() {
    return idempotentWhen(request -> true);
  }

  /** The same operation, the requests of which that pass the test may be served twice. */
  public Operation<Q, R> idempotentWhen(Predicate<Q> test) {
    return new Operation<>(address, request, reply, needsActor, test, summary);
  }

  /** Whether this request may be sent again when an attempt got no answer. */
  public boolean mayRepeat(Q payload) {
    return repeatable.test(payload);
  }

  /** The same operation on one address of a family, such as one gateway's of {@code parley.gateway.<id>...}. */
  public Operation<Q, R> at(String memberAddress) {
    return new Operation<>(memberAddress, request, reply, needsActor, repeatable, summary);
  }

  private static <Q> Predicate<Q> never() {
    return request -> false;
  }
}
