package io.parley.contract.bus;

/**
 * Something on the event bus at an address, with the one description of what travels there: an {@link
 * Operation}, a {@link Notice} or a {@link RawOperation}. docs/ARCHITECTURE.md's address table is made of these.
 */
public interface BusAddress {

  String address();

  /** What is sent and answered (or published), and what it does. */
  String summary();
}
