package io.parley.gateway.http;

import io.vertx.core.http.HttpServerRequest;
import java.util.Locale;

/**
 * The origin a request came to, as its client sees this server: the scheme and the {@code Host} header, lowercase,
 * without the scheme's default port. Behind a trusted proxy the scheme is the client's, from {@code
 * X-Forwarded-Proto} (the proxy passes the Host on). What a socket handshake's {@code Origin} is compared with, and
 * what a webhook's url is built on.
 */
public final class RequestOrigin {

  private final boolean trustForwarded;

  public RequestOrigin(boolean trustForwarded) {
    this.trustForwarded = trustForwarded;
  }

  /** {@code scheme://host[:port]}; null for a request without a Host header. */
  public String of(HttpServerRequest request) {
    String host = request.getHeader("Host");
    if (host == null) {
      return null;
    }
    String scheme = request.scheme();
    String forwarded = trustForwarded ? request.getHeader("X-Forwarded-Proto") : null;
    if (forwarded != null && !forwarded.isBlank()) {
      scheme = forwarded.split(",")[0].strip();
    }
    return withoutDefaultPort((scheme + "://" + host.strip()).toLowerCase(Locale.ROOT));
  }

  /** {@code http://a:80} is the origin {@code http://a}, and {@code https://a:443} is {@code https://a}. */
  public static String withoutDefaultPort(String origin) {
    if (origin.startsWith("http://") && origin.endsWith(":80")) {
      return origin.substring(0, origin.length() - 3);
    }
    if (origin.startsWith("https://") && origin.endsWith(":443")) {
      return origin.substring(0, origin.length() - 4);
    }
    return origin;
  }
}
