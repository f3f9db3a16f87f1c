package io.parley.contract.auth;

import io.parley.contract.ServiceError;
import io.parley.contract.bus.Codec;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;

/**
 * An avatar as stored and served: a PNG the gateway made by decoding an upload and scaling it to fit {@link
 * io.parley.contract.Limits#AVATAR_MAX_SIDE}, so nothing of the upload itself is kept. {@code version} counts the
 * user's avatars (0 in a request to store one: auth-service numbers it).
 */
public record AvatarImage(byte[] png, int version) {

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  /** A 256 x 256 PNG is at most 256 KiB of pixels and a little framing; anything beyond was not made here. */
  private static final int PNG_MAX_BYTES = 512 * 1024;

  public static final Codec<AvatarImage> CODEC = Codec.of(AvatarImage::toJson, AvatarImage::parse);

  /** A new avatar to store. */
  public static AvatarImage of(byte[] png) {
    return new AvatarImage(png, 0);
  }

  public JsonObject toJson() {
    return new JsonObject().put("png", png).put("version", version);
  }

  /** Reads a PNG made by a gateway; anything else is {@code invalid_input}. */
  public static AvatarImage parse(JsonObject json) {
    byte[] png;
    try {
      png = json.getBinary("png");
    } catch (ClassCastException | IllegalArgumentException e) {
      png = null;
    }
    if (png == null || png.length > PNG_MAX_BYTES || png.length < PNG_SIGNATURE.length
        || !Arrays.equals(PNG_SIGNATURE, Arrays.copyOf(png, PNG_SIGNATURE.length))) {
      throw ServiceError.invalid("png", "must be a PNG of at most " + PNG_MAX_BYTES + " bytes");
    }
    return new AvatarImage(png, json.getInteger("version", 0));
  }
}
