package io.parley.gateway.http.account;

import io.parley.contract.Limits;
import io.parley.contract.auth.AvatarImage;
import io.parley.contract.auth.ProfileChange;
import io.parley.contract.auth.ProfileService;
import io.parley.contract.model.User;
import io.parley.gateway.http.Authentication;
import io.parley.gateway.http.Problems;
import io.parley.gateway.http.Replies;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A user's profile: display name and status ({@code PATCH /api/users/me}) and avatar ({@code PUT}, {@code DELETE}
 * and {@code GET /api/users/{id}/avatar}). Changes count against the user's {@link ChangeAllowance}.
 */
public final class ProfileRoutes {

  /** A year: the URL of an avatar names its version, so what it serves never changes. */
  private static final String FOREVER = "public, max-age=31536000, immutable";

  private final ProfileService profiles;
  private final Authentication authentication;
  private final ChangeAllowance allowance;
  private final AvatarImages images;

  public ProfileRoutes(ProfileService profiles, Authentication authentication, ChangeAllowance allowance,
      AvatarImages images) {
    this.profiles = profiles;
    this.authentication = authentication;
    this.allowance = allowance;
    this.images = images;
  }

  /**
   * Mounted ahead of the JSON body handler: an avatar is read whole up to 2 MiB ({@code too_large} beyond), only
   * once its sender is known and within their allowance. Its download needs no token, as an {@code <img>} sends
   * none: the user's id is unguessable, and only signed-in users learn it.
   */
  public void mountAvatars(Router router) {
    router.put("/api/users/me/avatar")
        .handler(ctx -> {
          ctx.request().pause();
          ctx.next();
        })
        .handler(authentication)
        .handler(allowance)
        .handler(this::setAvatar);
    router.get("/api/users/:id/avatar").handler(this::avatar);
  }

  /** Routes behind the authentication gate. */
  public void mount(Router router) {
    router.patch("/api/users/me").handler(allowance).handler(ctx -> Replies.withBody(ctx, 200, body ->
        profiles.updateProfile(Authentication.actor(ctx), ProfileChange.parse(body)).map(User::toJson)));
    router.delete("/api/users/me/avatar").handler(allowance).handler(ctx -> Replies.json(ctx, 200, () ->
        profiles.removeAvatar(Authentication.actor(ctx)).map(User::toJson)));
  }

  private void setAvatar(RoutingContext ctx) {
    Replies.json(ctx, 200, () -> LimitedBody.read(ctx, Limits.AVATAR_UPLOAD_MAX_BYTES)
        .compose(images::normalise)
        .compose(png -> profiles.setAvatar(Authentication.actor(ctx), AvatarImage.of(png)))
        .map(User::toJson));
  }

  /** The current avatar; cached for good when asked for by its version, else revalidated by its ETag. */
  private void avatar(RoutingContext ctx) {
    profiles.avatar(ctx.pathParam("id"))
        .onFailure(failure -> Problems.send(ctx, failure))
        .onSuccess(avatar -> {
          String etag = "\"" + avatar.version() + "\"";
          boolean versioned = String.valueOf(avatar.version()).equals(ctx.queryParams().get("v"));
          ctx.response()
              .putHeader("Cache-Control", versioned ? FOREVER : "no-cache")
              .putHeader("ETag", etag)
              .putHeader("X-Content-Type-Options", "nosniff")
              .putHeader("Content-Disposition", "inline; filename=\"avatar.png\"");
          if (etag.equals(ctx.request().getHeader("If-None-Match"))) {
            ctx.response().setStatusCode(304).end();
          } else {
            ctx.response().putHeader("Content-Type", "image/png").end(Buffer.buffer(avatar.png()));
          }
        });
  }
}
