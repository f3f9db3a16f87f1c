package io.parley.chat.file;

import io.parley.platform.MongoStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived signed links to files, {@code /api/files/<id>?exp=<epoch seconds>&sig=<HMAC>}, so that a page can
 * show an image without an access token in a URL that proxies and logs keep. The key is made once and kept in
 * chat-service's own {@code chat_secrets} collection, so every instance signs and checks alike.
 */
public final class FileLinks {

  static final String SECRETS = "chat_secrets";
  private static final String KEY_ID = "file-links";
  private static final String HMAC = "HmacSHA256";

  private final byte[] key;

  private FileLinks(byte[] key) {
    this.key = key;
  }

  /** The shared key: the first instance to start makes it; the others read it. */
  public static Future<FileLinks> load(MongoClient mongo) {
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    JsonObject candidate = new JsonObject().put("_id", KEY_ID).put("key", Base64.getEncoder().encodeToString(fresh));
    return mongo.insert(SECRETS, candidate).<Void>mapEmpty()
        .recover(failure -> MongoStore.isDuplicateKey(failure)
            ? Future.succeededFuture()
            : Future.failedFuture(failure))
        .compose(ignored -> mongo.findOne(SECRETS, new JsonObject().put("_id", KEY_ID), null))
        .map(doc -> new FileLinks(Base64.getDecoder().decode(doc.getString("key"))));
  }

  String sign(String fileId, long expiresAtEpochSeconds) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key, HMAC));
      byte[] signature = mac.doFinal((fileId + "." + expiresAtEpochSeconds).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** True for an unexpired link this service signed for this file. */
  boolean verify(String fileId, Long expiresAt, String signature, long nowEpochSeconds) {
    if (expiresAt == null || signature == null || expiresAt < nowEpochSeconds) {
      return false;
    }
    byte[] expected = sign(fileId, expiresAt).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
  }
}
