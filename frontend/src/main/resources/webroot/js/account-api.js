// The REST calls of "Your account" (docs/PROTOCOL.md and the OpenAPI document): profile and avatar, password,
// sessions, two-factor sign-in and personal access tokens, through the Api's bearer token and problem documents.

export class AccountApi {
  #api;

  constructor(api) {
    this.#api = api;
  }

  /** changes: {displayName?, statusText?, statusEmoji?}; answers the user as changed. */
  updateProfile(changes) {
    return this.#api.request('PATCH', '/api/users/me', changes);
  }

  /** The image is sent as it is (the server decodes and re-encodes it); answers the user with its avatarUrl. */
  uploadAvatar(file, onProgress) {
    return this.#api.sendWithProgress('PUT', '/api/users/me/avatar', file, onProgress);
  }

  removeAvatar() {
    return this.#api.request('DELETE', '/api/users/me/avatar');
  }

  changePassword(currentPassword, newPassword) {
    return this.#api.request('POST', '/api/users/me/password', { currentPassword, newPassword });
  }

  /** [{id, createdAt, lastUsedAt, userAgent, address, current}], the most recently used first. */
  sessions() {
    return this.#api.request('GET', '/api/sessions');
  }

  endSession(id) {
    return this.#api.request('DELETE', `/api/sessions/${encodeURIComponent(id)}`);
  }

  endOtherSessions() {
    return this.#api.request('DELETE', '/api/sessions');
  }

  /** {enabled, pending, recoveryCodesLeft} */
  twoFactorStatus() {
    return this.#api.request('GET', '/api/users/me/totp');
  }

  /** A new secret, not yet active: {secret, otpauthUri, qrSvg}. */
  enrolTwoFactor() {
    return this.#api.request('POST', '/api/users/me/totp');
  }

  /** Turns it on with a current code; answers {recoveryCodes}. */
  confirmTwoFactor(code) {
    return this.#api.request('POST', '/api/users/me/totp/confirm', { code });
  }

  disableTwoFactor(password, code) {
    return this.#api.request('DELETE', '/api/users/me/totp', { password, code });
  }

  /** [{id, name, createdAt, expiresAt, lastUsedAt}], newest first. */
  tokens() {
    return this.#api.request('GET', '/api/users/me/tokens');
  }

  /** Answers {id, name, token, createdAt, expiresAt}: the token itself only this once. */
  createToken(name, expiresInDays) {
    return this.#api.request('POST', '/api/users/me/tokens', { name, ...(expiresInDays ? { expiresInDays } : {}) });
  }

  revokeToken(id) {
    return this.#api.request('DELETE', `/api/users/me/tokens/${encodeURIComponent(id)}`);
  }
}
