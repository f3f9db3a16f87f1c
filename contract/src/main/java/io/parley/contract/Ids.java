package io.parley.contract;

import java.security.SecureRandom;

/** Opaque, unguessable identifiers: 20 characters of lowercase base-32, 100 bits of randomness. */
public final class Ids {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

  private Ids() {
  }

  public static String newId() {
    char[] id = new char[20];
    for (int i = 0; i < id.length; i++) {
      id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(id);
  }

  /** True for a string that could be an id made here; anything else cannot name a record. */
  public static boolean looksValid(Object candidate) {
    if (!(candidate instanceof String id) || id.length() != 20) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '2' && c <= '7'))) {
        return false;
      }
    }
    return true;
  }
}
