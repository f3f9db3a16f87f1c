package io.parley.contract;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the fields of one untrusted JSON request, collecting every broken rule instead of stopping at the
 * first, so that the answer can list them all. Wrong JSON types are errors, never coerced: {@code
 * {"username":{"$ne":null}}} is refused as "must be a string" before it can reach a query.
 */
public final class RequestFields {

  private final JsonObject json;
  private final List<FieldError> errors = new ArrayList<>();

  private RequestFields(JsonObject json) {
    this.json = json == null ? new JsonObject() : json;
  }

  public static RequestFields of(JsonObject json) {
    return new RequestFields(json);
  }

  public String requiredString(String field, int minChars, int maxChars) {
    Object value = json.getValue(field);
    if (value == null) {
      return fail(field, "is required");
    }
    return checkString(field, value, minChars, maxChars);
  }

  public String optionalString(String field, int minChars, int maxChars) {
    Object value = json.getValue(field);
    return value == null ? null : checkString(field, value, minChars, maxChars);
  }

  public Long requiredLong(String field, long min, long max) {
    if (json.getValue(field) == null) {
      return fail(field, "is required");
    }
    return optionalLong(field, min, max);
  }

  /** An integer field; JSON numbers with a fraction and numeric strings are refused. */
  public Long optionalLong(String field, long min, long max) {
    Object value = json.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Integer || value instanceof Long)) {
      return fail(field, "must be a whole number");
    }
    long number = ((Number) value).longValue();
    if (number < min || number > max) {
      return fail(field, "must be between " + min + " and " + max);
    }
    return number;
  }

  /** A JSON boolean; the strings "true" and "false" are refused like any other non-boolean. */
  public Boolean optionalBoolean(String field) {
    Object value = json.getValue(field);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    return fail(field, "must be true or false");
  }

  public String optionalEnum(String field, List<String> allowed) {
    Object value = json.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text) || !allowed.contains(text)) {
      return fail(field, "must be one of " + String.join(", ", allowed));
    }
    return text;
  }

  /** Records a rule the caller checked itself. */
  public void reject(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  public boolean has(String field) {
    return json.getValue(field) != null;
  }

  public List<FieldError> errors() {
    return List.copyOf(errors);
  }

  /** Fails with {@code invalid_input} listing every broken rule, if there is any. */
  public void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw ServiceError.invalid(errors);
    }
  }

  private String checkString(String field, Object value, int minChars, int maxChars) {
    if (!(value instanceof String text)) {
      return fail(field, "must be a string");
    }
    int length = text.codePointCount(0, text.length());
    if (length < minChars) {
      return fail(field, minChars == 1 ? "must not be empty" : "must be at least " + minChars + " characters");
    }
    if (length > maxChars) {
      return fail(field, "must be at most " + maxChars + " characters");
    }
    return text;
  }

  private <T> T fail(String field, String message) {
    errors.add(new FieldError(field, message));
    return null;
  }
}
