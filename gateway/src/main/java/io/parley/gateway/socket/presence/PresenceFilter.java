package io.parley.gateway.socket.presence;

import io.parley.contract.frame.Presence;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The users one client was last told are online (in {@code ready} or a {@code presence} frame); anyone else it
 * takes as offline. Presence is announced by every presence instance and repeated once, so a frame that tells the
 * client nothing new is dropped.
 */
public final class PresenceFilter {

  private final Set<String> toldOnline = new HashSet<>();

  /** The users {@code ready} tells the client are online. */
  public void told(Collection<String> online) {
    // Interned: these ids arrive as fresh strings for every socket, and a socket remembers each online
    // roommate, so a user in a 50-member room would otherwise cost every socket 50 copies (about 3 KB).
    online.forEach(userId -> toldOnline.add(userId.intern()));
  }

  /** Whether a presence event changes what the client was told; if it does, it counts as told. */
  public boolean isNews(Presence event) {
    return event.online() ? toldOnline.add(event.userId()) : toldOnline.remove(event.userId());
  }
}
