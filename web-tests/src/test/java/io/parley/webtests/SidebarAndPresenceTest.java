package io.parley.webtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a first look at the app showed: the sidebar's footer fits in it on a 1280 px window, an admin using the
 * admin panel is listed as online there, and someone who goes offline stops typing at once.
 */
class SidebarAndPresenceTest extends SharedServerScenarios {

  @Test
  void theSidebarFootersButtonsLieInsideTheSidebarOfA1280PxWindow() {
    Person admin = admin();
    // Notifications not decided yet: the footer offers to enable them, beside the admin and log-out icons.
    admin.context.clearPermissions();
    admin.signIn();
    Locator sidebar = admin.page.locator(".sidebar");
    Locator enable = admin.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
        .setName("Enable desktop notifications"));
    assertThat(enable).isVisible();
    Locator logout = admin.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out"));
    Locator shield = admin.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Admin"));

    BoundingBox side = sidebar.boundingBox();
    for (Locator part : List.of(enable, logout, shield)) {
      BoundingBox box = part.boundingBox();
      assertTrue(box.x >= side.x && box.x + box.width <= side.x + side.width,
          part + " at x " + box.x + " width " + box.width + " lies inside the sidebar, x " + side.x
              + " width " + side.width);
    }
    assertEquals(true, enable.evaluate("button => button.scrollWidth <= button.clientWidth"),
        "the button's label is not cut inside it");
  }

  @Test
  void theAdminPanelListsTheAdminUsingItAsOnline() {
    Person admin = admin().signIn();
    admin.page.navigate("/admin");
    admin.page.getByLabel("Search users").fill(SharedParley.ADMIN);
    Locator ownRow = admin.page.locator("tr").filter(new Locator.FilterOptions().setHas(
        admin.page.getByText("@" + SharedParley.ADMIN, new Page.GetByTextOptions().setExact(true))));
    assertThat(ownRow.locator(".tag")).hasText("Online");
  }

  @Test
  void someoneWhoGoesOfflineStopsTypingAtOnce() {
    Person alice = person("alice");
    Person bob = person("bob");
    ParleyRest rest = new ParleyRest(server.baseUrl());
    rest.register(alice.username, alice.password);
    String bobId = rest.register(bob.username, bob.password).getString("id");
    rest.directRoom(rest.login(alice.username, alice.password), bobId);
    // Alice's page never hears a typing stop (as when the gateway Bob was on dies): only his going offline
    // can end his typing there. Her page talks over the plain socket, one frame a message, to drop them.
    alice.context.route("**/sockjs/**", route -> route.abort());
    alice.page.addInitScript(DROP_TYPING_STOPS);
    alice.signIn().openRoom(bob.username);
    bob.signIn().openRoom(alice.username);

    bob.composer().pressSequentially("I was just about to");
    Locator typing = alice.page.locator(".typing-line");
    assertThat(typing).containsText(bob.username + " is typing");
    bob.page.close();

    // Alice's page takes Bob's going offline in one step: once his dot is grey, his typing is gone too (his
    // last typing start would otherwise show for seconds more).
    assertThat(alice.roomLink(bob.username).locator(".presence-dot")).hasAttribute("aria-label", "offline");
    assertEquals("", typing.textContent());
  }

  /** Wraps the page's WebSocket so that typing frames saying someone stopped never reach the app. */
  private static final String DROP_TYPING_STOPS = """
      const stop = /"typing":false/;
      window.WebSocket = class extends window.WebSocket {
        get onmessage() { return super.onmessage; }
        set onmessage(listener) { super.onmessage = (event) => stop.test(event.data) || listener.call(this, event); }
      };
      """;
}
