package io.parley.webtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Message text is Markdown: the safe subset renders as elements on both sides, and markup or scripts in a
 * message are shown as text or dropped, never run.
 */
class MessageFormattingTest extends SharedServerScenarios {

  /** Payloads shown exactly as written. */
  private static final List<String> AS_WRITTEN = List.of(
      "<script>window.__pwned=1;alert(1)</script>",
      "<img src=x onerror=\"window.__pwned=2;alert(2)\">",
      "[click me](javascript:window.__pwned=3)",
      "<a href=\"javascript:window.__pwned=4\">link</a>",
      "[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==)",
      "<svg onload=\"window.__pwned=6\">",
      "<iframe src=\"javascript:window.__pwned=7\"></iframe>",
      "<style>body{display:none}</style>",
      "<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=9>",
      "[x](JaVaScRiPt:window.__pwned=10)",
      "<javascript:window.__pwned=11>",
      "<details open ontoggle=\"window.__pwned=12\">",
      "javascript:window.__pwned=13",
      "<a href=\"https://example.com\" onclick=\"window.__pwned=14\">ok</a>",
      "[x](vbscript:msgbox(15))",
      "<form action=\"javascript:window.__pwned=16\"><button>go</button></form>",
      "[x](#\" onclick=\"window.__pwned=17)",
      "<<script>script>window.__pwned=18<</script>/script>",
      "<object data=\"javascript:window.__pwned=26\"></object>");

  /** Payloads in which Markdown takes part, each with the text it shows. */
  private static final List<List<String>> REWRITTEN = List.of(
      // Entities are decoded as text, after the link was refused.
      List.of("[entity](&#106;avascript:window.__pwned=19)", "[entity](javascript:window.__pwned=19)"),
      List.of("&lt;img src=x onerror=window.__pwned=20&gt;", "<img src=x onerror=window.__pwned=20>"),
      // A link whose title tries to close its attribute: the link stays, the title goes.
      List.of("[title](https://example.com/t \"x\\\" onmouseover=\\\"window.__pwned=21\")", "title"),
      // An image is outside the subset: its link is kept, no picture is loaded.
      List.of("![pixel](https://example.com/p.png)", "!pixel"),
      List.of("`<script>window.__pwned=23</script>`", "<script>window.__pwned=23</script>"),
      List.of("```\n<img src=x onerror=window.__pwned=24>\n```", "<img src=x onerror=window.__pwned=24>"),
      List.of("[x](https://example.com/\"onmouseover=\"window.__pwned=25)", "x"));

  /** What a message's text may hold: the subset's elements and attributes, and mention spans. */
  private static final String PROBLEMS_IN_MESSAGE_TEXT = """
      () => {
        const tags = ['P', 'BR', 'STRONG', 'EM', 'S', 'CODE', 'PRE', 'BLOCKQUOTE', 'UL', 'OL', 'LI', 'A', 'SPAN'];
        const problems = [];
        for (const el of document.querySelectorAll('.message-text *')) {
          if (!tags.includes(el.tagName)) problems.push('element ' + el.tagName);
          for (const attr of el.attributes) {
            if (!['href', 'target', 'rel', 'class', 'start'].includes(attr.name)) problems.push(el.tagName + ' ' + attr.name);
          }
          if (el.tagName === 'A' && !/^(https?|mailto):/i.test(el.getAttribute('href'))) problems.push('href ' + el.getAttribute('href'));
          if (el.tagName === 'A' && (el.rel !== 'noopener noreferrer' || el.target !== '_blank')) problems.push('link ' + el.href);
          if (el.tagName === 'SPAN' && !el.classList.contains('mention')) problems.push('span ' + el.className);
        }
        return problems;
      }
      """;

  @Test
  void everyMarkupAndScriptPayloadIsShownAsTextOrDroppedAndRunsNothing() {
    Pair pair = twoInARoom("payloads");
    List<List<String>> payloads = new ArrayList<>();
    AS_WRITTEN.forEach(payload -> payloads.add(List.of(payload, payload)));
    payloads.addAll(REWRITTEN);

    Locator bobsMessages = pair.bob().page.locator(".message[data-message-id]");
    for (int i = 0; i < payloads.size(); i++) {
      pair.alice().send(payloads.get(i).get(0));
      assertThat(bobsMessages).hasCount(i + 1);
    }
    for (Person person : List.of(pair.alice(), pair.bob())) {
      Locator texts = person.page.locator(".message[data-message-id] .message-text");
      assertThat(texts).hasCount(payloads.size());
      for (int i = 0; i < payloads.size(); i++) {
        assertThat(texts.nth(i)).hasText(payloads.get(i).get(1));
      }
      Locator text = person.page.locator(".message-text");
      assertEquals(0, person.page.locator(".messages script").count(), "no script element");
      assertEquals(0, text.locator("img, svg, iframe, object, style, form, details, math").count(), "no such element");
      assertEquals(0, text.locator("[href^='javascript' i], [href^='data' i], [href^='vbscript' i]").count());
      assertEquals(List.of(), person.page.evaluate(PROBLEMS_IN_MESSAGE_TEXT));
      Locator titleLink = text.getByText("title", new Locator.GetByTextOptions().setExact(true));
      assertThat(titleLink).hasAttribute("href", "https://example.com/t");
      assertEquals(null, titleLink.getAttribute("title"));
      assertEquals(true, person.page.evaluate("() => window.__pwned === undefined"), "nothing ran");
      assertTrue(person.dialogs.isEmpty(), "no dialog opened: " + person.dialogs);
    }
  }

  @Test
  void theMarkdownSubsetRendersAsElementsAndMentionsStandOut() {
    Pair pair = twoInARoom("markdown");
    Person alice = pair.alice();
    Person bob = pair.bob();
    assertThat(alice.page.locator(".composer-hint")).containsText("**bold**");

    String longWord = "w".repeat(400);
    String longCode = "x".repeat(400);
    alice.send("**bold** _italic_ ~~gone~~ `inline code`, see https://example.com/linked and "
        + "[the docs](https://example.com/docs) or [mail us](mailto:team@example.com), @" + bob.username
        + " and @room\n" + longWord + "\n\n- first point\n- second point\n\n3. third\n4. fourth\n\n> quoted words\n\n"
        + "```\nline one\n    indented " + longCode + "\n```");

    Locator message = bob.page.locator(".message[data-message-id]").last();
    assertThat(message.locator(".message-text strong")).hasText("bold");
    assertThat(message.locator(".message-text em")).hasText("italic");
    assertThat(message.locator(".message-text s")).hasText("gone");
    assertThat(message.locator(".message-text p code")).hasText("inline code");
    assertThat(message.locator(".message-text ul > li")).hasText(new String[] {"first point", "second point"});
    assertThat(message.locator(".message-text ol")).hasAttribute("start", "3");
    assertThat(message.locator(".message-text ol > li")).hasText(new String[] {"third", "fourth"});
    assertThat(message.locator(".message-text blockquote")).hasText("quoted words");
    assertEquals("line one\n    indented " + longCode + "\n", message.locator("pre code").textContent(),
        "the code block keeps its whitespace");

    for (String[] link : new String[][] {{"https://example.com/linked", "https://example.com/linked"},
        {"https://example.com/docs", "the docs"}, {"mailto:team@example.com", "mail us"}}) {
      Locator anchor = message.locator(".message-text a[href=\"" + link[0] + "\"]");
      assertThat(anchor).hasText(link[1]);
      assertThat(anchor).hasAttribute("rel", "noopener noreferrer");
      assertThat(anchor).hasAttribute("target", "_blank");
    }

    // The code block scrolls sideways, the long word wraps: the timeline itself never does.
    assertEquals(true, message.locator("pre").evaluate("pre => pre.scrollWidth > pre.clientWidth"));
    assertEquals(true, bob.page.locator(".messages-scroll").evaluate("s => s.scrollWidth <= s.clientWidth"));

    // Bob's own name stands out on his side; on Alice's it is an ordinary mention. @room is everyone's.
    assertThat(message.locator(".mention-me")).hasText("@" + bob.username);
    assertThat(message.locator(".mention-room")).hasText("@room");
    Locator alicesMention = alice.page.locator(".message[data-message-id]").last().locator(".mention")
        .filter(new Locator.FilterOptions().setHasText("@" + bob.username));
    assertThat(alicesMention).not().hasClass(java.util.regex.Pattern.compile("mention-me"));
    assertEquals(List.of(), bob.page.evaluate(PROBLEMS_IN_MESSAGE_TEXT));
  }
}
