package dev.zonegate.zone;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Python's {@code ipaddress.ip_network(value)} (strict, 3.11), which octoDNS's dynamic rules use
 * for their {@code subnets}: what it accepts, and how two networks compare. Written out because
 * Java's address parsing takes forms Python refuses (leading zeros, short IPv4) and refuses some
 * it takes (a netmask or hostmask after the slash); {@code PyIpNetworkTest} holds it to Python's
 * own module on generated strings.
 */
final class PyIpNetwork {
  /** A network: its version, address (with an IPv6 scope id, or null) and prefix length. */
  record Net(int version, BigInteger ip, String scope, int prefix) {
    int bits() {
      return version == 4 ? 32 : 128;
    }

    BigInteger broadcast() {
      return ip.or(BigInteger.ONE.shiftLeft(bits() - prefix).subtract(BigInteger.ONE));
    }

    /** {@code a == b}: version, address (scope id included) and netmask. */
    boolean same(Net o) {
      return version == o.version && ip.equals(o.ip) && Objects.equals(scope, o.scope) && prefix == o.prefix;
    }

    /** {@code a.subnet_of(b)}: b's network address ≤ a's (an address with another scope is not ≤), broadcasts ≥. */
    boolean subnetOf(Net b) {
      if (version != b.version) {
        return false;
      }
      int c = b.ip.compareTo(ip);
      boolean le = c < 0 || c == 0 && Objects.equals(b.scope, scope);
      return le && b.broadcast().compareTo(broadcast()) >= 0;
    }

    /** Python's order of networks of one version: by address, then by netmask (a shorter prefix first). */
    static int compare(Net a, Net b) {
      if (a.version != b.version) {
        return Integer.compare(a.version, b.version);
      }
      int c = a.ip.compareTo(b.ip);
      if (c != 0) {
        return c;
      }
      if (!Objects.equals(a.scope, b.scope)) {
        return 0; // addresses that differ by scope alone: neither is less (Python's sort keeps their order)
      }
      return Integer.compare(a.prefix, b.prefix);
    }

    @Override
    public String toString() {
      return (version == 4 ? v4(ip) : v6(ip)) + (scope == null ? "" : "%" + scope) + "/" + prefix;
    }
  }

  private PyIpNetwork() {}

  private static final BigInteger V4_ALL = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);
  private static final BigInteger V6_ALL = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

  /** {@code ip_network(text)}, or null where Python raises ValueError. */
  static Net parse(String text) {
    Net n = v4Network(text);
    return n != null ? n : v6Network(text);
  }

  /** {@code ip_network(n)} of an int (a bool is one too): a /32, else a /128, else nothing. */
  static Net parse(BigInteger n) {
    if (n.signum() < 0) {
      return null;
    }
    if (n.compareTo(V4_ALL) <= 0) {
      return new Net(4, n, null, 32);
    }
    return n.compareTo(V6_ALL) <= 0 ? new Net(6, n, null, 128) : null;
  }

  private static Net v4Network(String s) {
    String[] parts = s.split("/", -1);
    if (parts.length > 2) {
      return null;
    }
    BigInteger ip = v4(parts[0]);
    if (ip == null) {
      return null;
    }
    int prefix = 32;
    if (parts.length == 2) {
      prefix = prefix(parts[1], 32);
      if (prefix < 0) {
        // A netmask (255.255.0.0) or a hostmask (0.0.255.255) in dotted form.
        BigInteger mask = v4(parts[1]);
        if (mask == null) {
          return null;
        }
        prefix = fromMask(mask);
        if (prefix < 0) {
          prefix = fromMask(mask.xor(V4_ALL));
        }
        if (prefix < 0) {
          return null;
        }
      }
    }
    return hostBitsClear(ip, prefix, 32) ? new Net(4, ip, null, prefix) : null;
  }

  private static Net v6Network(String s) {
    String[] parts = s.split("/", -1);
    if (parts.length > 2) {
      return null;
    }
    String addr = parts[0];
    String scope = null;
    int pct = addr.indexOf('%');
    if (pct >= 0) {
      scope = addr.substring(pct + 1);
      addr = addr.substring(0, pct);
      if (scope.isEmpty() || scope.indexOf('%') >= 0) {
        return null;
      }
    }
    BigInteger ip = v6(addr);
    if (ip == null) {
      return null;
    }
    int prefix = 128;
    if (parts.length == 2) {
      prefix = prefix(parts[1], 128); // IPv6 takes no netmask in address form
      if (prefix < 0) {
        return null;
      }
    }
    return hostBitsClear(ip, prefix, 128) ? new Net(6, ip, scope, prefix) : null;
  }

  private static boolean hostBitsClear(BigInteger ip, int prefix, int bits) {
    BigInteger host = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
    return ip.and(host).signum() == 0;
  }

  /** ASCII digits only (leading zeros allowed), 0 to {@code max}; -1 otherwise. */
  private static int prefix(String s, int max) {
    if (s.isEmpty()) {
      return -1;
    }
    int first = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      if (c == '0' && first == i && i < s.length() - 1) {
        first++;
      }
    }
    String digits = s.substring(first);
    if (digits.length() > 3) {
      return -1;
    }
    int v = Integer.parseInt(digits);
    return v <= max ? v : -1;
  }

  /** The prefix length of a contiguous netmask, or -1. */
  private static int fromMask(BigInteger mask) {
    int zeros = mask.signum() == 0 ? 32 : mask.getLowestSetBit();
    int prefix = 32 - zeros;
    BigInteger ones = mask.shiftRight(zeros);
    return ones.equals(BigInteger.ONE.shiftLeft(prefix).subtract(BigInteger.ONE)) ? prefix : -1;
  }

  /** Four decimal octets, no leading zeros, each at most 255; null otherwise. */
  static BigInteger v4(String s) {
    if (s.isEmpty()) {
      return null;
    }
    String[] octets = s.split("\\.", -1);
    if (octets.length != 4) {
      return null;
    }
    long v = 0;
    for (String o : octets) {
      if (o.isEmpty() || o.length() > 3 || o.length() > 1 && o.charAt(0) == '0') {
        return null;
      }
      for (int i = 0; i < o.length(); i++) {
        if (o.charAt(i) < '0' || o.charAt(i) > '9') {
          return null;
        }
      }
      int n = Integer.parseInt(o);
      if (n > 255) {
        return null;
      }
      v = v << 8 | n;
    }
    return BigInteger.valueOf(v);
  }

  /** Python's {@code IPv6Address._ip_int_from_string}; null where it raises. */
  static BigInteger v6(String s) {
    if (s.isEmpty()) {
      return null;
    }
    List<String> parts = new ArrayList<>(Arrays.asList(s.split(":", -1)));
    if (parts.size() < 3) {
      return null;
    }
    String last = parts.get(parts.size() - 1);
    if (last.indexOf('.') >= 0) {
      BigInteger v4 = last.indexOf('/') >= 0 ? null : v4(last);
      if (v4 == null) {
        return null;
      }
      parts.remove(parts.size() - 1);
      long n = v4.longValue();
      parts.add(Long.toHexString(n >> 16 & 0xFFFF));
      parts.add(Long.toHexString(n & 0xFFFF));
    }
    if (parts.size() > 9) {
      return null;
    }
    int skip = -1;
    for (int i = 1; i < parts.size() - 1; i++) {
      if (parts.get(i).isEmpty()) {
        if (skip >= 0) {
          return null;
        }
        skip = i;
      }
    }
    int hi;
    int lo;
    int skipped;
    if (skip >= 0) {
      hi = skip;
      lo = parts.size() - skip - 1;
      if (parts.get(0).isEmpty() && --hi != 0) {
        return null;
      }
      if (parts.get(parts.size() - 1).isEmpty() && --lo != 0) {
        return null;
      }
      skipped = 8 - (hi + lo);
      if (skipped < 1) {
        return null;
      }
    } else {
      if (parts.size() != 8 || parts.get(0).isEmpty() || parts.get(7).isEmpty()) {
        return null;
      }
      hi = parts.size();
      lo = 0;
      skipped = 0;
    }
    BigInteger ip = BigInteger.ZERO;
    for (int i = 0; i < hi; i++) {
      int h = hextet(parts.get(i));
      if (h < 0) {
        return null;
      }
      ip = ip.shiftLeft(16).or(BigInteger.valueOf(h));
    }
    ip = ip.shiftLeft(16 * skipped);
    for (int i = parts.size() - lo; i < parts.size(); i++) {
      int h = hextet(parts.get(i));
      if (h < 0) {
        return null;
      }
      ip = ip.shiftLeft(16).or(BigInteger.valueOf(h));
    }
    return ip;
  }

  /** One to four hex digits; -1 otherwise (Python's int('', 16) raises too). */
  private static int hextet(String h) {
    if (h.isEmpty() || h.length() > 4) {
      return -1;
    }
    for (int i = 0; i < h.length(); i++) {
      char c = h.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
        return -1;
      }
    }
    return Integer.parseInt(h, 16);
  }

  private static String v4(BigInteger ip) {
    long v = ip.longValue();
    return (v >> 24 & 255) + "." + (v >> 16 & 255) + "." + (v >> 8 & 255) + "." + (v & 255);
  }

  private static String v6(BigInteger ip) {
    StringBuilder b = new StringBuilder();
    for (int i = 7; i >= 0; i--) {
      b.append(Integer.toHexString(ip.shiftRight(16 * i).intValue() & 0xFFFF));
      if (i > 0) {
        b.append(':');
      }
    }
    return b.toString();
  }
}
