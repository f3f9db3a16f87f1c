package io.parley.auth;

import io.parley.contract.Addresses;
import io.parley.contract.ErrorCode;
import io.parley.contract.FieldError;
import io.parley.contract.Ids;
import io.parley.contract.Limits;
import io.parley.contract.RequestFields;
import io.parley.contract.ServiceError;
import io.parley.platform.BusEndpoints;
import io.parley.platform.MongoStore;
import io.parley.platform.ParleyConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** auth-service: accounts, passwords and sessions, answering on the {@code parley.auth.*} addresses. */
public class AuthVerticle extends VerticleBase {

  public static final String SERVICE = "auth-service";
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{3,32}");

  private AuthConfig config;
  private MongoClient mongo;
  private UserStore users;
  private SessionStore sessions;
  private PasswordHasher hasher;
  private PasswordPolicy policy;
  private SigningKeys keys;
  private TokenIssuer tokens;

  @Override
  public Future<?> start() {
    return ParleyConfig.load(vertx, SERVICE, config())
        .compose(loaded -> {
          config = AuthConfig.from(loaded);
          mongo = MongoStore.client(vertx, loaded, SERVICE);
          users = new UserStore(mongo);
          sessions = new SessionStore(mongo);
          // Key loading, the first decoy hash and the password list read files and burn CPU: a worker's job.
          return vertx.executeBlocking(() -> {
            keys = SigningKeys.load(config.privateKeyPem(), config.dataDir());
            policy = PasswordPolicy.loadDefault();
            hasher = new PasswordHasher(vertx, config.argonMemoryKib(), config.argonIterations(),
                config.argonParallelism());
            return null;
          });
        })
        .compose(ignored -> {
          tokens = new TokenIssuer(vertx, keys, config.accessTokenTtlSeconds());
          return MongoStore.ping(mongo);
        })
        .compose(ignored -> users.createIndexes())
        .compose(ignored -> new BusEndpoints(vertx.eventBus())
            .serve(Addresses.AUTH_REGISTER, this::register)
            .serve(Addresses.AUTH_LOGIN, this::login)
            .serve(Addresses.AUTH_PUBLIC_KEY, this::publicKey)
            .serve(Addresses.AUTH_USER_GET, this::userById)
            .serve(Addresses.AUTH_USERS_GET, this::usersByIds)
            .serve(Addresses.AUTH_HEALTH, this::health)
            .ready());
  }

  @Override
  public Future<?> stop() {
    return mongo == null ? Future.succeededFuture() : mongo.close();
  }

  private Future<JsonObject> register(JsonObject request) {
    RequestFields fields = RequestFields.of(request);
    String username = fields.requiredString("username", 1, 256);
    String password = fields.requiredString("password", 1, Integer.MAX_VALUE);
    String displayName = fields.optionalString("displayName", 0, 1000);
    if (username != null && !USERNAME.matcher(username).matches()) {
      fields.reject("username", "must be 3 to 32 letters, digits, '_', '.' or '-'");
    }
    String cleanDisplayName = displayName == null ? null : DisplayNames.clean(displayName);
    if (cleanDisplayName != null && cleanDisplayName.codePointCount(0, cleanDisplayName.length())
        > Limits.DISPLAY_NAME_MAX_CHARS) {
      fields.reject("displayName", "must be at most " + Limits.DISPLAY_NAME_MAX_CHARS + " characters");
    }
    fields.throwIfInvalid();
    List<FieldError> weak = policy.check(password, username);
    if (!weak.isEmpty()) {
      throw new ServiceError(ErrorCode.WEAK_PASSWORD, "The password breaks " + weak.size()
          + (weak.size() == 1 ? " rule." : " rules."), weak, 0);
    }
    String shownName = cleanDisplayName == null || cleanDisplayName.isEmpty() ? username : cleanDisplayName;
    return hasher.hash(password)
        .compose(hash -> users.create(username, shownName, hash))
        .map(UserStore::view);
  }

  private Future<JsonObject> login(JsonObject request) {
    RequestFields fields = RequestFields.of(request);
    String username = fields.requiredString("username", 1, 256);
    String password = fields.requiredString("password", 1, Limits.PASSWORD_MAX_CHARS);
    fields.throwIfInvalid();
    return users.findByUsername(username)
        .compose(user -> {
          if (user == null) {
            return hasher.verifyDecoy(password).map(ignored -> (JsonObject) null);
          }
          return hasher.verify(password, user.getString("passwordHash")).map(ok -> ok ? user : null);
        })
        .compose(user -> {
          if (user == null) {
            return Future.failedFuture(new ServiceError(ErrorCode.BAD_CREDENTIALS,
                "Wrong username or password."));
          }
          if (user.getBoolean("banned", false)) {
            return Future.failedFuture(new ServiceError(ErrorCode.BANNED, "This account is banned."));
          }
          return sessions.open(user.getString("_id"), Duration.ofDays(config.refreshTokenTtlDays()))
              .map(session -> new JsonObject()
                  .put("accessToken", tokens.accessToken(user.getString("_id"), user.getString("role"),
                      session.getString("sessionId")))
                  .put("refreshToken", session.getString("refreshToken"))
                  .put("expiresIn", tokens.ttlSeconds())
                  .put("user", UserStore.view(user)));
        });
  }

  private Future<JsonObject> publicKey(JsonObject request) {
    return Future.succeededFuture(new JsonObject()
        .put("algorithm", TokenIssuer.ALGORITHM)
        .put("issuer", TokenIssuer.ISSUER)
        .put("publicKeyPem", keys.publicKeyPem()));
  }

  private Future<JsonObject> userById(JsonObject request) {
    Object id = request.getValue("userId");
    if (!Ids.looksValid(id)) {
      return Future.failedFuture(ServiceError.notFound("User"));
    }
    return users.findById((String) id).compose(user -> user == null
        ? Future.failedFuture(ServiceError.notFound("User"))
        : Future.succeededFuture(UserStore.view(user)));
  }

  private Future<JsonObject> usersByIds(JsonObject request) {
    JsonArray requested = request.getJsonArray("userIds", new JsonArray());
    List<String> ids = new ArrayList<>();
    requested.forEach(id -> {
      if (Ids.looksValid(id)) {
        ids.add((String) id);
      }
    });
    return users.findByIds(ids).map(found -> new JsonObject().put("users",
        new JsonArray(found.stream().map(UserStore::view).toList())));
  }

  private Future<JsonObject> health(JsonObject request) {
    return MongoStore.ping(mongo).map(ignored -> new JsonObject().put("service", SERVICE).put("storage", "up"));
  }
}
