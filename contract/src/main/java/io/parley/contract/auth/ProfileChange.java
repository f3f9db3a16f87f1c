package io.parley.contract.auth;

import io.parley.contract.Limits;
import io.parley.contract.RequestFields;
import io.parley.contract.bus.Codec;
import io.parley.contract.model.JsonValues;
import io.vertx.core.json.JsonObject;

/**
 * A change to one's own profile: {@code {displayName?, statusText?, statusEmoji?}}; a field left out stays as
 * it is, {@code ""} clears it (an empty display name shows the username again). Values are kept cleaned as
 * {@link DisplayNames} says; a status emoji is one emoji (sequences included) or a short code such as
 * {@code :palm_tree:}, without spaces.
 */
public record ProfileChange(String displayName, String statusText, String statusEmoji) {

  public static final Codec<ProfileChange> CODEC = Codec.of(ProfileChange::toJson, ProfileChange::parse);

  public boolean isEmpty() {
    return displayName == null && statusText == null && statusEmoji == null;
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    JsonValues.putIfPresent(json, "displayName", displayName);
    JsonValues.putIfPresent(json, "statusText", statusText);
    return JsonValues.putIfPresent(json, "statusEmoji", statusEmoji);
  }

  /** Reads an untrusted change, refusing it with {@code invalid_input} listing every broken rule. */
  public static ProfileChange parse(JsonObject json) {
    RequestFields fields = RequestFields.of(json);
    String displayName = cleaned(fields, "displayName", Limits.DISPLAY_NAME_MAX_CHARS, false);
    String statusText = cleaned(fields, "statusText", Limits.STATUS_TEXT_MAX_CHARS, true);
    String statusEmoji = cleaned(fields, "statusEmoji", Limits.EMOJI_MAX_CHARS, true);
    if (statusEmoji != null && DisplayNames.length(statusEmoji) <= Limits.EMOJI_MAX_CHARS
        && statusEmoji.codePoints().anyMatch(Character::isWhitespace)) {
      fields.reject("statusEmoji", "must be one emoji or a short code, without spaces");
    }
    fields.throwIfInvalid();
    return new ProfileChange(displayName, statusText, statusEmoji);
  }

  private static String cleaned(RequestFields fields, String field, int maxChars, boolean status) {
    String raw = fields.optionalString(field, 0, DisplayNames.RAW_MAX_CHARS);
    if (raw == null) {
      return null;
    }
    String clean = status ? DisplayNames.cleanStatus(raw) : DisplayNames.clean(raw);
    if (DisplayNames.length(clean) > maxChars) {
      fields.reject(field, "must be at most " + maxChars + " characters");
    }
    return clean;
  }
}
