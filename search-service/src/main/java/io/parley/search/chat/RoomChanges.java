package io.parley.search.chat;

import io.parley.contract.model.Message;
import java.util.List;

/**
 * The changes of a room up to {@code version}: every message they touched, as it now is. {@code complete:false}
 * means more changes follow from {@code version}.
 */
public record RoomChanges(String roomId, long version, boolean complete, List<Message> messages) {
}
