package io.parley.contract.chat;

import io.parley.contract.Ids;
import io.parley.contract.Limits;
import io.parley.contract.RequestFields;
import io.parley.contract.auth.DisplayNames;
import io.parley.contract.bus.Codec;
import io.parley.contract.model.JsonValues;
import io.vertx.core.json.JsonObject;

/**
 * A message posted through an incoming webhook's url: {@code {hookId, secret, text, username?}}, the last two
 * from Slack's incoming-webhook body (its other fields, such as {@code icon_emoji} or {@code channel}, are
 * ignored). {@code text} follows a message's rules; {@code username}, when not blank, is shown as the sender
 * instead of the hook's name, cleaned as display names are. A hook id or secret that cannot be one is the same
 * {@code not_found} as an unknown hook.
 */
public record WebhookPost(String hookId, String secret, String text, String username) {

  public static final Codec<WebhookPost> CODEC = Codec.of(WebhookPost::toJson, WebhookPost::parse);

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("hookId", hookId).put("secret", secret).put("text", text);
    return JsonValues.putIfPresent(json, "username", username);
  }

  /** The body's rules first ({@code invalid_input} listing each), then the hook. */
  public static WebhookPost parse(JsonObject json) {
    RequestFields fields = RequestFields.of(json);
    String text = MessageTexts.read(fields, true);
    String username = json.getValue("username") instanceof String given && DisplayNames.clean(given).isEmpty()
        ? null
        : DisplayNames.name(fields, "username", false, Limits.DISPLAY_NAME_MAX_CHARS);
    fields.throwIfInvalid();
    if (!Ids.looksValid(json.getValue("hookId")) || !isSecret(json.getValue("secret"))) {
      throw WebhookRef.notFound();
    }
    return new WebhookPost(json.getString("hookId"), json.getString("secret"), text, username);
  }

  /** What an untrusted body posts through the hook and secret of a url. */
  public static WebhookPost parse(String hookId, String secret, JsonObject body) {
    return parse(body.copy().put("hookId", hookId).put("secret", secret));
  }

  private static boolean isSecret(Object value) {
    return value instanceof String secret && secret.length() == Webhook.SECRET_CHARS
        && secret.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
            || c == '-' || c == '_');
  }
}
