package io.parley.bench;

/** A user the load generator acts as: its id and the access token its sockets authenticate with. */
public record Account(String userId, String username, String token) {
}
