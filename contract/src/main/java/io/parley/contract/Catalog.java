package io.parley.contract;

import io.parley.contract.auth.AuthOperations;
import io.parley.contract.auth.PersonalTokenOperations;
import io.parley.contract.auth.ProfileOperations;
import io.parley.contract.auth.TwoFactorOperations;
import io.parley.contract.bus.Operation;
import io.parley.contract.bus.RawOperation;
import io.parley.contract.chat.ChatOperations;
import io.parley.contract.chat.WebhookOperations;
import io.parley.contract.file.FileOperations;
import io.parley.contract.presence.PresenceOperations;
import io.parley.contract.search.SearchOperations;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.TreeSet;

/**
 * Every request of the contract in one list: what may be asked over the event bus, for meters made before the
 * first request of each (a dashboard then shows 0, not nothing). AddressTableTest fails when a class holding
 * operations is missing here.
 */
public final class Catalog {

  static final List<Class<?>> HOLDERS = List.of(AuthOperations.class, ProfileOperations.class,
      TwoFactorOperations.class, PersonalTokenOperations.class, ChatOperations.class, WebhookOperations.class,
      FileOperations.class, SearchOperations.class, PresenceOperations.class);

  private Catalog() {
  }

  /** The address of every request, JSON or not, in order. */
  public static List<String> requestAddresses() {
    TreeSet<String> addresses = new TreeSet<>();
    for (Class<?> holder : HOLDERS) {
      for (Field field : holder.getFields()) {
        if (Modifier.isStatic(field.getModifiers()) && isRequest(field.getType())) {
          try {
            Object request = field.get(null);
            addresses.add(request instanceof Operation<?, ?> operation ? operation.address()
                : ((RawOperation) request).address());
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    return List.copyOf(addresses);
  }

  static boolean isRequest(Class<?> type) {
    return type == Operation.class || type == RawOperation.class;
  }
}
