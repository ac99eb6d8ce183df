package dev.zonegate.zone;

import java.math.BigInteger;

/**
 * octoDNS's key order (natsort's default): runs of digits compare as numbers, the rest as text,
 * so {@code host2} comes before {@code host12}. A name starting with digits sorts before letters,
 * as natsort's leading empty string makes it.
 */
final class NaturalOrder {
  private NaturalOrder() {}

  static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    boolean digits = false; // chunks alternate text, number, text, … starting with text
    while (true) {
      if (i >= a.length() && j >= b.length()) {
        return 0;
      }
      if (i >= a.length()) {
        return -1;
      }
      if (j >= b.length()) {
        return 1;
      }
      int ei = end(a, i, digits);
      int ej = end(b, j, digits);
      int c;
      if (digits) {
        c = new BigInteger(a.substring(i, ei)).compareTo(new BigInteger(b.substring(j, ej)));
      } else {
        c = a.substring(i, ei).compareTo(b.substring(j, ej));
      }
      if (c != 0) {
        return c;
      }
      i = ei;
      j = ej;
      digits = !digits;
    }
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int end(String s, int from, boolean digits) {
    int k = from;
    while (k < s.length() && isAsciiDigit(s.charAt(k)) == digits) {
      k++;
    }
    return k;
  }
}
