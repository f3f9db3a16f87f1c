package io.parley.contract.auth;

import io.parley.contract.Limits;
import io.parley.contract.RequestFields;
import io.parley.contract.bus.Codec;
import io.parley.contract.model.JsonValues;
import io.vertx.core.json.JsonObject;

/**
 * A login: {@code {username, password, clientAddress?}}. The client address is set by the gateway (never taken
 * from the client's body) so that failed logins are throttled per address too.
 */
public record Credentials(String username, String password, String clientAddress) {

  public static final Codec<Credentials> CODEC = Codec.of(Credentials::toJson, Credentials::parse);

  /** The same credentials, tried from this address (null when it is unknown). */
  public Credentials from(String address) {
    return new Credentials(username, password, address);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("username", username).put("password", password);
    return JsonValues.putIfPresent(json, "clientAddress", clientAddress);
  }

  /** Reads an untrusted login, refusing it with {@code invalid_input} listing every broken rule. */
  public static Credentials parse(JsonObject json) {
    RequestFields fields = RequestFields.of(json);
    String username = fields.requiredString("username", 1, 256);
    String password = fields.requiredString("password", 1, Limits.PASSWORD_MAX_CHARS);
    fields.throwIfInvalid();
    String clientAddress = json.getValue("clientAddress") instanceof String address ? address : null;
    return new Credentials(username, password, clientAddress);
  }
}
