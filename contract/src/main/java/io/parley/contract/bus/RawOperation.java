package io.parley.contract.bus;

/**
 * A request whose body or answer is not a JSON object, or that carries headers: a file's chunks. Sent with
 * {@link BusClient#message} and served with {@link BusEndpoints#serveMessage}, through a typed wrapper that owns
 * its header names (see {@code io.parley.contract.file.FileChunks}).
 */
public record RawOperation(String address, String summary) implements BusAddress {
}
