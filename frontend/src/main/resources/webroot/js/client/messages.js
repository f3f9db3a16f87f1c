// Messages as the server tells of them (new, edited, deleted, reacted to, pinned) applied to their room's
// timeline, or to their thread's for replies; and the edit, delete, reaction and pin actions on them.

export class Messages {
  #client;

  constructor(client) {
    this.#client = client;
  }

  onMessage(frame) {
    const { store, rooms, sync, outbox, unread, people, threads } = this.#client;
    const message = frame.message;
    const room = store.rooms.get(frame.roomId);
    if (!room) {
      rooms.learn(frame.roomId);
      return;
    }
    sync.track(room, frame);
    if (message.threadId) {
      threads.onReply(room, message, !frame.sync);
    } else {
      const timeline = store.timeline(room.id);
      if (timeline.loaded && timeline.upsert(message)) store.emit('timeline', { roomId: room.id });
      threads.onRoot(room, message, !frame.sync);
    }
    const mine = !message.bot && message.sender?.id === store.me?.id;
    if (mine && message.clientMsgId) outbox.confirm(message.clientMsgId, room.id, message.threadId);
    if (frame.type === 'message' && message.seq > (room.lastSeq ?? 0)) {
      store.setLastSeq(room.id, message.seq);
      if (!mine && !frame.sync) unread.arrived(room, message);
    }
    people.learnFrom(message);
  }

  onReaction(frame) {
    const { store, sync } = this.#client;
    const room = store.rooms.get(frame.roomId);
    if (!room) return;
    sync.track(room, frame);
    if (store.timelines.get(frame.roomId)?.react(frame)) store.emit('timeline', { roomId: frame.roomId });
    this.#client.threads.onReaction(frame);
  }

  edit(messageId, text) {
    return this.#client.connection.request({ type: 'edit', messageId, text });
  }

  remove(messageId) {
    return this.#client.connection.request({ type: 'delete', messageId });
  }

  /** Pins or unpins; the change comes back as message_updated with `pinned`. */
  pin(message, pinned) {
    const { conversations } = this.#client;
    return pinned ? conversations.pin(message.id) : conversations.unpin(message.id);
  }

  /** Adds the reaction, or removes it when this user already gave it. */
  react(message, emoji) {
    const { store, connection } = this.#client;
    const mine = (message.reactions?.[emoji] ?? []).includes(store.me.id);
    return connection.request({ type: 'reaction', messageId: message.id, emoji, op: mine ? 'remove' : 'add' });
  }
}
