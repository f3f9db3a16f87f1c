package io.parley.gateway.socket.transport;

/**
 * One frame as a client sent it: text, or binary. Binary frames are not the protocol, but they still count
 * against the socket's rate limit and frame size like any other.
 */
public record InboundFrame(String text, int binaryBytes) {

  public static InboundFrame text(String text) {
    return new InboundFrame(text, 0);
  }

  public static InboundFrame binary(int bytes) {
    return new InboundFrame(null, bytes);
  }

  public boolean isBinary() {
    return text == null;
  }
}
