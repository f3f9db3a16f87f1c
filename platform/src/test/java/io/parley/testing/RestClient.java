package io.parley.testing;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

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

  public Reply send(HttpMethod method, String path, String token, String rawBody) {
    return send(method, path, token, rawBody, java.util.Map.of());
  }

  public Reply send(HttpMethod method, String path, String token, String rawBody, java.util.Map<String, String> headers) {
    HttpRequest<Buffer> request = client.request(method, path);
    headers.forEach(request::putHeader);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    if (rawBody == null) {
      return reply(Await.result(request.send()));
    }
    request.putHeader("Content-Type", "application/json");
    return reply(Await.result(request.sendBuffer(Buffer.buffer(rawBody))));
  }

  private static Reply reply(HttpResponse<Buffer> response) {
    return new Reply(response.statusCode(), response);
  }

  public void close() {
    client.close();
  }
}
