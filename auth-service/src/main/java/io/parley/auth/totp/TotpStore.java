package io.parley.auth.totp;

import io.parley.platform.MongoStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.List;

/**
 * The {@code totp_secrets} collection: one record per user who enrolled, {@code {_id: userId, secret (sealed),
 * active, lastStep, recoveryCodes:[sha256]}}. Every use of a code is one conditional update, so of two logins
 * racing with the same code or recovery code exactly one wins.
 */
final class TotpStore {

  static final String SECRETS = "totp_secrets";

  private final MongoClient mongo;

  TotpStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** The user's record, or null. */
  Future<JsonObject> find(String userId) {
    return mongo.findOne(SECRETS, new JsonObject().put("_id", userId), null);
  }

  /** Stores a secret awaiting confirmation; answers false when two-factor sign-in is on already. */
  Future<Boolean> startEnrolment(String userId, String sealedSecret) {
    JsonObject pending = new JsonObject().put("_id", userId).put("secret", sealedSecret).put("active", false)
        .put("lastStep", 0L).put("recoveryCodes", new JsonArray()).put("createdAt", Instant.now().toString());
    return mongo.replaceDocumentsWithOptions(SECRETS, new JsonObject().put("_id", userId).put("active", false),
            pending, new UpdateOptions().setUpsert(true))
        .map(ignored -> true)
        .recover(failure -> MongoStore.isDuplicateKey(failure)
            ? Future.succeededFuture(false)
            : Future.failedFuture(failure));
  }

  /** Turns on the pending secret that was confirmed at {@code step}; false when it changed meanwhile. */
  Future<Boolean> activate(String userId, String sealedSecret, long step, List<String> recoveryCodeHashes) {
    JsonObject pending = new JsonObject().put("_id", userId).put("active", false).put("secret", sealedSecret);
    JsonObject on = new JsonObject().put("$set", new JsonObject().put("active", true).put("lastStep", step)
        .put("recoveryCodes", new JsonArray(recoveryCodeHashes)).put("confirmedAt", Instant.now().toString()));
    return updated(pending, on);
  }

  /** Records that the code of {@code step} was used; false when that step or a later one was used already. */
  Future<Boolean> useStep(String userId, long step) {
    JsonObject earlier = new JsonObject().put("_id", userId).put("active", true)
        .put("lastStep", new JsonObject().put("$lt", step));
    return updated(earlier, new JsonObject().put("$set", new JsonObject().put("lastStep", step)));
  }

  /** Spends a recovery code; false when it is not one of the user's unused codes. */
  Future<Boolean> useRecoveryCode(String userId, String codeHash) {
    JsonObject holding = new JsonObject().put("_id", userId).put("active", true).put("recoveryCodes", codeHash);
    return updated(holding, new JsonObject().put("$pull", new JsonObject().put("recoveryCodes", codeHash)));
  }

  Future<Void> remove(String userId) {
    return mongo.removeDocument(SECRETS, new JsonObject().put("_id", userId)).mapEmpty();
  }

  private Future<Boolean> updated(JsonObject query, JsonObject update) {
    return mongo.updateCollection(SECRETS, query, update).map(result -> result.getDocModified() == 1);
  }
}
