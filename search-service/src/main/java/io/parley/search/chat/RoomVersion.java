package io.parley.search.chat;

/** A room and the version of its latest timeline change (0 for a room without any). */
public record RoomVersion(String roomId, long version) {
}
