package io.parley.chat.webhook;

import io.parley.contract.chat.Webhook;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code webhooks} collection: {@code {_id: hookId, roomId, name, hash, createdBy, createdAt, lastUsedAt?,
 * allowAt}}. Only the SHA-256 of a hook's secret is kept ({@code hash}); {@code allowAt} (epoch milliseconds) is
 * where the hook's rate stands ({@link HookRate}), so every chat-service instance, whichever gateway a post came
 * through, counts against the one record. Nothing keeps a copy of a hook: a removed one is gone for the next post.
 */
public final class WebhookStore {

  private static final String WEBHOOKS = "webhooks";

  private final MongoClient mongo;

  public WebhookStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  public Future<Void> createIndexes() {
    return mongo.createIndex(WEBHOOKS, new JsonObject().put("roomId", 1));
  }

  Future<Void> insert(JsonObject hook) {
    return mongo.insert(WEBHOOKS, hook).mapEmpty();
  }

  Future<JsonObject> find(String hookId) {
    return mongo.findOne(WEBHOOKS, new JsonObject().put("_id", hookId), null);
  }

  /** A room's hooks, the oldest first. */
  Future<List<JsonObject>> ofRoom(String roomId) {
    return mongo.find(WEBHOOKS, new JsonObject().put("roomId", roomId)).map(hooks -> hooks.stream()
        .sorted(Comparator.comparing((JsonObject hook) -> hook.getString("createdAt"))
            .thenComparing(hook -> hook.getString("_id")))
        .toList());
  }

  Future<Long> countOfRoom(String roomId) {
    return mongo.count(WEBHOOKS, new JsonObject().put("roomId", roomId));
  }

  /** Removes one hook of a room; answers whether there was one. */
  Future<Boolean> remove(String roomId, String hookId) {
    return mongo.removeDocument(WEBHOOKS, new JsonObject().put("_id", hookId).put("roomId", roomId))
        .map(result -> result != null && result.getRemovedCount() > 0);
  }

  /**
   * Moves the hook's rate on to {@code allowAt} and notes when it was used, unless another post did since
   * {@code seen} was read; answers whether this one did.
   */
  Future<Boolean> claim(JsonObject seen, long allowAt, String usedAt) {
    JsonObject unchanged = new JsonObject().put("_id", seen.getString("_id")).put("allowAt", seen.getValue("allowAt"));
    return mongo.updateCollection(WEBHOOKS, unchanged, new JsonObject().put("$set", new JsonObject()
            .put("allowAt", allowAt).put("lastUsedAt", usedAt)))
        .map(result -> result != null && result.getDocModified() > 0);
  }

  /** Every hook of a room that is being deleted. */
  public Future<Void> removeRoom(String roomId) {
    return mongo.removeDocuments(WEBHOOKS, new JsonObject().put("roomId", roomId)).mapEmpty();
  }

  /** The contract's webhook of a stored one, with the secret only when it was just made. */
  static Webhook toWebhook(JsonObject hook, String secret) {
    return new Webhook(hook.getString("_id"), hook.getString("roomId"), hook.getString("name"),
        hook.getString("createdBy"), hook.getString("createdAt"), hook.getString("lastUsedAt"), secret);
  }
}
