// A room's members for its owners and admins: each with "Owner" or "Make owner", and "Remove" (the removed
// person's open pages drop the room at once). Fetched again whenever someone joins, leaves or becomes an owner.

import { h, replaceChildren } from '../../dom.js';
import { displayName } from '../../format.js';
import { confirmDialog, errorLine } from '../dialog.js';
import { failureMessage } from '../forms.js';
import { personItem } from '../room-dialogs.js';
import { section } from '../settings/parts.js';

export function membersSection(ctx, scope) {
  const { store, client, api, roomId } = ctx;
  const list = h('ul', { class: 'pick-list', 'aria-label': 'Members', 'aria-busy': 'true' },
    h('li', { class: 'empty' }, 'Loading members…'));
  const error = errorLine();
  let members = [];

  const act = async (action) => {
    error.show(null);
    try {
      await action();
    } catch (failure) {
      if (scope.current) error.show(failureMessage(failure));
    }
  };

  const actionsOf = (member, owners) => {
    const name = displayName(member);
    const owner = owners.includes(member.id);
    return h('span', { class: 'member-actions' },
      owner ? h('span', { class: 'tag' }, 'Owner')
        : h('button', { type: 'button', class: 'button small', 'aria-label': `Make ${name} an owner`,
          onclick: () => act(() => client.rooms.addOwner(roomId, member.id)) }, 'Make owner'),
      member.id === store.me.id ? h('span', { class: 'you-tag' }, 'you')
        : h('button', { type: 'button', class: 'button small danger', 'aria-label': `Remove ${name}`,
          onclick: async () => {
            const room = store.rooms.get(roomId);
            if (!await confirmDialog('Remove member', `Remove ${name} from #${room?.name}? They can no longer read it.`, 'Remove', true)) return;
            await act(() => client.conversations.removeMember(roomId, member.id));
          } }, 'Remove'));
  };

  const draw = () => {
    if (!scope.current) return;
    const owners = store.rooms.get(roomId)?.owners ?? [];
    const shown = [...members].sort((a, b) => Number(owners.includes(b.id)) - Number(owners.includes(a.id))
      || displayName(a).localeCompare(displayName(b)));
    replaceChildren(list, shown.map((member) => personItem(ctx, { ...member, ...store.users.get(member.id) },
      actionsOf(member, owners))));
  };

  const load = async () => {
    try {
      const room = await api.room(roomId);
      members = room.members ?? [];
      for (const member of members) client.people.learn(member);
      draw();
    } catch (failure) {
      if (scope.current) error.show(`Could not load the members: ${failureMessage(failure)}`);
    }
    list.setAttribute('aria-busy', 'false');
  };

  scope.listen(store, 'members', (event) => event.detail.roomId === roomId && load());
  scope.listen(store, 'rooms', draw);
  scope.listen(store, 'users', draw);
  load();
  return section('room-settings-members', 'Members', 'Owners and admins may rename the room, remove members and make owners.',
    error.line, list);
}
