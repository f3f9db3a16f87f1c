// Starts the app: the sign-in page, or the chat (or the admin panel at /admin) for a signed-in user.

import { AccountApi } from './account-api.js';
import { Api } from './api.js';
import { ChatClient } from './client/chat-client.js';
import { appRoot, toast } from './dom.js';
import { Notifier } from './notifications.js';
import { Session, SessionEndedError } from './session.js';
import { Connection, ConnectionState } from './socket/connection.js';
import { Store } from './store.js';
import { renderAdmin } from './views/admin-view.js';
import { renderAuth, renderBanned } from './views/auth-view.js';
import { pageVisibility } from './views/page-visibility.js';
import { renderShell } from './views/shell.js';

const root = appRoot();
const session = new Session();
const api = new Api(session);
let running = null;
let loggingOut = false;

function showSignIn(notice) {
  running?.connection.stop();
  running = null;
  renderAuth(root, {
    api,
    notice,
    onSignedIn: (tokens) => {
      session.begin(tokens);
      start().catch(fail);
    },
  });
}

async function start() {
  const user = session.user ?? await api.me();
  session.user = user;
  const store = new Store(user);
  const connection = new Connection(session);
  const client = new ChatClient({ api, connection, store, page: pageVisibility });
  const notifier = new Notifier(store, client);
  running = { connection };
  const logout = async () => {
    loggingOut = true;
    connection.stop();
    try {
      await api.logout();
    } catch {
      // Signed out here either way; the server session expires by itself.
    }
    session.end();
  };
  const base = { api, account: new AccountApi(api), session, store, client, connection, notifier, logout };

  connection.addEventListener('state', () => {
    if (connection.state === ConnectionState.BANNED) showBanned();
  });
  if (location.pathname === '/admin') {
    // The panel connects too: an admin using it is online, as the users it lists can tell.
    renderAdmin(root, base);
    connection.start();
    return;
  }
  renderShell(root, base);
  notifier.addEventListener('open', ({ detail }) => (detail.threadId
    ? client.threads.open(detail.threadId, detail.roomId) : client.rooms.open(detail.roomId)));
  let first = true;
  client.addEventListener('ready', () => {
    if (!first) return;
    first = false;
    openFirstRoom(client, store).catch((error) => toast(error.message, 'error'));
  });
  connection.start();
}

/**
 * After a reload: the room last open (remembered here, or by the server), else the first one; unless the user
 * picked a room while the server was being asked, which stays.
 */
async function openFirstRoom(client, store) {
  let roomId = client.rooms.lastRoomId();
  if (!store.rooms.has(roomId)) {
    roomId = await api.rooms().then((answer) => answer.lastRoomId, () => null);
  }
  if (store.currentRoomId) return;
  if (!store.rooms.has(roomId)) {
    roomId = [...store.rooms.values()].find((room) => room.type !== 'direct')?.id ?? store.rooms.keys().next().value;
  }
  if (roomId) await client.rooms.open(roomId);
}

function showBanned() {
  running?.connection.stop();
  running = null;
  session.end('banned');
  renderBanned(root, () => showSignIn());
}

function fail(error) {
  if (error instanceof SessionEndedError) {
    if (error.message === 'banned') showBanned();
    else showSignIn();
    return;
  }
  showSignIn(`Something went wrong: ${error.message}`);
}

// A session ends by logout, by a ban (said by the socket's 4403 or by a refused refresh), or elsewhere.
session.addEventListener('ended', (event) => {
  if (event.detail.reason === 'banned') {
    showBanned();
    return;
  }
  showSignIn(loggingOut ? null : 'You have been signed out.');
  loggingOut = false;
});

if (session.signedIn) {
  session.resume();
  start().catch(fail);
} else {
  showSignIn();
}
