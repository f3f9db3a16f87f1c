// Resuming after a reconnect (and starting, on the first `ready`): the server's rooms are taken, keeping the
// version of each room whose messages are held so that sync fetches what was missed (the others adopt the
// server's, their history is fetched when first opened); then unsent messages go out again, the room on
// screen is marked read, and the followed threads are counted again.

export class Resume {
  #client;

  constructor(client) {
    this.#client = client;
  }

  onReady(frame) {
    const { store, rooms, people, sync, outbox, unread, threads } = this.#client;
    store.setMe(frame.user);
    const seen = new Set();
    for (const room of frame.rooms) {
      seen.add(room.id);
      const known = store.rooms.get(room.id);
      const timeline = store.timelines.get(room.id);
      const version = timeline?.loaded && known ? known.version : room.version;
      store.putRoom({ ...known, ...room, version });
    }
    for (const id of [...store.rooms.keys()]) if (!seen.has(id)) rooms.forget(id);
    store.setOnline(frame.online);
    people.learnPeers();
    store.emit('me');
    store.emit('rooms');
    store.emit('presence');
    const loaded = [...store.rooms.keys()].filter((id) => store.timelines.get(id)?.loaded);
    if (loaded.length) sync.catchUp(loaded);
    outbox.resend();
    if (store.currentRoomId) unread.markRead(store.currentRoomId);
    threads.load();
    this.#client.dispatchEvent(new Event('ready'));
  }
}
