package io.parley.search.chat;

import io.parley.contract.model.Message;

/** One change of a room's timeline, which took {@code version}: the message it touched, as it now is. */
public record TimelineChange(String roomId, long version, Message message) {
}
