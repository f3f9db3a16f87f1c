package io.parley.contract.auth;

import io.parley.contract.Limits;
import io.parley.contract.RequestFields;
import io.parley.contract.bus.Codec;
import io.parley.contract.model.JsonValues;
import io.vertx.core.json.JsonObject;

/**
 * A login: {@code {username, password, totp?, clientAddress?, userAgent?}}. {@code totp} is a current code of
 * the user's authenticator app or an unused recovery code, needed once two-factor sign-in is on. The client
 * address and user agent are set by the gateway (never taken from the client's body): failed logins are
 * throttled per address too, and the session remembers both for its owner's list of sessions.
 */
public record Credentials(String username, String password, String totp, String clientAddress, String userAgent) {

  /** A browser's User-Agent is shown in the list of sessions; longer ones are cut. */
  public static final int USER_AGENT_MAX_CHARS = 256;

  public static final Codec<Credentials> CODEC = Codec.of(Credentials::toJson, Credentials::parse);

  /** Credentials without a second factor or a user agent. */
  public Credentials(String username, String password, String clientAddress) {
    this(username, password, null, clientAddress, null);
  }

  /** The same credentials, tried from this address (null when it is unknown). */
  public Credentials from(String address) {
    return from(address, userAgent);
  }

  /** The same credentials, tried from this address with this User-Agent (cut to its maximum length). */
  public Credentials from(String address, String agent) {
    String cut = agent == null || agent.length() <= USER_AGENT_MAX_CHARS ? agent
        : agent.substring(0, USER_AGENT_MAX_CHARS);
    return new Credentials(username, password, totp, address, cut);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("username", username).put("password", password);
    JsonValues.putIfPresent(json, "totp", totp);
    JsonValues.putIfPresent(json, "userAgent", userAgent);
    return JsonValues.putIfPresent(json, "clientAddress", clientAddress);
  }

  /** Reads an untrusted login, refusing it with {@code invalid_input} listing every broken rule. */
  public static Credentials parse(JsonObject json) {
    RequestFields fields = RequestFields.of(json);
    String username = fields.requiredString("username", 1, 256);
    String password = fields.requiredString("password", 1, Limits.PASSWORD_MAX_CHARS);
    String totp = fields.optionalString("totp", 1, TotpCode.CODE_MAX_CHARS);
    fields.throwIfInvalid();
    String clientAddress = json.getValue("clientAddress") instanceof String address ? address : null;
    String userAgent = json.getValue("userAgent") instanceof String agent ? agent : null;
    return new Credentials(username, password, totp, clientAddress, userAgent);
  }
}
