// The REST calls of conversations beyond plain messages (docs/PROTOCOL.md, "Threads, mentions and unread", and
// the OpenAPI document): threads and their replies, mentions, pins, edit history, room settings and members,
// the user's own room preferences, and a room's incoming webhooks.

const path = (strings, ...values) => strings.reduce((out, part, i) => out + encodeURIComponent(values[i - 1]) + part);

function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

export class ConversationApi {
  #api;

  constructor(api) {
    this.#api = api;
  }

  /** A page of a thread's replies, ascending by seq, the newest by default: {root, messages, hasMore}. */
  replies(rootId, { before, after, limit } = {}) {
    return this.#api.request('GET', path`/api/messages/${rootId}/replies` + query({ before, after, limit }));
  }

  /** The threads the user follows, latest reply first: {threads: [{root, room, lastReadSeq, unreadReplies}]}. */
  threads(limit = 100) {
    return this.#api.request('GET', `/api/users/me/threads${query({ limit })}`);
  }

  /** Messages naming the user, newest first: {mentions: [{message, room}], hasMore}. */
  mentions({ before, limit } = {}) {
    return this.#api.request('GET', `/api/users/me/mentions${query({ before, limit })}`);
  }

  /** The room's pinned messages, the latest pinned first: {messages}. */
  pins(roomId) {
    return this.#api.request('GET', path`/api/rooms/${roomId}/pins`);
  }

  pin(messageId) {
    return this.#api.request('POST', path`/api/messages/${messageId}/pin`);
  }

  unpin(messageId) {
    return this.#api.request('DELETE', path`/api/messages/${messageId}/pin`);
  }

  /** A message's earlier texts, oldest first: [{text, editedAt}]. */
  edits(messageId) {
    return this.#api.request('GET', path`/api/messages/${messageId}/edits`);
  }

  /** changes: {name?, description?, topic?}; owners and admins only; answers the room. */
  updateRoom(roomId, changes) {
    return this.#api.request('PATCH', path`/api/rooms/${roomId}`, changes);
  }

  addOwner(roomId, userId) {
    return this.#api.request('POST', path`/api/rooms/${roomId}/owners`, { userId });
  }

  removeMember(roomId, userId) {
    return this.#api.request('DELETE', path`/api/rooms/${roomId}/members/${userId}`);
  }

  /** The user's own settings for a room; answers the room as they now see it. */
  setMuted(roomId, muted) {
    return this.#api.request('PUT', path`/api/rooms/${roomId}/prefs`, { muted });
  }

  /** [{id, roomId, name, createdBy, createdAt, lastUsedAt}], the oldest first, without their urls. */
  webhooks(roomId) {
    return this.#api.request('GET', path`/api/rooms/${roomId}/webhooks`);
  }

  /** Answers {id, name, url}: the url, which holds the hook's secret, only this once. */
  createWebhook(roomId, name) {
    return this.#api.request('POST', path`/api/rooms/${roomId}/webhooks`, { name });
  }

  deleteWebhook(roomId, hookId) {
    return this.#api.request('DELETE', path`/api/rooms/${roomId}/webhooks/${hookId}`);
  }
}
