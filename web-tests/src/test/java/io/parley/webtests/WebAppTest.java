package io.parley.webtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The web app in headless chromium against one real Parley process: people sign up, talk in rooms and in
 * direct messages, and everything they see comes from the server through the socket and the REST API.
 */
class WebAppTest extends SharedServerScenarios {

  @Test
  void twoPeopleSignUpMeetInARoomAndTalkSeeingTypingAndPresence() {
    Person alice = person("alice").signUp();
    Person bob = person("bob").signUp();
    String room = roomName("general");
    alice.createRoom(room, false);
    bob.joinRoom(room);

    // Presence: Alice sees Bob online, and his dot goes grey when he leaves.
    Locator bobOnline = alice.page.locator(".people .nav-item[data-user-id]").filter(
        new Locator.FilterOptions().setHasText(bob.username));
    assertThat(bobOnline).isVisible();

    alice.send("Hello Bob!");
    assertThat(bob.message("Hello Bob!")).isVisible();
    assertThat(alice.message("Hello Bob!")).hasClass(Pattern.compile("\\bmine\\b"));
    assertThat(bob.message("Hello Bob!")).not().hasClass(Pattern.compile("\\bmine\\b"));

    // Typing shows on the other side while Bob types, and goes when he sends.
    bob.composer().pressSequentially("Hi Al");
    assertThat(alice.page.locator(".typing-line")).containsText(bob.username + " is typing");
    bob.composer().pressSequentially("ice");
    bob.composer().press("Enter");
    assertThat(alice.message("Hi Alice")).isVisible();
    assertThat(alice.page.locator(".typing-line")).hasText("");

    // Bob leaves: the room goes from his sidebar, and Alice sees one member fewer.
    assertThat(alice.page.locator(".chat-topic")).containsText("2 members");
    bob.page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Leave")).click();
    bob.page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON,
        new Locator.GetByRoleOptions().setName("Leave")).click();
    assertThat(bob.roomLink(room)).hasCount(0);
    assertThat(alice.page.locator(".chat-topic")).containsText("1 member");

    bob.page.close();
    assertThat(bobOnline).hasCount(0);
  }

  @Test
  void aPrivateRoomIsReachedByInvitationOnly() {
    Person alice = person("alice").signUp();
    Person bob = person("bob").signUp();
    String secret = roomName("secret");
    alice.createRoom(secret, true);
    alice.send("Only for the invited");

    bob.page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Browse rooms")).first().click();
    assertThat(bob.page.getByRole(AriaRole.DIALOG).locator(".pick-name").getByText(secret)).hasCount(0);
    bob.page.keyboard().press("Escape");

    alice.page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Invite")).click();
    alice.page.getByRole(AriaRole.DIALOG).getByLabel("Search people").fill(bob.username);
    alice.page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions()
        .setName("Invite " + bob.username)).click();
    bob.openRoom(secret);
    assertThat(bob.message("Only for the invited")).isVisible();
  }

  @Test
  void reactionsEditsDeletesAndAnImageReachTheOtherSide() throws IOException {
    Person alice = person("alice").signUp();
    Person bob = person("bob").signUp();
    String room = roomName("team");
    alice.createRoom(room, false);
    bob.joinRoom(room);
    alice.send("Hello Bob!");

    // A reaction from the picker reaches the other side, with its count.
    react(bob, "Hello Bob!", "party popper");
    assertThat(alice.message("Hello Bob!").locator(".reaction[data-emoji=\"🎉\"] .reaction-count")).hasText("1");
    assertThat(bob.message("Hello Bob!").locator(".reaction.mine")).hasAttribute("aria-pressed", "true");

    // Edit: the new text and the edited mark, on both sides. The editor takes the focus before anything else can
    // run, so text selected the moment it opens stays selected (a timer once moved the caret to the end after
    // Playwright's select-all, and "fill" appended to the old text).
    alice.message("Hello Bob!").hover();
    assertEquals(true, alice.message("Hello Bob!").evaluate(SELECT_ALL_AS_THE_EDITOR_OPENS));
    Locator editor = alice.page.getByLabel("New text of the message");
    editor.fill("Hello Bob, welcome!");
    editor.press("Enter");
    assertThat(bob.message("Hello Bob, welcome!").locator(".edited")).hasText("(edited)");
    assertThat(bob.messagesWithText("Hello Bob!")).hasCount(0);

    // Delete: the message stays in place, marked deleted.
    alice.send("This one goes away");
    assertThat(bob.message("This one goes away")).isVisible();
    alice.messageAction(alice.message("This one goes away"), "Delete message");
    alice.page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON,
        new Locator.GetByRoleOptions().setName("Delete")).click();
    assertThat(bob.page.locator(".message.deleted .deleted-text")).hasText("This message was deleted.");
    assertThat(bob.messagesWithText("This one goes away")).hasCount(0);

    // An image: uploaded with progress, sent, and shown inline to Bob from the server.
    alice.attach(writePicture("logo.png"));
    assertThat(alice.page.locator(".upload-state")).containsText("Ready to send");
    alice.send("Our new logo");
    Locator bobsImage = bob.message("Our new logo").locator("img.attachment-image");
    assertThat(bobsImage).isVisible();
    assertEquals(PICTURE_WIDTH, loadedWidth(bobsImage, 20_000), "the picture itself arrived and decoded");
  }

  /**
   * The natural width of an image once it has loaded. Polled from here, not with page.waitForFunction: that
   * evaluates its predicate with eval inside the page when the image is still loading, which the app's CSP
   * (no unsafe-eval) rightly refuses; evaluate runs through the debugging protocol instead.
   */
  static int loadedWidth(Locator image, long timeoutMs) {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (true) {
      Object width = image.evaluate("img => img.complete ? img.naturalWidth : -1");
      if (width instanceof Number n && n.intValue() > 0 || System.currentTimeMillis() > deadline) {
        return width instanceof Number n ? n.intValue() : -1;
      }
      image.page().waitForTimeout(100);
    }
  }

  @Test
  void anEditBeingTypedSurvivesAReactionArrivingOnTheSameMessage() {
    Person alice = person("alice").signUp();
    Person bob = person("bob").signUp();
    String room = roomName("draft");
    alice.createRoom(room, false);
    bob.joinRoom(room);
    alice.send("First version");
    assertThat(bob.message("First version")).isVisible();

    alice.messageAction(alice.message("First version"), "Edit message");
    Locator editor = alice.page.getByLabel("New text of the message");
    editor.fill("Second version, typed while Bob reacts");
    editor.evaluate("area => area.setSelectionRange(0, 6)");
    // Bob's reaction changes the message, so Alice's page redraws it while her editor is open: the editor keeps
    // her draft, her selection ("Second") and the focus, so what she types next replaces the selection.
    react(bob, "First version", "party popper");
    assertThat(alice.page.locator(".reaction[data-emoji=\"🎉\"] .reaction-count")).hasText("1");
    assertThat(editor).hasValue("Second version, typed while Bob reacts");
    alice.page.keyboard().type("Third");
    assertThat(editor).hasValue("Third version, typed while Bob reacts");
    editor.press("Enter");

    assertThat(bob.message("Third version, typed while Bob reacts").locator(".edited")).hasText("(edited)");
    assertThat(alice.message("Third version, typed while Bob reacts").locator(".edited")).hasText("(edited)");
  }

  @Test
  void messagesInRoomsNotOnScreenShowAsBadgesInTheSidebarAndTheTitle() {
    Person alice = person("alice");
    Person bob = person("bob");
    String quiet = roomName("quiet");
    String busy = roomName("busy");
    roomsOverRest(alice, bob, quiet, busy);
    // Desktop notifications are allowed in this profile; the test records what the page shows.
    bob.recordNotifications();
    alice.signIn().openRoom(busy);
    bob.signIn().openRoom(quiet);

    alice.send("Over here, Bob");
    alice.send("Anyone?");
    assertThat(bob.roomLink(busy).locator(".badge")).hasText("2");
    assertThat(bob.page).hasTitle(Pattern.compile("^\\(2\\) "));
    assertThat(bob.roomLink(quiet).locator(".badge")).hasCount(0);
    assertEquals(java.util.List.of(alice.username + " in #" + busy + ": Over here, Bob",
        alice.username + " in #" + busy + ": Anyone?"), bob.notifications());

    bob.openRoom(busy);
    assertThat(bob.roomLink(busy).locator(".badge")).hasCount(0);
    assertThat(bob.page).hasTitle(Pattern.compile("^[^(]"));
  }

  @Test
  void markupInAMessageIsShownAsTextAndRunsNothing() {
    Person alice = person("alice");
    Person bob = person("bob");
    String room = roomName("xss");
    roomsOverRest(alice, bob, room);
    alice.signIn().openRoom(room);
    bob.signIn().openRoom(room);

    String image = "<img src=x onerror=\"window.__pwned=1;alert('img')\">";
    String script = "<script>window.__pwned=2;alert('script')</script>";
    alice.send(image);
    alice.send(script);
    for (Person person : java.util.List.of(alice, bob)) {
      assertThat(person.message(image).locator(".message-text")).hasText(image);
      assertThat(person.message(script).locator(".message-text")).hasText(script);
      assertEquals(0, person.page.locator(".messages img[src=x]").count(), "no img element was made");
      assertEquals(0, person.page.locator(".messages script").count(), "no script element was made");
      assertEquals(true, person.page.evaluate("() => window.__pwned === undefined"), "nothing ran");
      assertTrue(person.dialogs.isEmpty(), "no dialog opened: " + person.dialogs);
    }
  }

  @Test
  void aDirectMessageToSomeoneOfflineIsDeliveredLateWhenTheyComeAndThenRead() {
    Person alice = person("alice").signUp();
    Person carol = person("carol");
    // Carol exists and has a room of her own, but has no page open: she is offline.
    ParleyRest rest = new ParleyRest(server.baseUrl());
    rest.register(carol.username, carol.password);
    rest.createRoom(rest.login(carol.username, carol.password), roomName("carols"));

    alice.page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions()
        .setName("New direct message")).click();
    alice.page.getByRole(AriaRole.DIALOG).getByLabel("Search people").fill(carol.username);
    alice.page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions()
        .setName("Message " + carol.username)).click();
    assertThat(alice.chatTitle()).hasText(carol.username);
    alice.send("Are you there, Carol?");
    Locator status = alice.message("Are you there, Carol?").locator(".message-status");
    assertThat(status).hasAttribute("data-state", "sent");

    carol.signIn();
    assertThat(status).hasAttribute("data-state", "delivered-late");
    assertThat(status).containsText("Delivered late");

    carol.openRoom(alice.username);
    assertThat(carol.message("Are you there, Carol?")).isVisible();
    assertThat(status).hasAttribute("data-state", "read");
  }

  @Test
  void withSockJsUnreachableTheAppFallsBackToAPlainWebSocket() {
    Person alice = person("alice");
    alice.context.route("**/sockjs/**", route -> route.abort());
    alice.signUp();
    assertThat(alice.page.locator(".connection")).hasAttribute("title", "Connected over websocket");
    alice.createRoom(roomName("fallback"), false);
    alice.send("over the plain socket");
    assertThat(alice.message("over the plain socket")).isVisible();
  }

  @Test
  void aReloadReturnsToTheLastRoom() {
    Person alice = person("alice").signUp();
    String first = roomName("first");
    String second = roomName("second");
    alice.createRoom(first, false);
    alice.send("in the first room");
    alice.createRoom(second, false);
    alice.openRoom(first);
    assertThat(alice.message("in the first room")).isVisible();

    alice.page.reload();
    alice.awaitConnected();
    assertThat(alice.chatTitle()).hasText(first);
    assertThat(alice.roomLink(first)).hasAttribute("aria-current", "page");
    assertThat(alice.message("in the first room")).isVisible();
  }

  @Test
  void olderHistoryLoadsWhileScrollingUp() {
    Person alice = person("alice").signUp();
    ParleyRest rest = new ParleyRest(server.baseUrl());
    String token = rest.login(alice.username, alice.password);
    String room = roomName("history");
    String roomId = rest.createRoom(token, room).getString("id");
    for (int n = 1; n <= 120; n++) {
      rest.sendMessage(token, roomId, "history line " + n);
    }

    alice.openRoom(room);
    assertThat(alice.message("history line 120")).isVisible();
    assertThat(alice.page.locator(".message[data-message-id]")).hasCount(50);
    Locator scroller = alice.page.locator(".messages-scroll");
    for (int page = 0; page < 3 && alice.page.locator(".history-start").count() == 0; page++) {
      scroller.evaluate("element => element.scrollTop = 0");
      alice.page.waitForTimeout(300);
    }
    assertThat(alice.page.locator(".history-start")).isVisible();
    assertThat(alice.message("history line 1")).isVisible();
    assertThat(alice.page.locator(".message[data-message-id]")).hasCount(120);
  }

  @Test
  void anAdminBansSomeoneAndTheirOpenPageSaysSo() {
    Person admin = admin().signIn();
    Person mallory = person("mallory").signUp();

    admin.page.navigate("/admin");
    admin.page.getByLabel("Search users").fill(mallory.username);
    Locator row = admin.page.locator("tr").filter(new Locator.FilterOptions().setHasText("@" + mallory.username));
    row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ban")).click();
    admin.page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON,
        new Locator.GetByRoleOptions().setName("Ban")).click();
    assertThat(row.locator(".tag")).hasText("Banned");

    assertThat(mallory.page.getByRole(AriaRole.HEADING,
        new com.microsoft.playwright.Page.GetByRoleOptions().setName("This account is banned"))).isVisible();
    assertThat(mallory.page.locator(".messages-scroll, .sidebar")).hasCount(0);
  }

  /**
   * The README's pictures: a conversation on a desktop, with a thread open beside it, and on a 375 px wide
   * phone, in docs/screenshots. The people and rooms are made over REST, so that the pictures show display
   * names and a room description.
   */
  @Test
  void screenshotsOfAConversationOnADesktopAndAPhone() throws IOException {
    Person alice = person("alice");
    Person bob = person("bob", 375, 740);
    Person carol = person("carol");
    ParleyRest rest = new ParleyRest(server.baseUrl());
    String[] names = {"Alice Martin", "Bob Chen", "Carol Diaz"};
    java.util.List<Person> team = java.util.List.of(alice, bob, carol);
    java.util.List<String> tokens = new java.util.ArrayList<>();
    for (int i = 0; i < team.size(); i++) {
      rest.register(team.get(i).username, team.get(i).password, names[i]);
      tokens.add(rest.login(team.get(i).username, team.get(i).password));
    }
    // Names no other scenario uses, so they need no numbering.
    String design = "design";
    String random = "random";
    String designId = rest.createRoom(tokens.get(0), design, "Product design and reviews").getString("id");
    String randomId = rest.createRoom(tokens.get(0), random).getString("id");
    rest.createRoom(tokens.get(1), "engineering");
    for (String token : tokens.subList(1, 3)) {
      rest.joinRoom(token, designId);
      rest.joinRoom(token, randomId);
    }
    for (Person person : team) {
      person.signIn().openRoom(design);
    }

    alice.send("Morning! The new onboarding screens are ready for review.");
    bob.send("Great, I'll take a look after stand-up.");
    String question = "Love the colours. Can we make the sign-up button a little larger?";
    carol.send(question);
    // A thread on Carol's question: Bob answers in it from his phone and goes back to the room.
    bob.openThread(question).replyInThread("+1, and a bit more contrast on its label?");
    bob.threadPanel().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Back")).click();
    alice.attach(writePicture("onboarding-mockup.png"));
    assertThat(alice.page.locator(".upload-state")).containsText("Ready to send");
    alice.send("Here is the updated mock-up");
    assertThat(bob.message("Here is the updated mock-up").locator("img.attachment-image")).isVisible();
    react(carol, "Here is the updated mock-up", "fire");
    react(bob, "Here is the updated mock-up", "thumbs up");
    assertThat(alice.message("Here is the updated mock-up").locator(".reaction")).hasCount(2);
    bob.send("Looks much better 👏");
    alice.openThread(question).replyInThread("Sure: 48 px, and the label is darker now ✅");
    assertThat(bob.message(question).locator(".thread-summary")).containsText("2 replies");
    carol.openRoom(random);
    carol.send("Lunch at noon?");
    assertThat(alice.roomLink(random).locator(".badge")).hasText("1");
    carol.openRoom(design);
    carol.composer().pressSequentially("Ship it");
    assertThat(alice.page.locator(".typing-line")).containsText("Carol Diaz is typing");
    alice.page.mouse().move(0, 0);
    bob.page.mouse().move(200, 20);
    bob.composer().focus();

    Path folder = Path.of(System.getProperty("parley.screenshots", "target/screenshots"));
    Files.createDirectories(folder);
    alice.screenshot(folder.resolve("desktop.png"));
    bob.screenshot(folder.resolve("phone-375.png"));
  }

  private static void react(Person person, String messageText, String emojiName) {
    person.messageAction(person.message(messageText), "Add reaction");
    person.page.getByRole(AriaRole.GRIDCELL, new com.microsoft.playwright.Page.GetByRoleOptions().setName(emojiName)).click();
  }

  /** Opens a message's editor and selects its text at once; answers whether the selection and focus held. */
  private static final String SELECT_ALL_AS_THE_EDITOR_OPENS = """
      async (message) => {
        message.querySelector('button[aria-label="Edit message"]').click();
        await null;
        const area = document.querySelector('.edit-input');
        area.select();
        await new Promise((resolve) => setTimeout(resolve, 50));
        return document.activeElement === area && area.selectionStart === 0
          && area.selectionEnd === area.value.length;
      }""";

  static final int PICTURE_WIDTH = 360;

  /** A small PNG that looks like a screen mock-up: a title bar, lines of text and a button. */
  static Path writePicture(String name) throws IOException {
    Path file = Files.createTempDirectory("parley-picture").resolve(name);
    BufferedImage picture = new BufferedImage(PICTURE_WIDTH, 220, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = picture.createGraphics();
    g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(new Color(0xf6f7f9));
    g.fillRect(0, 0, PICTURE_WIDTH, 220);
    g.setColor(new Color(0x4f46e5));
    g.fillRect(0, 0, PICTURE_WIDTH, 36);
    g.setColor(new Color(0xd5d9e2));
    for (int line = 0; line < 4; line++) {
      g.fillRoundRect(24, 58 + line * 22, line == 3 ? 180 : 300, 10, 10, 10);
    }
    g.setColor(new Color(0x4f46e5));
    g.fillRoundRect(24, 160, 150, 40, 12, 12);
    g.setColor(Color.WHITE);
    g.fillRoundRect(60, 176, 78, 8, 8, 8);
    g.dispose();
    ImageIO.write(picture, "png", file.toFile());
    return file;
  }

}
