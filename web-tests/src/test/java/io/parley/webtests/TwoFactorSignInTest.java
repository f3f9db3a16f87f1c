package io.parley.webtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two-factor sign-in in the browser: turned on by scanning (here: reading) the key the page shows and typing a
 * code computed from it as an authenticator app would; then every sign-in needs a fresh code, a code is taken
 * once, and each recovery code works once. A rate-limited sign-in says how long to wait.
 */
class TwoFactorSignInTest extends SharedServerScenarios {

  @Test
  void enrolledByTheShownKeyThenEachCodeAndRecoveryCodeSignsInOnce() {
    Person ann = person("ann").signUp();
    Locator account = ann.openAccount("Two-factor sign-in");
    assertThat(account.getByText("Signing in needs only your password.")).isVisible();
    account.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Set up two-factor sign-in")).click();

    // The server's QR code is shown as an image (its SVG never becomes part of the page), beside the key.
    Locator qr = account.getByRole(AriaRole.IMG, new Locator.GetByRoleOptions().setName("QR code to scan with your authenticator app"));
    assertThat(qr).hasAttribute("src", java.util.regex.Pattern.compile("^data:image/svg\\+xml"));
    assertTrue(WebAppTest.loadedWidth(qr, 10_000) > 0, "the QR code was drawn under the page's CSP");
    assertEquals(0, ann.page.locator(".settings-panel svg:not(.icon)").count(), "no SVG markup in the page");
    String key = account.locator(".totp-secret").textContent().replaceAll("\\s", "");
    assertTrue(key.matches("[A-Z2-7]{32}"), key);
    AuthenticatorApp app = new AuthenticatorApp(key);

    // A wrong code is said at its field, and only that: the page stays signed in (the 401 is not about the token).
    Locator confirmCode = account.getByLabel("Code from the app");
    confirmCode.fill(app.wrongCode());
    account.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Turn on")).click();
    assertThat(account.locator("#totp-confirm-code-error")).hasText("That code is not right, or it was used already.");
    assertThat(confirmCode).hasAttribute("aria-invalid", "true");
    assertThat(ann.page.locator(".connection")).hasAttribute("data-state", "online");

    confirmCode.fill(app.nextCode());
    account.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Turn on")).click();
    Locator codes = account.locator(".recovery-codes code");
    assertThat(codes).hasCount(10);
    List<String> recoveryCodes = codes.allTextContents();
    assertThat(account.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Copy the codes"))).isVisible();
    account.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("I have saved my recovery codes")).click();
    assertThat(account.getByText("10 recovery codes left.")).isVisible();
    ann.page.keyboard().press("Escape");
    ann.logOut();

    // The password alone no longer signs in: the page asks for a code, and the app's next one does.
    signInWithCode(ann, app.nextCode());
    ann.awaitConnected();
    ann.logOut();

    // The same code again is refused, and the page says why.
    signInWithCode(ann, app.lastCode());
    assertThat(ann.page.getByRole(AriaRole.ALERT)).containsText("used already");
    assertThat(ann.page.getByLabel("Authentication code")).isVisible();

    // A recovery code instead: it works once.
    useRecoveryCode(ann, recoveryCodes.get(0));
    ann.awaitConnected();
    ann.logOut();
    signInWithCode(ann, null);
    useRecoveryCode(ann, recoveryCodes.get(0));
    assertThat(ann.page.getByRole(AriaRole.ALERT)).hasText("That recovery code is not right, or it was used already.");
    useRecoveryCode(ann, recoveryCodes.get(1));
    ann.awaitConnected();

    // Turning it off takes the password and a code; then the password alone signs in again.
    account = ann.openAccount("Two-factor sign-in");
    assertThat(account.getByText("8 recovery codes left.")).isVisible();
    account.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Turn off two-factor sign-in")).click();
    account.getByLabel("Password").fill(ann.password);
    account.getByLabel("Code from the app, or a recovery code").fill(recoveryCodes.get(2));
    account.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Turn off").setExact(true)).click();
    assertThat(account.getByText("Signing in needs only your password.")).isVisible();
    ann.page.keyboard().press("Escape");
    ann.logOut();
    ann.signIn();
  }

  @Test
  void aRateLimitedSignInSaysHowLongToWait() {
    Person guesser = person("guesser");
    guesser.page.navigate("/");
    guesser.page.getByLabel("Username").fill(guesser.username);
    Locator password = guesser.page.getByLabel("Password");
    Locator signIn = guesser.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"));
    Locator alert = guesser.page.getByRole(AriaRole.ALERT);
    // The server counts failures per username, whether or not the account exists (5 by default). The button
    // is disabled from the click until the answer.
    for (int i = 0; i < 5; i++) {
      password.fill("wrong guess " + i);
      signIn.click();
      assertThat(signIn).isEnabled();
      assertThat(alert).hasText("Wrong username or password.");
    }
    password.fill("another guess");
    signIn.click();
    assertThat(alert).hasText(java.util.regex.Pattern.compile("^Too many attempts\\. Try again in (\\d+ minutes|a minute|\\d+ seconds)\\.$"));
  }

  /** Signs in with the password, then types the code the page asks for (none: stop at the question). */
  private static void signInWithCode(Person person, String code) {
    person.startSignIn();
    Locator field = person.page.getByLabel("Authentication code");
    assertThat(field).isVisible();
    if (code != null) {
      field.fill(code);
      person.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();
    }
  }

  private static void useRecoveryCode(Person person, String code) {
    Locator toggle = person.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use a recovery code instead"));
    if (toggle.isVisible()) {
      toggle.click();
    }
    person.page.getByLabel("Recovery code").fill(code);
    person.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();
  }
}
