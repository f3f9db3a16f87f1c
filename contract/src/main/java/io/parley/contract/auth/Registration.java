package io.parley.contract.auth;

import io.parley.contract.Limits;
import io.parley.contract.RequestFields;
import io.parley.contract.bus.Codec;
import io.parley.contract.model.JsonValues;
import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;

/**
 * A sign-up: {@code {username, password, displayName?}}. The display name is kept cleaned ({@link DisplayNames});
 * whether the password is strong enough is auth-service's to judge ({@code weak_password}), once the fields are
 * well-formed.
 */
public record Registration(String username, String password, String displayName) {

  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{3,32}");

  public static final Codec<Registration> CODEC = Codec.of(Registration::toJson, Registration::parse);

  /** The name others see: the display name, or the username when there is none. */
  public String shownName() {
    return displayName == null || displayName.isEmpty() ? username : displayName;
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("username", username).put("password", password);
    return JsonValues.putIfPresent(json, "displayName", displayName);
  }

  /** Reads an untrusted sign-up, refusing it with {@code invalid_input} listing every broken rule. */
  public static Registration parse(JsonObject json) {
    RequestFields fields = RequestFields.of(json);
    String username = fields.requiredString("username", 1, 256);
    String password = fields.requiredString("password", 1, Integer.MAX_VALUE);
    String displayName = fields.optionalString("displayName", 0, DisplayNames.RAW_MAX_CHARS);
    if (username != null && !USERNAME.matcher(username).matches()) {
      fields.reject("username", "must be 3 to 32 letters, digits, '_', '.' or '-'");
    }
    String cleanDisplayName = displayName == null ? null : DisplayNames.clean(displayName);
    if (cleanDisplayName != null && DisplayNames.length(cleanDisplayName) > Limits.DISPLAY_NAME_MAX_CHARS) {
      fields.reject("displayName", "must be at most " + Limits.DISPLAY_NAME_MAX_CHARS + " characters");
    }
    fields.throwIfInvalid();
    return new Registration(username, password, cleanDisplayName);
  }
}
