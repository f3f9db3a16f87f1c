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
 * What a first look at the app showed: the sidebar's footer fits in it on a 1280 px window, and an admin using
 * the admin panel is listed as online there.
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
}
