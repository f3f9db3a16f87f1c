package io.parley.contract.bus;

/**
 * A published event one service tells every instance of others (or of itself): its address and payload.
 *
 * @param summary who publishes it and what receivers do, for docs/ARCHITECTURE.md's address table
 */
public record Notice<T>(String address, Codec<T> payload, String summary) implements BusAddress {

  /** The same notice on one address of a family, such as one room's of {@code parley.room.<roomId>}. */
  public Notice<T> at(String memberAddress) {
    return new Notice<>(memberAddress, payload, summary);
  }
}
