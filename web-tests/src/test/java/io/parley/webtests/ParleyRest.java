package io.parley.webtests;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The few REST calls the browser tests make around the browsers: accounts made ahead of a scenario. */
final class ParleyRest {

  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;

  ParleyRest(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Signs up a user without logging in anywhere: they exist, and are offline. Answers the user. */
  JsonObject register(String username, String password) {
    JsonObject answer = post("/api/users", new JsonObject().put("username", username).put("password", password), 201);
    return answer;
  }

  private JsonObject post(String path, JsonObject body, int expected) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode()))
        .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expected) {
        throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
      }
      return new JsonObject(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
