// The signed-in session: tokens kept in localStorage (so a reload stays signed in), the access token refreshed
// before it expires, and refresh-token rotation coordinated between tabs with a Web Lock.

const STORAGE_KEY = 'parley.session';
const REFRESH_LOCK = 'parley.refresh';
/** Refresh when this share of the access token's life has passed. */
const REFRESH_AT = 0.8;

export class SessionEndedError extends Error {
  constructor(reason) {
    super(reason);
    this.name = 'SessionEndedError';
  }
}

export class Session extends EventTarget {
  #state = null;
  #timer = null;
  #refreshing = null;

  constructor() {
    super();
    this.#state = readStored();
    // Another tab refreshed or signed out: follow it.
    window.addEventListener('storage', (event) => {
      if (event.key !== STORAGE_KEY) return;
      const had = this.#state;
      this.#state = readStored();
      if (had && !this.#state) this.dispatchEvent(new CustomEvent('ended', { detail: { reason: 'signed-out' } }));
      else this.#schedule();
    });
  }

  get signedIn() {
    return this.#state !== null;
  }

  get user() {
    return this.#state?.user ?? null;
  }

  set user(user) {
    if (!this.#state) return;
    this.#state.user = user;
    store(this.#state);
  }

  /** Takes the answer of login or refresh: {accessToken, refreshToken, expiresIn, user?}. */
  begin(tokens) {
    this.#state = {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresAt: Date.now() + tokens.expiresIn * 1000,
      lifetimeMs: tokens.expiresIn * 1000,
      user: tokens.user ?? this.#state?.user ?? null,
    };
    store(this.#state);
    this.#schedule();
    this.dispatchEvent(new Event('refreshed'));
  }

  /** Forgets the session here (and in every tab); `ended` tells why: signed-out, expired or banned. */
  end(reason = 'signed-out') {
    clearTimeout(this.#timer);
    const had = this.#state !== null;
    this.#state = null;
    localStorage.removeItem(STORAGE_KEY);
    if (had) this.dispatchEvent(new CustomEvent('ended', { detail: { reason } }));
  }

  /** A valid access token, refreshed first when it is about to expire. */
  async accessToken() {
    if (!this.#state) throw new SessionEndedError('not signed in');
    if (Date.now() > this.#state.expiresAt - expiryMargin(this.#state)) await this.refresh();
    return this.#state.accessToken;
  }

  /** The current access token without refreshing, for headers already known to be fresh. */
  get currentAccessToken() {
    return this.#state?.accessToken ?? null;
  }

  /**
   * Exchanges the refresh token for a new pair. Only one refresh runs at a time, across tabs too: a tab that
   * finds the stored token already rotated by another tab takes that tab's pair instead of refreshing.
   */
  refresh() {
    if (!this.#refreshing) {
      const used = this.#state?.refreshToken;
      const run = () => this.#refreshWith(used);
      const locked = navigator.locks ? navigator.locks.request(REFRESH_LOCK, run) : run();
      this.#refreshing = locked.finally(() => {
        this.#refreshing = null;
      });
    }
    return this.#refreshing;
  }

  async #refreshWith(used) {
    const stored = readStored();
    if (!stored) {
      this.end();
      throw new SessionEndedError('signed out');
    }
    if (stored.refreshToken !== used && stored.expiresAt > Date.now() + expiryMargin(stored)) {
      this.#state = stored;
      this.#schedule();
      return;
    }
    const response = await fetch('/api/token/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refreshToken: stored.refreshToken }),
    });
    if (response.status === 401 || response.status === 403 || response.status === 400) {
      const problem = await response.json().catch(() => ({}));
      const reason = problem.code === 'banned' ? 'banned' : 'expired';
      this.end(reason);
      throw new SessionEndedError(reason);
    }
    if (!response.ok) throw new Error(`refresh failed with ${response.status}`);
    this.begin(await response.json());
  }

  #schedule() {
    clearTimeout(this.#timer);
    if (!this.#state) return;
    const refreshIn = this.#state.expiresAt - this.#state.lifetimeMs * (1 - REFRESH_AT) - Date.now();
    this.#timer = setTimeout(() => {
      this.refresh().catch((error) => {
        if (!(error instanceof SessionEndedError)) this.#retryLater();
      });
    }, Math.max(1000, refreshIn));
  }

  #retryLater() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.refresh().catch(() => this.#retryLater()), 10_000);
  }

  /** Starts the refresh timer for a session found in storage. */
  resume() {
    this.#schedule();
  }
}

/** How long before expiry a token counts as expired: 15 s, or a fifth of a short token's life. */
function expiryMargin(state) {
  return Math.min(15_000, state.lifetimeMs * (1 - REFRESH_AT));
}

function readStored() {
  try {
    const value = JSON.parse(localStorage.getItem(STORAGE_KEY));
    return value && value.refreshToken ? value : null;
  } catch {
    return null;
  }
}

function store(state) {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
}
