package io.parley.auth;

import io.parley.auth.account.Accounts;
import io.parley.auth.account.UserListing;
import io.parley.auth.account.UserStore;
import io.parley.auth.admin.Administration;
import io.parley.auth.keys.SecretBox;
import io.parley.auth.login.LoginThrottle;
import io.parley.auth.login.LoginMetrics;
import io.parley.auth.login.PasswordCheck;
import io.parley.auth.password.PasswordHasher;
import io.parley.auth.password.PasswordPolicy;
import io.parley.auth.pat.PersonalTokens;
import io.parley.auth.profile.Profiles;
import io.parley.auth.session.SessionStore;
import io.parley.auth.session.Sessions;
import io.parley.auth.token.SigningKeys;
import io.parley.auth.token.TokenIssuer;
import io.parley.auth.totp.TwoFactor;
import io.parley.contract.auth.AuthEndpoints;
import io.parley.contract.auth.AuthEndpoints.AuthServices;
import io.parley.contract.auth.AuthOperations;
import io.parley.contract.auth.ProfileOperations;
import io.parley.contract.bus.BusClient;
import io.parley.contract.bus.BusEndpoints;
import io.parley.contract.model.Health;
import io.parley.contract.presence.PresenceClient;
import io.parley.platform.MongoStore;
import io.parley.platform.management.Metrics;
import io.parley.platform.ParleyConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.mongo.MongoClient;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** auth-service: accounts, passwords and sessions, answering on the {@code parley.auth.*} addresses. */
public class AuthVerticle extends VerticleBase {

  public static final String SERVICE = "auth-service";
  private static final Logger LOG = LoggerFactory.getLogger(AuthVerticle.class);

  private final Clock clock = Clock.systemUTC();
  private AuthConfig config;
  private MongoClient mongo;
  private BusClient bus;
  private UserStore users;
  private SessionStore sessions;
  private LoginThrottle throttle;
  private PasswordHasher hasher;
  private PasswordPolicy policy;
  private SigningKeys keys;
  private SecretBox secretBox;
  private Profiles profiles;
  private PersonalTokens personalTokens;
  private long cleanupTimer = -1;
  /** The clean-up under way, which a stop lets end before it closes the store. */
  private Future<Void> cleaning = Future.succeededFuture();
  private BusEndpoints endpoints;

  @Override
  public Future<?> start() {
    return ParleyConfig.load(vertx, SERVICE, config())
        .compose(loaded -> {
          config = AuthConfig.from(loaded);
          mongo = MongoStore.client(vertx, loaded, SERVICE);
          bus = new BusClient(vertx.eventBus());
          users = new UserStore(mongo);
          Duration accessTtl = Duration.ofSeconds(config.accessTokenTtlSeconds());
          sessions = new SessionStore(mongo, clock, config.refreshTokenTtl(), accessTtl,
              ended -> bus.publish(AuthOperations.SESSIONS_ENDED, ended));
          throttle = new LoginThrottle(mongo, clock, config.loginFailuresPerUsername(),
              config.loginFailuresPerAddress(), config.loginFailureWindow());
          profiles = new Profiles(mongo, users, user -> bus.publish(ProfileOperations.USER_UPDATED, user));
          // Gateways refuse a revoked token's id as long as an ended session's: far longer than they cache a check.
          personalTokens = new PersonalTokens(mongo, users, clock, config.tokensPerUser(),
              accessTtl.plusMinutes(1), ended -> bus.publish(AuthOperations.SESSIONS_ENDED, ended));
          // Key loading, the first decoy hash and the password list read files and burn CPU: a worker's job.
          return vertx.executeBlocking(() -> {
            keys = SigningKeys.load(config.privateKeyPem(), config.dataDir());
            secretBox = SecretBox.load(config.totpEncryptionKey(), config.dataDir());
            policy = PasswordPolicy.loadDefault();
            hasher = new PasswordHasher(vertx, config.argonMemoryKib(), config.argonIterations(),
                config.argonParallelism());
            return null;
          });
        })
        .compose(ignored -> MongoStore.ping(mongo))
        .compose(ignored -> users.createIndexes())
        .compose(ignored -> sessions.createIndexes())
        .compose(ignored -> profiles.createIndexes())
        .compose(ignored -> personalTokens.createIndexes())
        .compose(ignored -> serve())
        .onSuccess(ignored -> cleanupTimer = vertx.setPeriodic(config.cleanupIntervalMs(),
            timer -> cleaning = cleanUp()));
  }

  private Future<Void> serve() {
    UserListing listing = new UserListing(users,
        new PresenceClient(new BusClient(vertx.eventBus(), UserListing.PRESENCE_TIMEOUT_MS)));
    TokenIssuer tokens = new TokenIssuer(vertx, keys, config.accessTokenTtlSeconds());
    PasswordCheck passwords = new PasswordCheck(users, hasher, throttle);
    TwoFactor twoFactor = new TwoFactor(vertx, mongo, secretBox, users, passwords, config.totpIssuer(), clock);
    AuthServices services = new AuthServices(
        new Accounts(users, listing, policy, hasher, passwords, sessions),
        profiles,
        new Sessions(passwords, new LoginMetrics(Metrics.registry()), twoFactor, users, sessions, tokens),
        twoFactor,
        personalTokens,
        new Administration(users, sessions, listing, twoFactor));
    endpoints = AuthEndpoints.bind(new BusEndpoints(vertx.eventBus()), services,
        () -> MongoStore.ping(mongo).map(ignored -> new Health(SERVICE, "up")));
    return endpoints.ready();
  }

  /** The store enforces no expiry: delete what has expired. Every instance may run this; deletes do not clash. */
  private Future<Void> cleanUp() {
    return sessions.purgeExpired()
        .compose(ignored -> throttle.purgeExpired())
        .compose(ignored -> personalTokens.purgeExpired())
        .onFailure(failure -> LOG.warn("cleaning up expired sessions failed; the next run retries", failure))
        .mapEmpty();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(cleanupTimer);
    if (mongo == null) {
      return Future.succeededFuture();
    }
    Future<Void> unbound = endpoints == null ? Future.succeededFuture() : endpoints.close();
    return unbound.transform(ignored -> cleaning).transform(cleaned -> mongo.close());
  }
}
