package io.parley.webtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/**
 * A room's settings as its owner sees them: a name taken is said at its field; a new name and topic reach the
 * other member's page live; a member removed sees the room go from their page at once.
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
    assertThat(settings.locator(".pick-item[data-user-id]")).hasCount(1);
    assertThat(alice.page.locator(".chat-topic")).containsText("1 member");
  }

  private static Locator roomMenu(Person person) {
    return person.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Room menu"));
  }
}
