package io.parley.contract.auth;

import io.parley.contract.RequestFields;
import io.parley.contract.bus.Codec;
import io.vertx.core.json.JsonObject;

/** An admin bans or unbans a user: {@code {userId, banned}}. */
public record UserBan(String userId, boolean banned) {

  public static final Codec<UserBan> CODEC = Codec.of(UserBan::toJson, UserBan::parse);

  public JsonObject toJson() {
    return new JsonObject().put("userId", userId).put("banned", banned);
  }

  /** {@code invalid_input} for a missing or non-boolean {@code banned}, then {@code not_found} for a bad id. */
  public static UserBan parse(JsonObject json) {
    RequestFields fields = RequestFields.of(json);
    Boolean banned = fields.optionalBoolean("banned");
    if (banned == null && !fields.has("banned")) {
      fields.reject("banned", "is required");
    }
    fields.throwIfInvalid();
    return new UserBan(UserIds.require(json.getValue("userId")), banned);
  }
}
