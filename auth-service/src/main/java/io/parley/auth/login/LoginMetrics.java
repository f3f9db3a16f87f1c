package io.parley.auth.login;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.vertx.core.Future;
import java.util.EnumMap;
import java.util.Map;

/**
 * Failed logins by reason, for operators: {@code parley_auth_login_failures_total{reason}}, one series per reason
 * made at start, so a dashboard reads 0 rather than nothing. A login that asks for the second factor has not failed.
 */
public final class LoginMetrics {

  private static final Map<ErrorCode, String> REASONS = Map.of(
      ErrorCode.BAD_CREDENTIALS, "bad_credentials",
      ErrorCode.RATE_LIMITED, "throttled",
      ErrorCode.BAD_TOTP, "bad_totp",
      ErrorCode.BANNED, "banned");

  private final Map<ErrorCode, Counter> failures = new EnumMap<>(ErrorCode.class);

  public LoginMetrics(MeterRegistry registry) {
    REASONS.forEach((code, reason) -> failures.put(code, Counter.builder("parley_auth_login_failures")
        .description("failed logins, by reason").tag("reason", reason).register(registry)));
  }

  /** The login as it is, its failure counted by reason. */
  public <T> Future<T> counted(Future<T> login) {
    return login.onFailure(failure -> {
      Counter counter = failures.get(ServiceError.from(failure).code());
      if (counter != null) {
        counter.increment();
      }
    });
  }
}
