package io.parley.contract.auth;

import io.parley.contract.Ids;
import io.parley.contract.ServiceError;
import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.List;

/** The user ids of requests: a value that cannot be an id names no user, whatever it is ({"$ne":null} too). */
final class UserIds {

  private UserIds() {
  }

  /** The id, or {@code not_found} for anything that cannot be one. */
  static String require(Object candidate) {
    if (!Ids.looksValid(candidate)) {
      throw ServiceError.notFound("User");
    }
    return (String) candidate;
  }

  /** The values of the array that can be ids; everything else is skipped. */
  static List<String> among(Object candidates) {
    List<String> ids = new ArrayList<>();
    if (candidates instanceof JsonArray array) {
      array.forEach(id -> {
        if (Ids.looksValid(id)) {
          ids.add((String) id);
        }
      });
    }
    return List.copyOf(ids);
  }
}
