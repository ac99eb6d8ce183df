package dev.zonegate.model;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * RFC 1035 character-strings as master files write them (§5.1): quoted, with {@code "} and
 * {@code \} escaped and every octet outside printable ASCII as {@code \DDD}. Readers of provider
 * APIs and of octoDNS YAML write their text values this way so the model compares them as
 * dnsjava's canonical rdata does.
 */
public final class CharacterStrings {
  private CharacterStrings() {}

  /** {@code s} (its UTF-8 octets) as one quoted character-string. */
  public static String quote(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return quote(b, 0, b.length);
  }

  /** Octets {@code from} to {@code to} of {@code b} as one quoted character-string. */
  public static String quote(byte[] b, int from, int to) {
    StringBuilder out = new StringBuilder(to - from + 2).append('"');
    for (int i = from; i < to; i++) {
      int c = b[i] & 0xff;
      if (c == '"' || c == '\\') {
        out.append('\\').append((char) c);
      } else if (c < 0x20 || c >= 0x7f) {
        out.append('\\').append(String.format(Locale.ROOT, "%03d", c));
      } else {
        out.append((char) c);
      }
    }
    return out.append('"').toString();
  }
}
