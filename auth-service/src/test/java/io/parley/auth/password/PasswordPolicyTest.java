package io.parley.auth.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contract.FieldError;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract's password rules, each alone and all at once. */
class PasswordPolicyTest {

  private static PasswordPolicy policy;

  @BeforeAll
  static void load() {
    policy = PasswordPolicy.loadDefault();
  }

  @Test
  void theCommonListShipsAtLeastTenThousandPasswords() {
    assertTrue(policy.commonCount() >= 10_000, "only " + policy.commonCount());
  }

  @Test
  void aLongUncommonPasswordWithoutTheUsernamePasses() {
    assertEquals(List.of(), policy.check("violet-anchor-drifts", "marina"));
  }

  @Test
  void eachRuleIsReportedAlone() {
    assertEquals(List.of("must be at least 10 characters"), messages("Vi0let-9", "marina"));
    assertEquals(List.of("must be at most 256 characters"), messages("v".repeat(257), "marina"));
    assertEquals(List.of("is a commonly used password"), messages("Football123", "marina"));
    assertEquals(List.of("must not contain the username"), messages("I-love-MARINA-bay", "marina"));
  }

  @Test
  void lengthCountsCharactersNotBytes() {
    assertEquals(List.of(), policy.check("ééééééééééé", "marina"), "11 characters, 22 bytes");
    assertEquals(List.of("must be at least 10 characters"), messages("🔒🔒🔒🔒🔒", "marina"),
        "5 characters, 10 UTF-16 units");
  }

  @Test
  void everyBrokenRuleIsListed() {
    assertEquals(List.of("must be at least 10 characters", "is a commonly used password",
        "must not contain the username"), messages("dragon", "dragon"));
  }

  private static List<String> messages(String password, String username) {
    return policy.check(password, username).stream().map(FieldError::message).toList();
  }
}
