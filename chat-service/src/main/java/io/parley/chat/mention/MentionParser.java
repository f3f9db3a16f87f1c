package io.parley.chat.mention;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code @username} and {@code @room} a message's text names. Text in code (fenced blocks and inline spans)
 * names no one, and neither does an address such as {@code bob@example.com}: a mention starts the text or
 * follows a character that cannot be part of a name.
 */
final class MentionParser {

  static final String ROOM = "room";

  private static final Pattern CODE = Pattern.compile("```.*?(```|\\z)|`[^`\\n]*`", Pattern.DOTALL);
  private static final Pattern MENTION = Pattern.compile("(?<![A-Za-z0-9_.@-])@([A-Za-z0-9_.-]{3,32})");

  private MentionParser() {
  }

  /** The names a text mentions, lower-cased, each once in the order first named, and whether it names the room. */
  record Parsed(List<String> usernames, boolean room) {
    boolean isEmpty() {
      return usernames.isEmpty() && !room;
    }
  }

  static Parsed parse(String text) {
    List<String> names = new ArrayList<>();
    boolean room = false;
    if (text == null || text.indexOf('@') < 0) {
      return new Parsed(names, false);
    }
    Matcher mention = MENTION.matcher(CODE.matcher(text).replaceAll(" "));
    while (mention.find()) {
      String name = mention.group(1).toLowerCase(Locale.ROOT);
      // A sentence may end right after a name: "thanks @bob." names bob, unless a user is called "bob.".
      String trimmed = name.replaceAll("[.-]+$", "");
      if (ROOM.equals(trimmed)) {
        room = true;
        continue;
      }
      for (String candidate : List.of(name, trimmed)) {
        if (candidate.length() >= 3 && !names.contains(candidate)) {
          names.add(candidate);
        }
      }
    }
    return new Parsed(names, room);
  }
}
