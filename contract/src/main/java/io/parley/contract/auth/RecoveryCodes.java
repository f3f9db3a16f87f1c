package io.parley.contract.auth;

import io.parley.contract.bus.Codec;
import io.parley.contract.model.JsonValues;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** {@code {recoveryCodes:[...]}}: shown once, when two-factor sign-in is turned on; each signs in once. */
public record RecoveryCodes(List<String> codes) {

  public static final Codec<RecoveryCodes> CODEC = Codec.of(RecoveryCodes::toJson, RecoveryCodes::fromJson);

  public JsonObject toJson() {
    return new JsonObject().put("recoveryCodes", JsonValues.array(codes));
  }

  public static RecoveryCodes fromJson(JsonObject json) {
    return new RecoveryCodes(JsonValues.strings(json.getJsonArray("recoveryCodes")));
  }
}
