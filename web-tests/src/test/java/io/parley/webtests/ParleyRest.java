package io.parley.webtests;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The few REST calls the browser tests make beside the browsers: accounts and rooms made ahead of a scenario. */
final class ParleyRest {

  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;

  ParleyRest(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Signs up a user without opening any page: they exist, and are offline. Answers the user. */
  JsonObject register(String username, String password) {
    return register(username, password, null);
  }

  JsonObject register(String username, String password, String displayName) {
    JsonObject body = new JsonObject().put("username", username).put("password", password);
    return post("/api/users", null, displayName == null ? body : body.put("displayName", displayName), 201);
  }

  /** Logs in over REST only (no socket, so still offline); answers the access token. */
  String login(String username, String password) {
    return post("/api/login", null, new JsonObject().put("username", username).put("password", password), 200)
        .getString("accessToken");
  }

  JsonObject createRoom(String accessToken, String name) {
    return createRoom(accessToken, name, "");
  }

  JsonObject createRoom(String accessToken, String name, String description) {
    return post("/api/rooms", accessToken, new JsonObject().put("name", name).put("description", description), 201);
  }

  JsonObject joinRoom(String accessToken, String roomId) {
    return post("/api/rooms/" + roomId + "/join", accessToken, new JsonObject(), 200);
  }

  /** The direct room of the caller and that user, made now. */
  JsonObject directRoom(String accessToken, String userId) {
    return post("/api/dms", accessToken, new JsonObject().put("userId", userId), 201);
  }

  JsonObject sendMessage(String accessToken, String roomId, String text) {
    return post("/api/messages", accessToken, new JsonObject().put("roomId", roomId).put("text", text), 201);
  }

  /** Pins a message, as any member may. */
  JsonObject pin(String accessToken, String messageId) {
    return post("/api/messages/" + messageId + "/pin", accessToken, new JsonObject(), 200);
  }

  /** Posts a body to a full URL with no token (as a script posts to a webhook); answers the status. */
  int postTo(String url, String body) {
    return statusOf(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  /** The status a GET answers with this bearer token. */
  int status(String path, String bearerToken) {
    return statusOf(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Authorization", "Bearer " + bearerToken).GET().build());
  }

  private int statusOf(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private JsonObject post(String path, String accessToken, JsonObject body, int expected) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode()));
    if (accessToken != null) {
      builder.header("Authorization", "Bearer " + accessToken);
    }
    HttpRequest request = builder.build();
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
