package io.parley.platform.embedded;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.AttributeKey;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * Holds back the answer to a durable write on its connection until {@link DurableCommits} has put the write on the
 * disk, without holding the store's network thread: the library writes its answer as soon as the command returns,
 * and this handler, last in the connection's pipeline, is the first to see it. Answers written meanwhile on the same
 * connection wait behind it, in order (MongoDB's drivers send one command at a time per connection, so there are
 * none in practice). If the store fails to commit, the connection is closed instead: the client learns nothing was
 * acknowledged.
 */
final class DurableReplies extends ChannelOutboundHandlerAdapter {

  private static final String NAME = "parley-durable-replies";
  private static final AttributeKey<Long> TICKET = AttributeKey.valueOf("parley.durableTicket");

  /** An answer held back; {@code ticket} is its write's, 0 for an answer that only waits its turn. */
  private record Held(Object reply, ChannelPromise promise, long ticket) {
  }

  private final DurableCommits commits;
  private final Queue<Held> held = new ArrayDeque<>();

  private DurableReplies(DurableCommits commits) {
    this.commits = commits;
  }

  /** Marks the next answer on the channel as one to hold until the ticket's write is durable; on its event loop. */
  static void holdNextReply(Channel channel, DurableCommits commits, long ticket) {
    if (channel.pipeline().get(NAME) == null) {
      channel.pipeline().addLast(NAME, new DurableReplies(commits));
    }
    channel.attr(TICKET).set(ticket);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    Long ticket = ctx.channel().attr(TICKET).getAndSet(null);
    if (ticket == null && held.isEmpty()) {
      ctx.write(msg, promise);
      return;
    }
    held.add(new Held(msg, promise, ticket == null ? 0 : ticket));
    if (held.size() == 1) {
      release(ctx);
    }
  }

  /** Writes the answers held, in order, up to one whose write is not yet durable, then waits for that one. */
  private void release(ChannelHandlerContext ctx) {
    while (!held.isEmpty()) {
      Held head = held.peek();
      if (head.ticket > 0) {
        ctx.flush();
        commits.whenDurable(head.ticket, durable -> ctx.executor().execute(() -> committed(ctx, durable)));
        return;
      }
      held.poll();
      ctx.write(head.reply, head.promise);
    }
    ctx.flush();
  }

  private void committed(ChannelHandlerContext ctx, boolean durable) {
    if (!durable) {
      held.forEach(reply -> reply.promise.tryFailure(new IllegalStateException("the store could not commit")));
      held.clear();
      ctx.close();
      return;
    }
    Held head = held.poll();
    ctx.write(head.reply, head.promise);
    release(ctx);
  }
}
