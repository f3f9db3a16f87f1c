// The chat client: one part per concern, each applying its server frames to the store (frames.js says which
// part takes which frame) and offering its actions to the views. The parts reach each other through this
// object. Nothing here touches the DOM: the page's visibility comes in as `page`.

import { ConversationApi } from '../conversation-api.js';
import { applyFrame } from './frames.js';
import { History } from './history.js';
import { Messages } from './messages.js';
import { Outbox } from './outbox.js';
import { People } from './people.js';
import { Receipts } from './receipts.js';
import { Resume } from './resume.js';
import { Rooms } from './rooms.js';
import { Sync } from './sync.js';
import { Threads } from './threads.js';
import { Typing } from './typing.js';
import { Unread } from './unread.js';

/** Emits `ready` after every (re)connection, `synced` when a sync ends, `unseen` {room, message, mention}. */
export class ChatClient extends EventTarget {
  /** page: {visible, onChange(listener)}, whether a person can see the page. */
  constructor({ api, connection, store, page }) {
    super();
    this.api = api;
    this.connection = connection;
    this.store = store;
    this.page = page;
    this.conversations = new ConversationApi(api);
    this.people = new People(this);
    this.rooms = new Rooms(this);
    this.history = new History(this);
    this.threads = new Threads(this);
    this.messages = new Messages(this);
    this.sync = new Sync(this);
    this.resume = new Resume(this);
    this.outbox = new Outbox(this);
    this.typing = new Typing(this);
    this.unread = new Unread(this);
    this.receipts = new Receipts(this);
    connection.addEventListener('frame', (event) => applyFrame(this, event.detail));
  }
}
