package io.parley.auth.account;

import io.parley.platform.MongoStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;

/**
 * The {@code auth_flags} collection: markers only one account may ever hold, such as being the first account.
 * A claim is the insert of the flag's {@code _id}, so of two racing claims exactly one wins.
 */
final class AuthFlags {

  static final String FLAGS = "auth_flags";

  private final MongoClient mongo;

  AuthFlags(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** True when this call claimed the flag for the user, false when it was claimed before. */
  Future<Boolean> claim(String flag, String userId) {
    return mongo.insert(FLAGS, new JsonObject().put("_id", flag).put("userId", userId))
        .map(ignored -> true)
        .recover(failure -> MongoStore.isDuplicateKey(failure)
            ? Future.succeededFuture(false)
            : Future.failedFuture(failure));
  }

  /** Gives back a flag the user claimed, for when the account was not created after all. */
  Future<Void> release(String flag, String userId) {
    return mongo.removeDocument(FLAGS, new JsonObject().put("_id", flag).put("userId", userId)).mapEmpty();
  }
}
