package io.parley.webtests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenarios on the {@link SharedParley} server: each person is a browser profile of their own with a name no
 * other scenario uses, whose page must have had no errors when the scenario ends.
 */
@ExtendWith(SharedParley.Resolver.class)
abstract class SharedServerScenarios {

  private static final AtomicInteger NAMES = new AtomicInteger();
  static ParleyServer server;
  static Chromium chromium;
  private final List<Person> people = new ArrayList<>();

  @BeforeAll
  static void share(SharedParley shared) {
    server = shared.server;
    chromium = shared.chromium;
  }

  @AfterEach
  void closePeople() {
    for (Person person : people) {
      assertTrue(person.pageErrors.isEmpty(), person.username + "'s page had errors: " + person.pageErrors);
      person.close();
    }
  }

  Person person(String prefix) {
    return person(prefix, 1280, 800);
  }

  Person person(String prefix, int width, int height) {
    String username = prefix + NAMES.incrementAndGet();
    return enter(new Person(chromium.newContext(server.baseUrl(), width, height), username,
        "zq8-secret-phrase-" + NAMES.get()));
  }

  /** The same account in another browser profile: another device of theirs. */
  Person elsewhere(Person person) {
    return enter(new Person(chromium.newContext(server.baseUrl(), 1280, 800), person.username, person.password));
  }

  /** The server's first account, made before any scenario: the admin. */
  Person admin() {
    return enter(new Person(chromium.newContext(server.baseUrl(), 1280, 800), SharedParley.ADMIN,
        SharedParley.ADMIN_PASSWORD));
  }

  private Person enter(Person person) {
    people.add(person);
    return person;
  }

  /** Signs both up over REST; the owner creates the rooms and the guest joins them. No page is opened. */
  static void roomsOverRest(Person owner, Person guest, String... rooms) {
    ParleyRest rest = new ParleyRest(server.baseUrl());
    rest.register(owner.username, owner.password);
    rest.register(guest.username, guest.password);
    String ownerToken = rest.login(owner.username, owner.password);
    String guestToken = rest.login(guest.username, guest.password);
    for (String room : rooms) {
      rest.joinRoom(guestToken, rest.createRoom(ownerToken, room).getString("id"));
    }
  }

  /** Two people who share a new room, signed in with it open. */
  record Pair(Person alice, Person bob, String room) {
  }

  Pair twoInARoom(String roomPrefix) {
    return twoInARoom(roomPrefix, alice -> { });
  }

  /** Two people who share a new room; Alice's browser is prepared before her page signs in. */
  Pair twoInARoom(String roomPrefix, Consumer<Person> prepareAlice) {
    Person alice = person("alice");
    Person bob = person("bob");
    String room = roomName(roomPrefix);
    roomsOverRest(alice, bob, room);
    prepareAlice.accept(alice);
    alice.signIn().openRoom(room);
    bob.signIn().openRoom(room);
    return new Pair(alice, bob, room);
  }

  static String roomName(String prefix) {
    return prefix + "-" + NAMES.incrementAndGet();
  }
}
