// Which part of the client takes each server frame (docs/PROTOCOL.md). Frames that answer a request
// (`ack`, `error`, `synced`...) go to whoever asked, through the connection, and never come here.

export function applyFrame(client, frame) {
  switch (frame.type) {
    case 'ready': return client.resume.onReady(frame);
    case 'message':
    case 'message_updated':
    case 'message_deleted': return client.messages.onMessage(frame);
    case 'reaction': return client.messages.onReaction(frame);
    case 'typing': return client.typing.onTyping(frame);
    case 'presence': return client.people.onPresence(frame.userId, frame.status === 'online');
    case 'user_updated': return client.people.onUserUpdated(frame.user);
    case 'member_joined':
    case 'member_left': return client.rooms.onMember(frame);
    case 'membership': return client.rooms.onMembership(frame);
    case 'room_updated': return client.rooms.onRoomUpdated(frame);
    case 'delivered': return client.receipts.onDelivered(frame);
    case 'receipt': return client.receipts.onReceipt(frame);
    default: return undefined;
  }
}
