package io.parley.contract.model;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The few conversions every record's codec needs between JSON and Java values. */
public final class JsonValues {

  private JsonValues() {
  }

  /** Puts the value unless it is null: optional fields are left out, never sent as null. */
  public static JsonObject putIfPresent(JsonObject json, String field, Object value) {
    if (value != null) {
      json.put(field, value);
    }
    return json;
  }

  /** The strings of a JSON array (null for an absent one gives an empty list); other values are skipped. */
  public static List<String> strings(JsonArray array) {
    if (array == null) {
      return List.of();
    }
    List<String> strings = new ArrayList<>(array.size());
    for (Object value : array) {
      if (value instanceof String text) {
        strings.add(text);
      }
    }
    return List.copyOf(strings);
  }

  public static JsonArray array(List<?> values) {
    return new JsonArray(new ArrayList<>(values));
  }

  /** A JSON object of string arrays, such as a message's reactions, in the object's order. */
  public static Map<String, List<String>> stringLists(JsonObject object) {
    Map<String, List<String>> lists = new LinkedHashMap<>();
    if (object != null) {
      object.forEach(entry -> lists.put(entry.getKey(), strings(entry.getValue() instanceof JsonArray a ? a : null)));
    }
    return lists;
  }

  public static JsonObject object(Map<String, List<String>> lists) {
    JsonObject object = new JsonObject();
    lists.forEach((key, values) -> object.put(key, array(values)));
    return object;
  }

  /** A list of records as a JSON array, each encoded by the given function. */
  public static <T> JsonArray encodeAll(List<T> items, java.util.function.Function<T, JsonObject> encode) {
    JsonArray array = new JsonArray();
    items.forEach(item -> array.add(encode.apply(item)));
    return array;
  }

  /** The JSON objects of an array, each decoded by the given function; other values are skipped. */
  public static <T> List<T> decodeAll(JsonArray array, java.util.function.Function<JsonObject, T> decode) {
    if (array == null) {
      return List.of();
    }
    List<T> items = new ArrayList<>(array.size());
    for (Object value : array) {
      if (value instanceof JsonObject object) {
        items.add(decode.apply(object));
      }
    }
    return List.copyOf(items);
  }
}
