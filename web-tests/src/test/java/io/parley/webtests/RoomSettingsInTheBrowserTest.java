package io.parley.webtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/**
 * A room's settings as its owner sees them: a name taken is said at its field; a new name and topic reach the
 * other member's page live; a member removed sees the room (and its thread open) go from their page at once; a
 * webhook's URL is shown once, and what a script posts to it shows as the webhook's, marked BOT.
 */
class RoomSettingsInTheBrowserTest extends SharedServerScenarios {

  @Test
  void anOwnerRenamesTheRoomSetsItsTopicAndRemovesAMemberWhosePageDropsIt() {
    Person alice = person("alice");
    Person bob = person("bob");
    String room = roomName("settings");
    String taken = roomName("taken");
    roomsOverRest(alice, bob, room, taken);
    alice.signIn().openRoom(room);
    bob.signIn().openRoom(room);
    alice.send("Agenda for Friday");
    bob.openThread("Agenda for Friday");

    // Bob is a member, not an owner: his room menu has no settings.
    roomMenu(bob).click();
    assertThat(bob.page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Mute room"))).isVisible();
    assertThat(bob.page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Room settings"))).hasCount(0);
    bob.page.keyboard().press("Escape");

    roomMenu(alice).click();
    alice.page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Room settings")).click();
    Locator settings = alice.page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Settings of #" + room));
    Locator name = settings.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true));
    Locator save = settings.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save changes"));
    name.fill(taken.toUpperCase());
    save.click();
    assertThat(settings.locator("#room-settings-name-error")).hasText("A room with that name exists already.");
    assertThat(name).hasAttribute("aria-invalid", "true");

    String renamed = roomName("renamed");
    name.fill(renamed);
    settings.getByLabel("Topic", new Locator.GetByLabelOptions().setExact(true)).fill("Ship 2.0 on Friday");
    save.click();
    assertThat(settings.getByText("Saved.")).isVisible();
    assertThat(bob.chatTitle()).hasText(renamed);
    assertThat(bob.page.locator(".chat-topic")).containsText("Ship 2.0 on Friday");
    assertThat(bob.roomLink(renamed)).isVisible();
    assertThat(alice.page.locator(".chat-topic")).containsText("Ship 2.0 on Friday");

    settings.getByRole(AriaRole.TAB, new Locator.GetByRoleOptions().setName("Members")).click();
    settings.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove " + bob.username)).click();
    alice.page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Remove member"))
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove")).click();
    assertThat(bob.roomLink(renamed)).hasCount(0);
    assertThat(bob.chatTitle()).hasCount(0);
    assertThat(bob.threadPanel()).isHidden();
    assertThat(settings.locator(".pick-item[data-user-id]")).hasCount(1);
    assertThat(alice.page.locator(".chat-topic")).containsText("1 member");
  }

  @Test
  void anOwnerMakesAWebhookWhoseUrlIsShownOnceAndWhosePostsShowAsABot() {
    Pair pair = twoInARoom("hooks");
    Person alice = pair.alice();
    Person bob = pair.bob();
    String room = pair.room();

    roomMenu(alice).click();
    alice.page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Room settings")).click();
    Locator settings = alice.page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Settings of #" + room));
    settings.getByRole(AriaRole.TAB, new Locator.GetByRoleOptions().setName("Webhooks")).click();
    settings.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true)).fill("CI builds");
    settings.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create webhook")).click();
    Locator url = settings.locator(".webhook-url");
    assertThat(url).containsText("/hooks/");
    assertThat(settings.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Copy the URL"))).isVisible();
    Locator listed = settings.locator(".settings-item").filter(new Locator.FilterOptions().setHasText("CI builds"));
    assertThat(listed).containsText("never used");

    ParleyRest script = new ParleyRest(server.baseUrl());
    String secretUrl = url.textContent();
    assertEquals(200, script.postTo(secretUrl, "{\"text\":\"build **green** on main\"}"));
    Locator posted = bob.page.locator("#chat .message.bot").filter(new Locator.FilterOptions().setHasText("build green on main"));
    assertThat(posted.locator(".bot-name")).hasText("CI builds");
    assertThat(posted.locator(".bot-tag")).hasText("BOT");
    assertThat(posted.locator(".message-text strong")).hasText("green");
    assertThat(posted.locator(".avatar-button")).hasCount(0);

    listed.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove CI builds")).click();
    alice.page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Remove webhook"))
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove")).click();
    assertThat(settings.getByText("No webhooks yet.")).isVisible();
    assertEquals(404, script.postTo(secretUrl, "{\"text\":\"still there?\"}"), "a removed webhook's url answers 404");
  }

  private static Locator roomMenu(Person person) {
    return person.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Room menu"));
  }
}
