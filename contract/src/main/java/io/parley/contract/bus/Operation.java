package io.parley.contract.bus;

/**
 * One request a service answers: its address, how the request and the answer travel, and whether it is made on
 * behalf of a signed-in user. Both sides use the same value: the caller through {@link BusClient#call}, the
 * service through {@link BusEndpoints#serve}, so an address and its payloads are written down once.
 *
 * @param address the event-bus address
 * @param request the request payload (without the actor)
 * @param reply the answer
 * @param needsActor whether the request carries {@code "actor"}, set only by gateways from a verified token
 * @param summary what the operation does, for docs/ARCHITECTURE.md's address table
 */
public record Operation<Q, R>(String address, Codec<Q> request, Codec<R> reply, boolean needsActor, String summary)
    implements BusAddress {

  /** A request made on behalf of a user. */
  public static <Q, R> Operation<Q, R> forActor(String address, Codec<Q> request, Codec<R> reply, String summary) {
    return new Operation<>(address, request, reply, true, summary);
  }

  /** A request one service makes of another, for no particular user. */
  public static <Q, R> Operation<Q, R> internal(String address, Codec<Q> request, Codec<R> reply, String summary) {
    return new Operation<>(address, request, reply, false, summary);
  }

  /** The same operation on one address of a family, such as one gateway's of {@code parley.gateway.<id>...}. */
  public Operation<Q, R> at(String memberAddress) {
    return new Operation<>(memberAddress, request, reply, needsActor, summary);
  }
}
