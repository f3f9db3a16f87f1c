package io.parley.testing;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.List;

/** A REST client for tests, as curl would be: raw bodies in, status and parsed JSON out. */
public final class RestClient {

  private final WebClient client;

  public RestClient(Vertx vertx, int port) {
    this.client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
  }

  /** One answer: status, headers and the body parsed as a JSON object when it is one. */
  public record Reply(int status, HttpResponse<Buffer> raw) {
    public JsonObject json() {
      return raw.bodyAsJsonObject();
    }

    public String header(String name) {
      return raw.getHeader(name);
    }

    public String code() {
      return json().getString("code");
    }
  }

  public Reply post(String path, JsonObject body) {
    return send(HttpMethod.POST, path, null, body == null ? null : body.encode());
  }

  public Reply post(String path, String token, JsonObject body) {
    return send(HttpMethod.POST, path, token, body == null ? null : body.encode());
  }

  public Reply get(String path, String token) {
    return send(HttpMethod.GET, path, token, null);
  }

  /** Every message of a room, oldest first, read a page of 100 at a time after the last one read. */
  public List<JsonObject> history(String roomId, String token) {
    List<JsonObject> all = new ArrayList<>();
    while (true) {
      long after = all.isEmpty() ? 0 : all.get(all.size() - 1).getLong("seq");
      Reply page = get("/api/rooms/" + roomId + "/messages?limit=100&after=" + after, token);
      if (page.status() != 200) {
        throw new IllegalStateException("history of " + roomId + ": " + page.raw().bodyAsString());
      }
      List<JsonObject> messages = page.json().getJsonArray("messages").stream().map(JsonObject.class::cast).toList();
      all.addAll(messages);
      if (messages.isEmpty() || !page.json().getBoolean("hasMore")) {
        return all;
      }
    }
  }

  public Reply put(String path, String token, JsonObject body) {
    return send(HttpMethod.PUT, path, token, body == null ? null : body.encode());
  }

  public Reply patch(String path, String token, JsonObject body) {
    return send(HttpMethod.PATCH, path, token, body == null ? null : body.encode());
  }

  public Reply delete(String path, String token) {
    return send(HttpMethod.DELETE, path, token, null);
  }

  public Reply send(HttpMethod method, String path, String token, String rawBody) {
    return Await.result(sendAsync(method, path, token, rawBody));
  }

  /** The same request with extra headers, such as X-Forwarded-For from a balancer. */
  public Reply send(HttpMethod method, String path, String token, String rawBody, java.util.Map<String, String> headers) {
    HttpRequest<Buffer> request = request(method, path, token);
    headers.forEach(request::putHeader);
    if (rawBody != null) {
      request.putHeader("Content-Type", "application/json");
      return reply(Await.result(request.sendBuffer(Buffer.buffer(rawBody))));
    }
    return reply(Await.result(request.send()));
  }

  /** The same request, not waited for: for tests that race requests against each other. */
  public Future<Reply> sendAsync(HttpMethod method, String path, String token, String rawBody) {
    HttpRequest<Buffer> request = request(method, path, token);
    if (rawBody == null) {
      return request.send().map(RestClient::reply);
    }
    request.putHeader("Content-Type", "application/json");
    return request.sendBuffer(Buffer.buffer(rawBody)).map(RestClient::reply);
  }

  /** A body of any type, as given: multipart uploads, bodies that are not JSON. */
  public Reply sendBytes(HttpMethod method, String path, String token, String contentType, Buffer body) {
    HttpRequest<Buffer> request = request(method, path, token);
    if (contentType != null) {
      request.putHeader("Content-Type", contentType);
    }
    return reply(Await.result(request.sendBuffer(body), 60));
  }

  /** A body streamed from a ReadStream, with the headers given (Content-Length among them, or chunked). */
  public Reply sendStream(HttpMethod method, String path, String token, MultiMap headers, ReadStream<Buffer> body) {
    HttpRequest<Buffer> request = request(method, path, token);
    request.putHeaders(headers);
    return reply(Await.result(request.sendStream(body), 60));
  }

  private HttpRequest<Buffer> request(HttpMethod method, String path, String token) {
    HttpRequest<Buffer> request = client.request(method, path);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    return request;
  }

  private static Reply reply(HttpResponse<Buffer> response) {
    return new Reply(response.statusCode(), response);
  }

  public void close() {
    client.close();
  }
}
