package io.parley.webtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/**
 * Pins and edit history as people see them: a message pinned from its menu is marked on every page and listed
 * in the room's pinned messages, whose entries jump to the message (fetching older history when it is far
 * back); an edited message's "(edited)" mark shows its earlier texts.
 */
class PinsAndEditHistoryTest extends SharedServerScenarios {

  @Test
  void aPinAndAnEditHistoryAreVisibleAndAPinFarBackIsReachedThroughHistory() {
    Person alice = person("alice");
    Person bob = person("bob");
    String room = roomName("pins");
    ParleyRest rest = new ParleyRest(server.baseUrl());
    rest.register(alice.username, alice.password);
    rest.register(bob.username, bob.password);
    String aliceToken = rest.login(alice.username, alice.password);
    String roomId = rest.createRoom(aliceToken, room).getString("id");
    rest.joinRoom(rest.login(bob.username, bob.password), roomId);
    // The checklist, pinned, and then more than a page of chatter: it is out of the first page.
    rest.pin(aliceToken, rest.sendMessage(aliceToken, roomId, "The release checklist").getString("id"));
    for (int n = 1; n <= 60; n++) {
      rest.sendMessage(aliceToken, roomId, "chatter " + n);
    }
    alice.signIn().openRoom(room);
    bob.signIn().openRoom(room);

    alice.messageAction(alice.message("chatter 60"), "Pin message");
    assertThat(bob.message("chatter 60").locator(".pinned-mark")).hasText("Pinned by " + alice.username);
    alice.messageAction(alice.message("chatter 60"), "Edit message");
    Locator editor = alice.page.getByLabel("New text of the message");
    editor.fill("Chatter, corrected");
    editor.press("Enter");

    bob.message("Chatter, corrected").locator(".edited").click();
    Locator history = bob.page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Edit history"));
    assertThat(history.locator(".edit-version")).hasCount(2);
    assertThat(history.locator(".edit-version").first().locator(".message-text")).hasText("chatter 60");
    assertThat(history.locator(".edit-version.current .message-text")).hasText("Chatter, corrected");
    history.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close").setExact(true)).first().click();

    assertThat(bob.message("The release checklist")).hasCount(0);
    bob.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pinned messages")).click();
    Locator pins = bob.page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Pinned in #" + room));
    assertThat(pins.locator(".pin-item")).hasCount(2);
    assertThat(pins.locator(".pin-item").first().locator(".message-text")).hasText("Chatter, corrected");
    pins.locator(".pin-item").filter(new Locator.FilterOptions().setHasText("The release checklist"))
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Jump to the message from " + alice.username))
        .click();
    Locator checklist = bob.message("The release checklist");
    assertThat(checklist).isInViewport();
    assertThat(checklist.locator(".pinned-mark")).hasText("Pinned by " + alice.username);

    // Unpinned from its menu, it loses its mark and leaves the list.
    bob.messageAction(checklist, "Unpin message");
    assertThat(checklist.locator(".pinned-mark")).hasCount(0);
    bob.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pinned messages")).click();
    assertThat(pins.locator(".pin-item .message-text")).hasText(new String[] {"Chatter, corrected"});
  }
}
