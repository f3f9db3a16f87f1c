// Small per-user records kept in localStorage across reloads: the last room, unsent messages, and the
// delivered-late and read marks of direct messages (the server tells those once, when they happen).

const PREFIX = 'parley';

export function remember(userId, name, value) {
  try {
    localStorage.setItem(`${PREFIX}.${name}.${userId}`, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the value lives for this page only.
  }
}

export function recall(userId, name, fallback) {
  try {
    const raw = localStorage.getItem(`${PREFIX}.${name}.${userId}`);
    return raw === null ? fallback : JSON.parse(raw);
  } catch {
    return fallback;
  }
}

/** A Map whose entries are written through to localStorage, newest last, at most `limit` of them. */
export function rememberedMap(userId, name, limit = 500) {
  const map = new Map(recall(userId, name, []));
  const save = () => remember(userId, name, [...map].slice(-limit));
  return {
    map,
    set(key, value) {
      map.delete(key);
      map.set(key, value);
      save();
    },
    delete(key) {
      if (map.delete(key)) save();
    },
    save,
  };
}
