package io.parley.webtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.api.Test;

/**
 * Threads as people see them: a reply opens a thread beside the room (over it on a phone), the root counts its
 * replies live on every page, replies stay out of the room's list, and the Threads view tells of new replies.
 */
class ThreadsInTheBrowserTest extends SharedServerScenarios {

  @Test
  void twoPeopleReplyInAThreadAndSeeTheCountChangeLive() {
    Pair pair = twoInARoom("threads");
    Person alice = pair.alice();
    Person bob = pair.bob();
    alice.send("Deploy on Friday?");
    assertThat(bob.message("Deploy on Friday?")).isVisible();

    bob.openThread("Deploy on Friday?").replyInThread("Fine by me");
    assertThat(bob.threadMessage("Fine by me")).isVisible();
    Locator alicesSummary = alice.message("Deploy on Friday?").locator(".thread-summary");
    assertThat(alicesSummary).hasAttribute("data-reply-count", "1");
    assertThat(alicesSummary).containsText("1 reply");
    assertThat(alice.messagesWithText("Fine by me")).hasCount(0);

    alicesSummary.click();
    assertThat(alice.threadMessage("Fine by me")).isVisible();
    alice.replyInThread("Then Friday");
    assertThat(bob.threadMessage("Then Friday")).isVisible();
    for (Person person : java.util.List.of(alice, bob)) {
      Locator summary = person.message("Deploy on Friday?").locator(".thread-summary");
      assertThat(summary).hasAttribute("data-reply-count", "2");
      assertThat(summary.locator(".thread-avatars .avatar")).hasCount(2);
      assertThat(person.page.locator("#chat .message-text").getByText("Then Friday")).hasCount(0);
    }

    // Bob moves to the Threads view; a reply that comes then is new there, and in the sidebar.
    bob.page.locator(".nav-item[data-view=threads]").click();
    Locator item = bob.page.locator(".thread-item").filter(new Locator.FilterOptions().setHasText("Deploy on Friday?"));
    assertThat(item.locator(".thread-summary")).hasAttribute("data-reply-count", "2");
    alice.replyInThread("See you then");
    assertThat(item.locator(".thread-new")).hasText("1 new");
    assertThat(bob.page.locator(".nav-item[data-view=threads] .badge")).hasText("1");
    item.locator(".thread-summary").click();
    assertThat(bob.threadMessage("See you then")).isVisible();
    assertThat(bob.page.locator(".nav-item[data-view=threads] .badge")).hasCount(0);
  }

  @Test
  void onAPhoneTheThreadCoversTheRoomAndBackReturnsToIt() {
    Person alice = person("alice");
    Person bob = person("bob", 375, 740);
    String room = roomName("phone-thread");
    roomsOverRest(alice, bob, room);
    alice.signIn().openRoom(room);
    bob.signIn().openRoom(room);
    alice.send("Who takes the pager this week?");
    assertThat(bob.message("Who takes the pager this week?")).isVisible();

    bob.openThread("Who takes the pager this week?");
    BoundingBox panel = bob.threadPanel().boundingBox();
    assertEquals(375, Math.round(panel.width), "the thread covers the phone's width");
    assertTrue(panel.x == 0 && panel.height >= 700, "and its height: " + panel.x + ", " + panel.height);
    assertThat(bob.threadPanel().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close thread")))
        .isHidden();
    bob.replyInThread("I will");
    assertThat(alice.message("Who takes the pager this week?").locator(".thread-summary")).containsText("1 reply");

    bob.threadPanel().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Back")).click();
    assertThat(bob.threadPanel()).isHidden();
    assertThat(bob.message("Who takes the pager this week?").locator(".thread-summary")).containsText("1 reply");
    assertThat(bob.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show rooms and people")))
        .isVisible();
  }
}
