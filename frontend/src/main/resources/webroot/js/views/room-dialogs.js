// Dialogs about rooms and people: create a room, browse and join rooms, invite to a private room, see a
// room's members, and find a person to message.

import { avatar, h, icon, replaceChildren, toast } from '../dom.js';
import { displayName, statusLabel } from '../format.js';
import { errorLine, formField, openDialog } from './dialog.js';

export function createRoomDialog(ctx) {
  const name = formField('room-name', 'Name', h('input', { class: 'input', required: true, maxlength: '64', autocomplete: 'off' }),
    'Names are unique, ignoring case.');
  const description = formField('room-description', 'Description (optional)', h('input', { class: 'input', maxlength: '256' }));
  const isPrivate = h('input', { type: 'checkbox', id: 'room-private', class: 'checkbox' });
  const error = errorLine();
  const submit = h('button', { type: 'submit', class: 'button primary', form: 'create-room-form' }, 'Create room');
  const form = h('form', {
    id: 'create-room-form',
    class: 'dialog-form',
    onsubmit: async (event) => {
      event.preventDefault();
      submit.disabled = true;
      error.show(null);
      try {
        const room = await ctx.client.rooms.create({
          name: name.input.value.trim(),
          description: description.input.value.trim(),
          type: isPrivate.checked ? 'private' : 'public',
        });
        close();
        await ctx.client.rooms.open(room.id);
      } catch (failure) {
        error.show(failure.code === 'name_taken' ? 'A room with that name exists already.' : failure.message);
        submit.disabled = false;
      }
    },
  }, name.wrap, description.wrap,
  h('div', { class: 'field checkbox-field' }, isPrivate,
    h('label', { for: 'room-private' }, 'Private', h('span', { class: 'hint' }, ' — only people you invite can join'))),
  error.line);
  const { close } = openDialog({
    title: 'Create a room',
    body: form,
    actions: [h('button', { type: 'button', class: 'button', onclick: () => close() }, 'Cancel'), submit],
  });
  name.input.focus();
}

export function browseRoomsDialog(ctx) {
  const search = h('input', { type: 'search', id: 'room-search', class: 'input', placeholder: 'Filter rooms', 'aria-label': 'Filter rooms' });
  const list = h('ul', { class: 'pick-list', 'aria-label': 'Rooms' });
  const error = errorLine();
  let rooms = [];
  const draw = () => {
    const filter = search.value.trim().toLowerCase();
    const shown = rooms.filter((room) => room.type !== 'direct' && room.name.toLowerCase().includes(filter));
    if (!shown.length) {
      replaceChildren(list, h('li', { class: 'empty' }, rooms.length ? 'No room matches.' : 'No rooms yet. Create the first one!'));
      return;
    }
    replaceChildren(list, shown.map((room) => {
      const member = ctx.store.rooms.has(room.id);
      return h('li', { class: 'pick-item' },
        h('span', { class: 'pick-icon' }, icon(room.type === 'private' ? 'lock' : 'hash')),
        h('div', { class: 'pick-text' },
          h('span', { class: 'pick-name' }, room.name),
          h('span', { class: 'pick-detail' }, [room.description, `${room.memberCount} member${room.memberCount === 1 ? '' : 's'}`]
            .filter(Boolean).join(' · '))),
        h('button', {
          type: 'button',
          class: ['button', 'small', member ? '' : 'primary'],
          'aria-label': `${member ? 'Open' : 'Join'} ${room.name}`,
          onclick: async () => {
            try {
              if (!member) await ctx.client.rooms.join(room.id);
              close();
              await ctx.client.rooms.open(room.id);
            } catch (failure) {
              error.show(failure.code === 'room_full' ? `#${room.name} is full.` : failure.message);
            }
          },
        }, member ? 'Open' : 'Join'));
    }));
  };
  search.addEventListener('input', draw);
  const { close } = openDialog({
    title: 'Browse rooms',
    className: 'dialog-list',
    body: [search, error.line, list],
    actions: [h('button', { type: 'button', class: 'button', onclick: () => { close(); ctx.createRoom(); } }, icon('plus'), 'Create a room')],
  });
  replaceChildren(list, h('li', { class: 'empty' }, 'Loading rooms…'));
  ctx.api.rooms().then((answer) => {
    rooms = answer.rooms ?? [];
    draw();
  }).catch((failure) => {
    replaceChildren(list);
    error.show(`Could not load the rooms: ${failure.message}`);
  });
  search.focus();
}

/** A searchable list of people, each with one action button. */
function peoplePicker(ctx, { label, actionLabel, onPick, exclude = () => false }) {
  const search = h('input', { type: 'search', class: 'input', placeholder: 'Search people', 'aria-label': 'Search people' });
  const list = h('ul', { class: 'pick-list', 'aria-label': label });
  const error = errorLine();
  let query = 0;
  const load = async () => {
    const mine = ++query;
    try {
      const answer = await ctx.api.users({ q: search.value.trim() });
      if (mine !== query) return;
      const users = (answer.users ?? []).filter((user) => user.id !== ctx.store.me.id && !exclude(user));
      if (!users.length) {
        replaceChildren(list, h('li', { class: 'empty' }, 'Nobody found.'));
        return;
      }
      replaceChildren(list, users.map((user) => personItem(ctx, user,
        h('button', { type: 'button', class: 'button small primary', 'aria-label': `${actionLabel} ${displayName(user)}`,
          onclick: () => onPick(user, error) }, actionLabel))));
    } catch (failure) {
      error.show(failure.message);
    }
  };
  let timer = null;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(load, 200);
  });
  load();
  return { search, body: [search, error.line, list] };
}

/** A person in a list: avatar, presence, name, username and status; with opensProfile, a click shows their profile. */
export function personItem(ctx, user, actions, opensProfile = false) {
  const online = user.online ?? ctx.store.isOnline(user.id);
  const status = statusLabel(user);
  const who = [
    h('span', { class: 'avatar-wrap' }, avatar(user),
      h('span', { class: ['presence-dot', online ? 'online' : 'offline'], role: 'img', 'aria-label': online ? 'online' : 'offline' })),
    h('span', { class: 'pick-text' },
      h('span', { class: 'pick-name' }, displayName(user)),
      h('span', { class: 'pick-detail' }, status ? `@${user.username} · ${status}` : `@${user.username}`)),
  ];
  return h('li', { class: 'pick-item', dataset: { userId: user.id } },
    opensProfile ? h('button', { type: 'button', class: 'pick-person', 'aria-haspopup': 'dialog',
      onclick: () => ctx.openProfile(user) }, who) : who,
    actions);
}

export function newMessageDialog(ctx) {
  const picker = peoplePicker(ctx, {
    label: 'People',
    actionLabel: 'Message',
    onPick: async (user, error) => {
      try {
        close();
        await ctx.client.rooms.directMessage(user);
      } catch (failure) {
        error.show(failure.message);
      }
    },
  });
  const { close } = openDialog({ title: 'New message', className: 'dialog-list', body: picker.body });
  picker.search.focus();
}

export function inviteDialog(ctx, room) {
  const picker = peoplePicker(ctx, {
    label: 'People to invite',
    actionLabel: 'Invite',
    onPick: async (user, error) => {
      try {
        await ctx.api.invite(room.id, user.id);
        toast(`${displayName(user)} was added to #${room.name}.`);
        close();
      } catch (failure) {
        error.show(failure.code === 'room_full' ? 'The room is full.' : failure.message);
      }
    },
  });
  const { close } = openDialog({ title: `Invite to #${room.name}`, className: 'dialog-list', body: picker.body });
  picker.search.focus();
}

/** A room's members, each opening their profile; avatars and status fill in as whole records arrive. */
export function membersDialog(ctx, room) {
  const { store, client } = ctx;
  const list = h('ul', { class: 'pick-list', 'aria-label': 'Members' }, h('li', { class: 'empty' }, 'Loading members…'));
  const error = errorLine();
  const { dialog } = openDialog({ title: `Members of #${room.name}`, className: 'dialog-list', body: [error.line, list] });
  let members = null;
  const draw = () => {
    if (!members) return;
    const shown = members.map((member) => ({ ...member, ...whole(store.users.get(member.id)) }))
      .sort((a, b) => Number(b.online) - Number(a.online) || displayName(a).localeCompare(displayName(b)));
    replaceChildren(list, shown.map((member) => personItem(ctx, member,
      member.id === store.me.id ? h('span', { class: 'you-tag' }, 'you')
        : h('button', { type: 'button', class: 'button small', 'aria-label': `Message ${displayName(member)}`,
          onclick: () => {
            dialog.close();
            client.rooms.directMessage(member).catch((failure) => toast(failure.message, 'error'));
          } }, 'Message'), true)));
  };
  store.addEventListener('users', draw);
  dialog.addEventListener('close', () => store.removeEventListener('users', draw));
  ctx.api.room(room.id).then((answer) => {
    members = answer.members ?? [];
    for (const member of members) client.people.learn(member);
    draw();
  }).catch((failure) => {
    replaceChildren(list);
    error.show(failure.message);
  });
}

/** What a whole user record adds to a member's {id, username, displayName, online}. */
function whole(user) {
  if (typeof user?.hasAvatar !== 'boolean') return {};
  const { displayName: name, statusText, statusEmoji, hasAvatar, avatarUrl } = user;
  return { displayName: name, statusText, statusEmoji, hasAvatar, avatarUrl };
}
