package io.parley.auth;

import io.parley.auth.account.Accounts;
import io.parley.auth.account.UserListing;
import io.parley.auth.account.UserStore;
import io.parley.auth.admin.Administration;
import io.parley.auth.login.LoginThrottle;
import io.parley.auth.login.PasswordCheck;
import io.parley.auth.password.PasswordHasher;
import io.parley.auth.password.PasswordPolicy;
import io.parley.auth.session.SessionStore;
import io.parley.auth.session.Sessions;
import io.parley.auth.token.SigningKeys;
import io.parley.auth.token.TokenIssuer;
import io.parley.contract.auth.AuthEndpoints;
import io.parley.contract.auth.AuthOperations;
import io.parley.contract.bus.BusClient;
import io.parley.contract.bus.BusEndpoints;
import io.parley.contract.model.Health;
import io.parley.contract.presence.PresenceClient;
import io.parley.platform.MongoStore;
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

  private AuthConfig config;
  private MongoClient mongo;
  private UserStore users;
  private SessionStore sessions;
  private LoginThrottle throttle;
  private PasswordHasher hasher;
  private PasswordPolicy policy;
  private SigningKeys keys;
  private long cleanupTimer = -1;

  @Override
  public Future<?> start() {
    return ParleyConfig.load(vertx, SERVICE, config())
        .compose(loaded -> {
          config = AuthConfig.from(loaded);
          mongo = MongoStore.client(vertx, loaded, SERVICE);
          Clock clock = Clock.systemUTC();
          BusClient bus = new BusClient(vertx.eventBus());
          users = new UserStore(mongo);
          sessions = new SessionStore(mongo, clock, config.refreshTokenTtl(),
              Duration.ofSeconds(config.accessTokenTtlSeconds()),
              ended -> bus.publish(AuthOperations.SESSIONS_ENDED, ended));
          throttle = new LoginThrottle(mongo, clock, config.loginFailuresPerUsername(),
              config.loginFailuresPerAddress(), config.loginFailureWindow());
          // Key loading, the first decoy hash and the password list read files and burn CPU: a worker's job.
          return vertx.executeBlocking(() -> {
            keys = SigningKeys.load(config.privateKeyPem(), config.dataDir());
            policy = PasswordPolicy.loadDefault();
            hasher = new PasswordHasher(vertx, config.argonMemoryKib(), config.argonIterations(),
                config.argonParallelism());
            return null;
          });
        })
        .compose(ignored -> MongoStore.ping(mongo))
        .compose(ignored -> users.createIndexes())
        .compose(ignored -> sessions.createIndexes())
        .compose(ignored -> serve())
        .onSuccess(ignored -> cleanupTimer = vertx.setPeriodic(config.cleanupIntervalMs(), timer -> cleanUp()));
  }

  private Future<Void> serve() {
    UserListing listing = new UserListing(users,
        new PresenceClient(new BusClient(vertx.eventBus(), UserListing.PRESENCE_TIMEOUT_MS)));
    TokenIssuer tokens = new TokenIssuer(vertx, keys, config.accessTokenTtlSeconds());
    PasswordCheck passwords = new PasswordCheck(users, hasher, throttle);
    return AuthEndpoints.bind(new BusEndpoints(vertx.eventBus()),
            new Accounts(users, listing, policy, hasher),
            new Sessions(passwords, users, sessions, tokens),
            new Administration(users, sessions, listing),
            () -> MongoStore.ping(mongo).map(ignored -> new Health(SERVICE, "up")))
        .ready();
  }

  /** The store enforces no expiry: delete what has expired. Every instance may run this; deletes do not clash. */
  private void cleanUp() {
    sessions.purgeExpired()
        .compose(ignored -> throttle.purgeExpired())
        .onFailure(failure -> LOG.warn("cleaning up expired sessions failed; the next run retries", failure));
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(cleanupTimer);
    return mongo == null ? Future.succeededFuture() : mongo.close();
  }
}
