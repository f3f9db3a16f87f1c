package io.parley.gateway.socket.transport;

import io.parley.contract.CloseCodes;
import io.parley.gateway.GatewayMetrics;

/**
 * Writes frames to one client, and cuts off a client that reads too slowly: once its queue is past the high-water
 * mark it may fall {@code maxBehindBytes} further behind, then it is closed with 4429 rather than letting the
 * queue grow. Nothing is written once the socket is closed.
 */
public final class FrameWriter {

  private final ClientChannel channel;
  private final int maxBehindBytes;
  private final GatewayMetrics metrics;
  private final Runnable onCutOff;
  private long behindBytes;
  private boolean closed;

  public FrameWriter(ClientChannel channel, int maxBehindBytes, GatewayMetrics metrics, Runnable onCutOff) {
    this.channel = channel;
    this.maxBehindBytes = maxBehindBytes;
    this.metrics = metrics;
    this.onCutOff = onCutOff;
    channel.onDrain(ignored -> behindBytes = 0);
  }

  /** Writes an encoded frame of the given type. */
  public void write(String type, String frame) {
    if (closed) {
      return;
    }
    if (channel.writeQueueFull()) {
      behindBytes += frame.length();
      if (behindBytes > maxBehindBytes) {
        metrics.queueDrop();
        closed = true;
        channel.close(CloseCodes.TOO_FAST_OR_TOO_SLOW, "reading too slowly");
        onCutOff.run();
        return;
      }
    }
    metrics.frameOut(type);
    channel.send(frame);
  }

  /** The socket closed: nothing more is written. */
  public void stop() {
    closed = true;
  }

  public boolean isClosed() {
    return closed;
  }
}
