package io.parley.contract.auth;

import io.parley.contract.RequestFields;
import io.parley.contract.bus.Codec;
import io.parley.contract.model.JsonValues;
import io.vertx.core.json.JsonObject;

/**
 * A user list's filter: {@code {q?, online?, limit?}}. Users whose username starts with {@code q} (ignoring case
 * and surrounding blanks), by username, at most {@code limit}; {@code online:true} keeps only users online.
 */
public record UserSearch(String q, Boolean online, Integer limit) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 100;
  private static final int QUERY_MAX_CHARS = 64;

  public static final Codec<UserSearch> CODEC = Codec.of(UserSearch::toJson, UserSearch::parse);

  /** Everyone, as far as the default limit goes. */
  public static UserSearch all() {
    return new UserSearch(null, null, null);
  }

  /** What usernames must start with: "" for any. */
  public String prefix() {
    return q == null ? "" : q.strip();
  }

  public boolean onlineOnly() {
    return Boolean.TRUE.equals(online);
  }

  public int max() {
    return limit == null ? DEFAULT_LIMIT : limit;
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    JsonValues.putIfPresent(json, "q", q);
    JsonValues.putIfPresent(json, "online", online);
    return JsonValues.putIfPresent(json, "limit", limit);
  }

  /** Reads an untrusted filter, refusing it with {@code invalid_input} listing every broken rule. */
  public static UserSearch parse(JsonObject json) {
    RequestFields fields = RequestFields.of(json);
    String query = fields.optionalString("q", 0, QUERY_MAX_CHARS);
    Boolean online = fields.optionalBoolean("online");
    Long limit = fields.optionalLong("limit", 1, MAX_LIMIT);
    fields.throwIfInvalid();
    return new UserSearch(query, online, limit == null ? null : limit.intValue());
  }
}
