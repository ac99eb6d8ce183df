package dev.zonegate.zone;

import java.nio.charset.StandardCharsets;

/** RFC 5952 text form of an IPv6 address: lower-case, no leading zeros, longest zero run as ::. */
final class Ipv6 {
  private Ipv6() {}

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  static String format(byte[] a) {
    return format(a, new byte[39]);
  }

  /**
   * {@link #format(byte[])}, writing into {@code out} (at least 39 bytes, overwritten) before the
   * string is made: a reader of a million AAAA records passes one of its own, so each address
   * costs its string alone. {@code a} is only read.
   */
  static String format(byte[] a, byte[] out) {
    if (a.length == 4) {
      // Java hands back IPv4-mapped addresses (::ffff:a.b.c.d) as IPv4: keep them IPv6.
      return "::ffff:" + (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff);
    }
    int bestStart = -1;
    int bestLen = 1; // a single zero group is not shortened (RFC 5952 §4.2.2)
    for (int i = 0; i < 8; ) {
      if (group(a, i) != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && group(a, j) == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    // At most 39 characters; written as bytes and made a string once (a million AAAA records
    // are read through here).
    int n = 0;
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out[n++] = ':';
        out[n++] = ':';
        i += bestLen - 1;
        continue;
      }
      if (n > 0 && out[n - 1] != ':') {
        out[n++] = ':';
      }
      int v = group(a, i);
      for (int shift = v >= 0x1000 ? 12 : v >= 0x100 ? 8 : v >= 0x10 ? 4 : 0; shift >= 0; shift -= 4) {
        out[n++] = (byte) HEX[(v >> shift) & 0xf];
      }
    }
    return new String(out, 0, n, StandardCharsets.ISO_8859_1);
  }

  /** The address's 16-bit group {@code i} (0 to 7). */
  private static int group(byte[] a, int i) {
    return (a[2 * i] & 0xff) << 8 | (a[2 * i + 1] & 0xff);
  }
}
