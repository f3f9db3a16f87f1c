package io.parley.webtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * One person using the web app in a browser profile of their own, through what they see and click: labels,
 * roles and visible text. Remembers every dialog the page opened and every page error.
 */
final class Person implements AutoCloseable {

  final String username;
  final String password;
  private String displayName;
  final BrowserContext context;
  final Page page;
  final List<String> dialogs = new CopyOnWriteArrayList<>();
  final List<String> pageErrors = new CopyOnWriteArrayList<>();
  final List<String> sentFrames = new CopyOnWriteArrayList<>();

  Person(BrowserContext context, String username, String password) {
    this.context = context;
    this.username = username;
    this.password = password;
    this.page = context.newPage();
    page.onDialog(dialog -> {
      dialogs.add(dialog.type() + ": " + dialog.message());
      dialog.dismiss();
    });
    page.onPageError(error -> pageErrors.add(error));
    page.onWebSocket(socket -> socket.onFrameSent(frame -> sentFrames.add(frame.text())));
  }

  Person displayName(String name) {
    this.displayName = name;
    return this;
  }

  /** Signs up through the form, checking that the password rules tick as they are met, and lands in the app. */
  Person signUp() {
    page.navigate("/");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create an account")).click();
    page.getByLabel("Username").fill(username);
    if (displayName != null) {
      page.getByLabel("Display name (optional)").fill(displayName);
    }
    Locator password = page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true));
    Locator lengthRule = page.locator(".rule[data-rule=length]");
    Locator usernameRule = page.locator(".rule[data-rule=username]");
    password.fill("short");
    assertThat(lengthRule).not().hasClass(Pattern.compile("\\bmet\\b"));
    password.fill("x" + username + "-long-enough");
    assertThat(lengthRule).hasClass(Pattern.compile("\\bmet\\b"));
    assertThat(usernameRule).hasClass(Pattern.compile("\\bbroken\\b"));
    password.fill(this.password);
    assertThat(lengthRule).hasClass(Pattern.compile("\\bmet\\b"));
    assertThat(usernameRule).hasClass(Pattern.compile("\\bmet\\b"));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
    awaitConnected();
    return this;
  }

  Person signIn() {
    startSignIn();
    awaitConnected();
    return this;
  }

  /** Fills the sign-in form and sends it, leaving what comes next (the app, or a second step) to the caller. */
  Person startSignIn() {
    page.navigate("/");
    page.getByLabel("Username").fill(username);
    page.getByLabel("Password").fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    return this;
  }

  /** Logs out from the sidebar and waits for the sign-in page. */
  Person logOut() {
    showSidebar();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
    assertThat(signInHeading()).isVisible();
    return this;
  }

  Locator signInHeading() {
    return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in to Parley"));
  }

  /** Opens "Your account" from the sidebar on one of its tabs; answers the dialog. */
  Locator openAccount(String tab) {
    showSidebar();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Your account")).click();
    Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Your account"));
    dialog.getByRole(AriaRole.TAB, new Locator.GetByRoleOptions().setName(tab)).click();
    return dialog;
  }

  void awaitConnected() {
    assertThat(page.locator(".connection")).hasAttribute("data-state", "online");
  }

  Person createRoom(String name, boolean privateRoom) {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create a room").setExact(true)).first().click();
    Locator dialog = page.getByRole(AriaRole.DIALOG);
    dialog.getByLabel("Name").fill(name);
    if (privateRoom) {
      dialog.getByLabel("Private").check();
    }
    dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create room")).click();
    assertThat(chatTitle()).hasText(name);
    return this;
  }

  Person joinRoom(String name) {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Browse rooms")).first().click();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join " + name)).click();
    assertThat(chatTitle()).hasText(name);
    return this;
  }

  Locator roomLink(String name) {
    return page.locator(".nav-item[data-room-name=\"" + name + "\"]");
  }

  /** On a phone, opens the sidebar drawer. */
  void showSidebar() {
    Locator menu = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show rooms and people"));
    if (menu.isVisible() && !"true".equals(menu.getAttribute("aria-expanded"))) {
      menu.click();
    }
  }

  /** Picks the room in the sidebar; on a phone, opening the sidebar drawer first. */
  Person openRoom(String name) {
    showSidebar();
    roomLink(name).click();
    assertThat(chatTitle()).hasText(name);
    return this;
  }

  Locator chatTitle() {
    return page.locator("#chat-title");
  }

  /** The room's composer (not the open thread's). */
  Locator composer() {
    return page.locator("#chat .composer-input");
  }

  Person send(String text) {
    composer().fill(text);
    composer().press("Enter");
    return this;
  }

  /** The stored message (not a pending copy) in the room's list whose text is exactly this. */
  Locator message(String text) {
    return storedMessage(page.locator("#chat"), text);
  }

  /** The thread open beside the room (over it, on a phone). */
  Locator threadPanel() {
    return page.locator("#thread");
  }

  /** The stored message of the open thread (its root or a reply) whose text is exactly this. */
  Locator threadMessage(String text) {
    return storedMessage(threadPanel(), text);
  }

  /** Opens the message's thread with "Reply in thread" from its menu. */
  Person openThread(String rootText) {
    messageAction(message(rootText), "Reply in thread");
    assertThat(threadMessage(rootText)).isVisible();
    return this;
  }

  Person replyInThread(String text) {
    Locator composer = threadPanel().locator(".composer-input");
    composer.fill(text);
    composer.press("Enter");
    return this;
  }

  /** From now on the page records each desktop notification it shows (as "title: body"); call before signing in. */
  Person recordNotifications() {
    page.addInitScript("window.__notifications = [];"
        + "window.Notification = class extends window.Notification {"
        + "  constructor(title, options) { super(title, options); window.__notifications.push(title + ': ' + options.body); } };");
    return this;
  }

  Object notifications() {
    return page.evaluate("() => window.__notifications");
  }

  private static Locator storedMessage(Locator within, String text) {
    return within.locator(".message[data-message-id]").filter(new Locator.FilterOptions()
        .setHas(within.page().locator(".message-text").getByText(text, new Locator.GetByTextOptions().setExact(true))));
  }

  Locator messagesWithText(String text) {
    return page.locator(".message .message-text").getByText(text, new Locator.GetByTextOptions().setExact(true));
  }

  /** Hovers the message and clicks one of its actions (Add reaction, Edit message, Delete message). */
  void messageAction(Locator message, String action) {
    message.hover();
    message.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(action)).click();
  }

  void attach(Path file) {
    page.locator("#composer-file").setInputFiles(file);
  }

  void screenshot(Path path) {
    page.screenshot(new Page.ScreenshotOptions().setPath(path));
  }

  @Override
  public void close() {
    context.close();
  }
}
