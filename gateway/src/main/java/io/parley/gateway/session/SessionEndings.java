package io.parley.gateway.session;

import java.util.Set;

/** What the gateway does with its open sockets when auth-service ends sessions. */
@FunctionalInterface
public interface SessionEndings {

  /** Closes the sockets of these sessions of the user, or every socket of the user when they are banned. */
  void ended(String userId, Set<String> sessionIds, boolean banned);
}
