package io.parley.chat;

import static io.parley.chat.ChatHarness.failure;
import static io.parley.chat.ChatHarness.room;
import static io.parley.chat.ChatHarness.roomOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contract.Actor;
import io.parley.contract.ErrorCode;
import io.parley.contract.chat.ChatClient;
import io.parley.contract.chat.MentionPage;
import io.parley.contract.chat.MentionsQuery;
import io.parley.contract.chat.MessageEdit;
import io.parley.contract.chat.MessageRef;
import io.parley.contract.chat.NewMessage;
import io.parley.contract.chat.ReadUpTo;
import io.parley.contract.chat.RoomRef;
import io.parley.contract.model.Message;
import io.parley.contract.model.Room;
import io.parley.platform.EmbeddedStoreExtension;
import io.parley.testing.Await;
import io.parley.testing.FakePresence;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Mentions through chat-service's typed client: who a text names, the rooms' counts, the list of mentions. */
@ExtendWith(VertxExtension.class)
class MentionsServiceTest {

  @RegisterExtension
  static final EmbeddedStoreExtension STORE = new EmbeddedStoreExtension();

  private static final FakeAuth AUTH = new FakeAuth();

  private static ChatClient chat;

  @BeforeAll
  static void deploy(Vertx vertx) {
    chat = ChatHarness.deploy(vertx, AUTH, new FakePresence(), STORE.connectionString(), new JsonObject(), 1);
  }

  @Test
  void membersNamedAreMentionedCountedUntilReadAndListedNewestFirst() {
    Actor cy = AUTH.add("cy", Actor.ROLE_USER);
    Actor dee = AUTH.add("dee", Actor.ROLE_USER);
    AUTH.add("eli", Actor.ROLE_USER);
    Room room = room(chat, cy, "Standup", Room.PUBLIC, dee);
    Message named = send(cy, room.id(), "hi @DEE, @eli and @nobody; mail dee@example.com, `@dee` in code");
    assertEquals(List.of(dee.id()), named.mentions(), "members only, any case, not in code or an address");
    assertFalse(named.mentionsRoom());
    Message everyone = send(cy, room.id(), "@room standup now.");
    assertTrue(everyone.mentionsRoom());
    send(cy, room.id(), "no one named");

    Room seen = roomOf(chat, dee, room.id());
    assertEquals(3, seen.unread());
    assertEquals(2, seen.mentions());
    assertEquals(0, roomOf(chat, cy, room.id()).mentions(), "a sender never mentions themselves");
    MentionPage all = Await.result(chat.mentions(dee, new MentionsQuery(null, null)));
    assertEquals(List.of(everyone.id(), named.id()), all.mentions().stream().map(m -> m.message().id()).toList());
    assertEquals(room.name(), all.mentions().get(0).room().name());
    MentionPage first = Await.result(chat.mentions(dee, new MentionsQuery(null, 1)));
    assertTrue(first.hasMore());
    MentionPage rest = Await.result(chat.mentions(dee, new MentionsQuery(everyone.id(), 1)));
    assertEquals(List.of(named.id()), rest.mentions().stream().map(m -> m.message().id()).toList());
    assertFalse(rest.hasMore());
    assertEquals(ErrorCode.INVALID_INPUT, failure(chat.mentions(dee, new MentionsQuery("not-mine", 1))).code());

    assertEquals(1, Await.result(chat.read(dee, new ReadUpTo(room.id(), named.seq()))).mentions());
    assertEquals(0, Await.result(chat.read(dee, new ReadUpTo(room.id(), everyone.seq()))).mentions());
    assertEquals(0, roomOf(chat, dee, room.id()).mentions());
  }

  @Test
  void anEditReadsMentionsAgainAndADeletionTakesThemBack() {
    Actor fay = AUTH.add("fay", Actor.ROLE_USER);
    Actor gus = AUTH.add("gus", Actor.ROLE_USER);
    Actor hal = AUTH.add("hal", Actor.ROLE_USER);
    Room room = room(chat, fay, "Edits", Room.PUBLIC, gus, hal);
    Message said = send(fay, room.id(), "@gus look");
    Message edited = Await.result(chat.edit(fay, new MessageEdit(said.id(), "@hal look")));
    assertEquals(List.of(hal.id()), edited.mentions());
    assertEquals(0, roomOf(chat, gus, room.id()).mentions());
    assertEquals(1, roomOf(chat, hal, room.id()).mentions());
    assertEquals(List.of(), Await.result(chat.mentions(gus, new MentionsQuery(null, null))).mentions());
    Await.result(chat.delete(fay, new MessageRef(said.id())));
    assertEquals(0, roomOf(chat, hal, room.id()).mentions());
    assertEquals(List.of(), Await.result(chat.mentions(hal, new MentionsQuery(null, null))).mentions());
  }

  @Test
  void mentionsInARoomLeftAreNoLongerListed() {
    Actor ivy = AUTH.add("ivy", Actor.ROLE_USER);
    Actor jon = AUTH.add("jon", Actor.ROLE_USER);
    Room secret = room(chat, ivy, "Secret", Room.PRIVATE);
    Await.result(chat.invite(ivy, new io.parley.contract.chat.Invitation(secret.id(), jon.id())));
    send(ivy, secret.id(), "@jon psst");
    assertEquals(1, Await.result(chat.mentions(jon, new MentionsQuery(null, null))).mentions().size());
    Await.result(chat.leave(jon, new RoomRef(secret.id())));
    assertEquals(List.of(), Await.result(chat.mentions(jon, new MentionsQuery(null, null))).mentions());
  }

  @Test
  void atRoomIsPlainTextInARoomOfMoreThanAHundred() {
    Actor kim = AUTH.add("kim", Actor.ROLE_USER);
    Actor[] crowd = new Actor[100];
    for (int i = 0; i < crowd.length; i++) {
      crowd[i] = AUTH.add("crowd" + i, Actor.ROLE_USER);
    }
    Room hall = room(chat, kim, "Hall", Room.PUBLIC, crowd);
    assertEquals(101, roomOf(chat, kim, hall.id()).memberCount());
    Message shout = send(kim, hall.id(), "@room hello");
    assertFalse(shout.mentionsRoom());
    assertEquals(0, roomOf(chat, crowd[0], hall.id()).mentions());
    Await.result(chat.leave(crowd[99], new RoomRef(hall.id())));
    assertTrue(send(kim, hall.id(), "@room now?").mentionsRoom(), "a hundred members");
    assertEquals(1, roomOf(chat, crowd[0], hall.id()).mentions());
  }


  private static Message send(Actor actor, String roomId, String text) {
    return Await.result(chat.send(actor, new NewMessage(roomId, null, text, null, null))).message();
  }
}
