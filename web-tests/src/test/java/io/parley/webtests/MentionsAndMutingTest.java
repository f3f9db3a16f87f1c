package io.parley.webtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Mentions as people see them: picked from the @ autocomplete, highlighted, counted in a badge of their own that
 * survives a reload, listed under Mentions; and a muted room, which notifies only of what names the user.
 */
class MentionsAndMutingTest extends SharedServerScenarios {

  @Test
  void aMentionPickedFromTheAutocompleteShowsItsBadgeAndSurvivesAReload() {
    Person alice = person("alice");
    Person bob = person("bob");
    String talk = roomName("talk");
    String quiet = roomName("quiet");
    roomsOverRest(alice, bob, talk, quiet);
    alice.signIn().openRoom(talk);
    bob.signIn().openRoom(quiet);

    alice.composer().pressSequentially("Can you look, @" + bob.username.substring(0, 3));
    Locator option = alice.page.locator("#chat .mention-option[data-name=\"" + bob.username + "\"]");
    assertThat(option).hasAttribute("aria-selected", "true");
    alice.composer().press("Enter");
    assertThat(alice.composer()).hasValue("Can you look, @" + bob.username + " ");
    assertThat(option).hasCount(0);
    alice.composer().pressSequentially("at the logs?");
    alice.composer().press("Enter");
    String said = "Can you look, @" + bob.username + " at the logs?";
    assertThat(alice.message(said).locator(".mention")).hasText("@" + bob.username);

    Locator badge = bob.roomLink(talk).locator(".mention-badge");
    assertThat(badge).hasText("@1");
    bob.page.reload();
    bob.awaitConnected();
    assertThat(bob.chatTitle()).hasText(quiet);
    assertThat(badge).hasText("@1");
    assertThat(bob.page.locator(".nav-item[data-view=mentions] .badge")).hasText("@1");

    bob.page.locator(".nav-item[data-view=mentions]").click();
    Locator listed = bob.page.locator(".mention-item").filter(new Locator.FilterOptions().setHasText("at the logs?"));
    assertThat(listed.locator(".mention-me")).hasText("@" + bob.username);
    listed.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Open the message in #" + talk)).click();
    assertThat(bob.chatTitle()).hasText(talk);
    assertThat(bob.message(said).locator(".mention-me")).hasText("@" + bob.username);
    assertThat(badge).hasCount(0);
  }

  @Test
  void aMutedRoomRaisesNoNotificationExceptForAMention() {
    Person alice = person("alice");
    Person bob = person("bob");
    String noisy = roomName("noisy");
    String quiet = roomName("calm");
    roomsOverRest(alice, bob, noisy, quiet);
    bob.recordNotifications();
    alice.signIn().openRoom(noisy);
    bob.signIn().openRoom(noisy);

    bob.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Room menu")).click();
    bob.page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Mute room")).click();
    assertThat(bob.roomLink(noisy)).hasClass(Pattern.compile("\\bmuted\\b"));
    bob.openRoom(quiet);

    alice.send("Lunch anyone?");
    alice.send("@" + bob.username + " the build is red");
    assertThat(bob.roomLink(noisy).locator(".mention-badge")).hasText("@1");
    assertEquals(List.of(alice.username + " in #" + noisy + ": @" + bob.username + " the build is red"),
        bob.notifications(), "the plain message notified nothing, the mention did");
    assertThat(bob.roomLink(noisy).locator(".badge:not(.mention-badge)")).hasCount(0);
    assertThat(bob.page).hasTitle(Pattern.compile("^\\(1\\) "));

    // Unmuted again, the room notifies of everything.
    bob.openRoom(noisy);
    bob.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Room menu")).click();
    bob.page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Unmute room")).click();
    assertThat(bob.roomLink(noisy)).not().hasClass(Pattern.compile("\\bmuted\\b"));
    bob.openRoom(quiet);
    alice.send("Green again");
    assertThat(bob.roomLink(noisy).locator(".badge:not(.mention-badge)")).hasText("1");
    assertEquals(2, ((List<?>) bob.notifications()).size(), String.valueOf(bob.notifications()));
  }
}
