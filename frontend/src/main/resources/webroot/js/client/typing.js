// Typing: who is typing in each room (a start shows for 7 s unless repeated), and telling the room when
// this user types, repeating the start every 4 s while typing goes on.

const TYPING_SHOWN_MS = 7000;
const TYPING_RESEND_MS = 4000;

export class Typing {
  #client;
  /** roomId -> Map(userId -> timer that ends their typing) */
  #expiry = new Map();
  /** roomId -> when this user last sent typing_start */
  #sent = new Map();

  constructor(client) {
    this.#client = client;
  }

  onTyping(frame) {
    const { store, people } = this.#client;
    let timers = this.#expiry.get(frame.roomId);
    if (!timers) {
      timers = new Map();
      this.#expiry.set(frame.roomId, timers);
    }
    clearTimeout(timers.get(frame.userId));
    if (frame.typing) {
      timers.set(frame.userId, setTimeout(() => {
        timers.delete(frame.userId);
        store.setTyping(frame.roomId, frame.userId, false);
        store.emit('typing', { roomId: frame.roomId });
      }, TYPING_SHOWN_MS));
      store.setTyping(frame.roomId, frame.userId, true);
      people.learnById(frame.userId);
    } else {
      timers.delete(frame.userId);
      store.setTyping(frame.roomId, frame.userId, false);
    }
    store.emit('typing', { roomId: frame.roomId });
  }

  /** Someone went offline: they are typing in no room any more. */
  stoppedEverywhere(userId) {
    for (const [roomId, timers] of this.#expiry) {
      if (timers.has(userId)) this.onTyping({ roomId, userId, typing: false });
    }
  }

  /**
   * Tells the room this user is (or stopped) typing; starts are repeated while typing goes on. A start that
   * cannot go at once (the socket's frame rate) is skipped: the next keystroke tries again.
   */
  announce(roomId, active) {
    const { connection } = this.#client;
    const lastSent = this.#sent.get(roomId);
    if (active) {
      if (lastSent && Date.now() - lastSent < TYPING_RESEND_MS) return;
      if (connection.send({ type: 'typing_start', roomId }, { droppable: true })) this.#sent.set(roomId, Date.now());
    } else if (lastSent) {
      this.#sent.delete(roomId);
      connection.send({ type: 'typing_stop', roomId });
    }
  }

  /** This user sent a message in the room: the server ended their typing there with it. */
  sentMessage(roomId) {
    this.#sent.delete(roomId);
  }
}
