package io.parley.gateway.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The web app: the frontend module's {@code webroot/} at {@code /}, the browser libraries it uses from their
 * WebJars at {@code /webjars/}, and the app's own paths ({@code /admin}) answered with its page.
 *
 * <p>WebJar paths carry the library's version, so they are cached for a year; the app's own files are
 * revalidated on every load ({@code no-cache} with Last-Modified), so a new release is picked up at once.
 */
public final class WebApp {

  static final String WEBJARS_CACHE = "public, max-age=31536000, immutable";
  static final String APP_CACHE = "no-cache";
  /** Paths of the single-page app that are views of it, not files. */
  private static final String[] APP_VIEWS = {"/admin"};

  public void mount(Router router) {
    router.route("/webjars/*").method(HttpMethod.GET).method(HttpMethod.HEAD)
        .handler(cacheControl(WEBJARS_CACHE))
        .handler(StaticHandler.create("META-INF/resources/webjars").setDirectoryListing(false));
    for (String view : APP_VIEWS) {
      router.route(view).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(ctx -> ctx.reroute("/index.html"));
    }
    router.route("/*")
        .handler(cacheControl(APP_CACHE))
        .handler(StaticHandler.create("webroot").setIndexPage("index.html").setDirectoryListing(false));
  }

  /** Sets Cache-Control once the static handler has written its own headers, so this value wins. */
  private static Handler<RoutingContext> cacheControl(String value) {
    return ctx -> {
      ctx.addHeadersEndHandler(ignored -> {
        if (ctx.response().getStatusCode() < 400) {
          ctx.response().headers().set("Cache-Control", value);
        }
      });
      ctx.next();
    };
  }
}
