// The REST client: JSON in and out, the bearer token on every call, one refresh-and-retry when the access
// token is refused, and problem documents turned into ApiError.

import { SessionEndedError } from './session.js';

export class ApiError extends Error {
  /** retryAfter: the seconds a 429 asks to wait (its Retry-After header), else null. */
  constructor(status, problem, retryAfter = null) {
    super(problem?.detail || problem?.title || `Request failed (${status})`);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem?.code ?? 'unknown';
    this.errors = problem?.errors ?? [];
    this.retryAfter = retryAfter;
  }
}

/** 401 answers about what the user typed (a wrong password or code), not about the token: no refresh for them. */
const NOT_ABOUT_THE_TOKEN = new Set(['bad_credentials', 'bad_password', 'bad_totp', 'totp_required']);

export class Api {
  constructor(session) {
    this.session = session;
  }

  // Open calls: no token.
  register(body) {
    return this.#open('POST', '/api/users', body);
  }

  /** totp: a code of the authenticator app or a recovery code, once the server asked for it (totp_required). */
  login(username, password, totp) {
    return this.#open('POST', '/api/login', { username, password, ...(totp ? { totp } : {}) });
  }

  // Accounts
  logout() {
    return this.request('POST', '/api/logout');
  }

  me() {
    return this.request('GET', '/api/users/me');
  }

  user(id) {
    return this.request('GET', `/api/users/${encodeURIComponent(id)}`);
  }

  users({ q = '', online = false } = {}) {
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    if (online) params.set('online', 'true');
    return this.request('GET', `/api/users?${params}`);
  }

  // Rooms
  rooms() {
    return this.request('GET', '/api/rooms');
  }

  room(id) {
    return this.request('GET', `/api/rooms/${encodeURIComponent(id)}`);
  }

  createRoom(body) {
    return this.request('POST', '/api/rooms', body);
  }

  joinRoom(id) {
    return this.request('POST', `/api/rooms/${encodeURIComponent(id)}/join`);
  }

  leaveRoom(id) {
    return this.request('POST', `/api/rooms/${encodeURIComponent(id)}/leave`);
  }

  invite(roomId, userId) {
    return this.request('POST', `/api/rooms/${encodeURIComponent(roomId)}/members`, { userId });
  }

  directRoom(userId) {
    return this.request('POST', '/api/dms', { userId });
  }

  rememberLastRoom(roomId) {
    return this.request('PUT', '/api/users/me/last-room', { roomId });
  }

  /** A page of history, ascending by seq: {messages, hasMore}. */
  history(roomId, { before, after, limit } = {}) {
    const params = new URLSearchParams();
    if (before !== undefined) params.set('before', before);
    if (after !== undefined) params.set('after', after);
    if (limit !== undefined) params.set('limit', limit);
    return this.request('GET', `/api/rooms/${encodeURIComponent(roomId)}/messages?${params}`);
  }

  /** Messages the user may read matching q, newest first: {results:[{message, room, highlight}], next}. */
  search({ q, limit, cursor }) {
    const params = new URLSearchParams({ q });
    if (limit !== undefined) params.set('limit', limit);
    if (cursor) params.set('cursor', cursor);
    return this.request('GET', `/api/search?${params}`);
  }

  /** A short-lived signed link to a file: {url, expiresAt}. */
  fileLink(fileId) {
    return this.request('GET', `/api/files/${encodeURIComponent(fileId)}/link`);
  }

  // Admin
  adminUsers(q = '') {
    return this.request('GET', `/api/admin/users${q ? `?q=${encodeURIComponent(q)}` : ''}`);
  }

  setBanned(userId, banned) {
    return this.request('POST', `/api/admin/users/${encodeURIComponent(userId)}/${banned ? 'ban' : 'unban'}`);
  }

  setRole(userId, role) {
    return this.request('POST', `/api/admin/users/${encodeURIComponent(userId)}/role`, { role });
  }

  deleteRoom(roomId) {
    return this.request('DELETE', `/api/admin/rooms/${encodeURIComponent(roomId)}`);
  }

  stats() {
    return this.request('GET', '/api/admin/stats');
  }

  /** An authenticated call; a 401 refreshes the access token once and tries again. */
  async request(method, path, body) {
    const send = async () => fetch(path, {
      method,
      headers: {
        Authorization: `Bearer ${await this.session.accessToken()}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    let response = await send();
    if (response.status === 401 && !NOT_ABOUT_THE_TOKEN.has(await codeOf(response))) {
      await this.session.refresh();
      response = await send();
      if (response.status === 401) {
        this.session.end();
        throw new SessionEndedError('session ended');
      }
    }
    return answer(response);
  }

  /**
   * Uploads a file to a room with progress: onProgress(fraction). Answers {fileId, name, size, contentType}.
   */
  upload(roomId, file, onProgress) {
    const form = new FormData();
    form.append('roomId', roomId);
    form.append('file', file, file.name);
    return this.sendWithProgress('POST', `/api/files?roomId=${encodeURIComponent(roomId)}`, form, onProgress);
  }

  /**
   * Sends a body (FormData or a Blob, sent as it is) reporting progress: onProgress(fraction); answers the
   * JSON answer. Uses XMLHttpRequest, the one browser API that reports upload progress.
   */
  async sendWithProgress(method, path, body, onProgress) {
    const token = await this.session.accessToken();
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(method, path);
      xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      xhr.responseType = 'json';
      xhr.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable) onProgress(event.loaded / event.total);
      });
      xhr.addEventListener('load', () => {
        if (xhr.status >= 200 && xhr.status < 300) resolve(xhr.response);
        else reject(new ApiError(xhr.status, xhr.response, retryAfterOf(xhr.getResponseHeader('Retry-After'))));
      });
      xhr.addEventListener('error', () => reject(new ApiError(0, { detail: 'The upload was interrupted.' })));
      xhr.addEventListener('abort', () => reject(new ApiError(0, { detail: 'The upload was cancelled.' })));
      xhr.send(body);
    });
  }

  async #open(method, path, body) {
    const response = await fetch(path, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return answer(response);
  }
}

async function answer(response) {
  if (response.status === 204) return null;
  const text = await response.text();
  const json = text ? safeJson(text) : null;
  if (!response.ok) throw new ApiError(response.status, json, retryAfterOf(response.headers.get('Retry-After')));
  return json;
}

/** The problem document's code of an answer, leaving the answer readable. */
async function codeOf(response) {
  return safeJson(await response.clone().text())?.code ?? null;
}

function retryAfterOf(header) {
  const seconds = Number.parseInt(header ?? '', 10);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
