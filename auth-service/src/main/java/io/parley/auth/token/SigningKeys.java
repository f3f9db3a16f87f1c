package io.parley.auth.token;

import io.parley.auth.keys.KeyFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;

/**
 * The ES256 key pair access tokens are signed with. Taken from configuration when given; otherwise read from,
 * or generated once into, {@code <data folder>/jwt-es256.pem}. Several auth-service instances sharing one data
 * folder agree on the key: the first to write it wins and the others read it.
 */
public record SigningKeys(String privateKeyPem, String publicKeyPem) {

  static final String KEY_FILE = "jwt-es256.pem";

  public static SigningKeys load(String configuredPrivatePem, Path dataDir) throws Exception {
    if (configuredPrivatePem != null && !configuredPrivatePem.isBlank()) {
      return fromPrivatePem(configuredPrivatePem);
    }
    return fromPrivatePem(KeyFile.readOrCreate(dataDir, KEY_FILE, SigningKeys::generatePrivatePem));
  }

  private static String generatePrivatePem() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = generator.generateKeyPair();
    return pem("PRIVATE KEY", pair.getPrivate().getEncoded());
  }

  private static SigningKeys fromPrivatePem(String privatePem) throws Exception {
    String body = privatePem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    KeyFactory factory = KeyFactory.getInstance("EC");
    ECPrivateKey privateKey = (ECPrivateKey) factory.generatePrivate(
        new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    // The public point is d*G on the key's curve.
    ECNamedCurveParameterSpec curve = ECNamedCurveTable.getParameterSpec("secp256r1");
    org.bouncycastle.math.ec.ECPoint q = curve.getG().multiply(privateKey.getS()).normalize();
    java.security.spec.ECPoint w = new java.security.spec.ECPoint(
        q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
    byte[] publicDer = factory.generatePublic(new ECPublicKeySpec(w, privateKey.getParams())).getEncoded();
    return new SigningKeys(pem("PRIVATE KEY", Base64.getDecoder().decode(body)), pem("PUBLIC KEY", publicDer));
  }

  private static String pem(String type, byte[] der) {
    String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
  }
}
