package io.parley.webtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * "Your account" in the browser: a password change and an ended session sign the other device out at once, a
 * new avatar and status reach another person's page live, and a personal access token works until revoked.
 */
class AccountSettingsTest extends SharedServerScenarios {

  private static final String SIGNED_OUT = "You have been signed out.";

  @Test
  void aPasswordChangeSignsTheOtherDeviceOutAndKeepsThisOne() {
    Person laptop = person("pat").signUp();
    Person phone = elsewhere(laptop).signIn();

    Locator account = laptop.openAccount("Password");
    account.getByLabel("Current password").fill("not my password at all");
    account.getByLabel("New password", new Locator.GetByLabelOptions().setExact(true)).fill("a brand new passphrase 7");
    account.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Change password")).click();
    assertThat(account.locator("#current-password-error")).hasText("That is not your current password.");
    assertThat(account.getByLabel("Current password")).hasAttribute("aria-invalid", "true");
    assertThat(phone.page.locator(".connection")).hasAttribute("data-state", "online");

    account.getByLabel("Current password").fill(laptop.password);
    account.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Change password")).click();
    assertThat(account.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Every other session")))
        .isVisible();
    // The phone's socket is closed by the server (4401) and its refresh token fails: it is back at sign-in.
    assertThat(phone.page.locator(".auth-notice")).hasText(SIGNED_OUT);
    laptop.page.keyboard().press("Escape");
    assertThat(laptop.page.locator(".connection")).hasAttribute("data-state", "online");
  }

  @Test
  void theSessionsListShowsBothDevicesAndEndingOneSignsItOut() {
    Person desk = person("sam").signUp();
    Person other = elsewhere(desk).signIn();

    Locator account = desk.openAccount("Sessions");
    Locator sessions = account.locator(".settings-item");
    assertThat(sessions).hasCount(2);
    Locator current = sessions.filter(new Locator.FilterOptions().setHasText("This device"));
    assertThat(current).hasCount(1);
    assertThat(current).containsText("Chrome");
    assertThat(current).containsText("From 127.0.0.1");
    Locator theOther = sessions.filter(new Locator.FilterOptions().setHasNotText("This device"));
    theOther.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Sign out "))).click();

    assertThat(other.page.locator(".auth-notice")).hasText(SIGNED_OUT);
    assertThat(sessions).hasCount(1);
    assertThat(account.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sign out all other sessions")))
        .isHidden();
    assertThat(desk.page.locator(".connection")).hasAttribute("data-state", "online");
  }

  @Test
  void aNewAvatarAndStatusReachAnotherPersonsPageLive() throws IOException {
    Pair pair = twoInARoom("faces");
    Person alice = pair.alice();
    Person bob = pair.bob();
    alice.send("Do I look different?");
    Locator alicesMessage = bob.message("Do I look different?");
    assertThat(alicesMessage.locator(".avatar")).hasText(alice.username.substring(0, 1).toUpperCase());
    assertThat(alicesMessage.locator("img.avatar-img")).hasCount(0);

    Locator account = alice.openAccount("Profile");
    account.locator("#avatar-file").setInputFiles(WebAppTest.writePicture("me.png"));
    assertThat(account.getByText("Your new picture is saved.")).isVisible();
    account.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("🚆 Commuting")).click();
    account.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save profile")).click();
    assertThat(account.getByText("Saved.", new Locator.GetByTextOptions().setExact(true))).isVisible();

    // Bob's page hears user_updated: the message, the people list and the profile show the new face and status.
    Locator picture = alicesMessage.locator("img.avatar-img");
    assertThat(picture).hasAttribute("src", Pattern.compile("^/api/users/[^/]+/avatar\\?v=\\d+$"));
    assertEquals(256, WebAppTest.loadedWidth(picture, 10_000), "the server's re-encoded picture, scaled to 256");
    assertThat(alicesMessage.locator(".status-emoji")).hasText("🚆");
    Locator alicePerson = bob.page.locator(".people .nav-item[data-user-id]").filter(
        new Locator.FilterOptions().setHasText(alice.username));
    assertThat(alicePerson.locator("img.avatar-img")).hasCount(1);
    alicesMessage.locator(".author").click();
    Locator profile = bob.page.getByRole(AriaRole.DIALOG, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Profile"));
    assertThat(profile.locator(".profile-status")).hasText("🚆Commuting");
    assertThat(profile.locator(".profile-username")).hasText("@" + alice.username);
    assertThat(profile.locator("img.avatar-img")).hasCount(1);

    // Removing it: the initial again, everywhere, and the message button opens the direct room.
    account.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove picture")).click();
    assertThat(account.getByText("Your picture was removed.")).isVisible();
    assertThat(picture).hasCount(0);
    assertThat(profile.locator("img.avatar-img")).hasCount(0);
    profile.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Message")).click();
    assertThat(bob.chatTitle()).hasText(alice.username);
  }

  @Test
  void aTokenIsShownOnceWorksOnRestAndIsRefusedOnceRevoked() {
    Person bot = person("botmaker").signUp();
    Locator account = bot.openAccount("Access tokens");
    assertThat(account.getByText("No tokens yet.")).isVisible();
    account.getByLabel("Name").fill("ci bot");
    account.getByLabel("Expires").selectOption("30");
    account.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create token")).click();
    String token = account.locator(".token-value").textContent();
    assertTrue(token.startsWith("pat_"), token);

    ParleyRest rest = new ParleyRest(server.baseUrl());
    assertEquals(200, rest.status("/api/users/me", token));
    Locator listed = account.locator(".settings-item").filter(new Locator.FilterOptions().setHasText("ci bot"));
    assertThat(listed).containsText("expires");
    assertThat(listed).not().containsText("pat_");

    listed.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke ci bot")).click();
    bot.page.getByRole(AriaRole.DIALOG, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Revoke token"))
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke")).click();
    assertThat(account.getByText("No tokens yet.")).isVisible();
    assertEquals(401, rest.status("/api/users/me", token), "refused at once");
  }
}
