package dev.zonegate.rules;

import dev.zonegate.model.Change;
import dev.zonegate.model.Names;
import dev.zonegate.model.RRset;
import dev.zonegate.model.Routing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

// Risk: A public name pointing at an address that cannot be reached from the internet, or that leaks internal topology.
// Source: RFC 6890 (special-purpose address registries), RFC 1918, RFC 5737, RFC 3849.
final class ReservedAddress implements Rule {
  static final RuleType TYPE =
      new RuleType(
          "reserved-address",
          Severity.BLOCK,
          "a public zone's A/AAAA points into private, loopback, unspecified, link-local, documentation or multicast space",
          List.of(
              new Param("privateZones", List.of("local.", "*.local.", "internal.", "*.internal.", "home.arpa.", "*.home.arpa.", "lan.", "*.lan.", "corp.", "*.corp."), "zones whose addresses may be private (globs)"),
              new Param("allowedRanges", List.of(), "CIDR ranges that are fine in this organisation, e.g. 100.64.0.0/10")),
          ReservedAddress::new,
          new RuleType.Example("app A 203.0.113.80\n", "app A 10.0.0.80\n"));

  private final RuleSpec spec;

  /**
   * One block of address space. {@code purpose} null marks a globally reachable carve-out inside a
   * reserved block (RFC 6890 "Globally Reachable: True"): the longest matching prefix decides.
   */
  record Block(byte[] net, int prefix, String text, String purpose) {
    boolean contains(byte[] a) {
      if (a.length != net.length) {
        return false;
      }
      int whole = prefix >>> 3;
      for (int i = 0; i < whole; i++) {
        if (a[i] != net[i]) {
          return false;
        }
      }
      int bits = prefix & 7;
      return bits == 0 || ((a[whole] ^ net[whole]) & 0xff & (0xff00 >>> bits)) == 0;
    }
  }

  // The IANA special-purpose registries (RFC 6890 and updates), entries not globally reachable.
  private static final Block[] IPV4 =
      blocks(
          block("0.0.0.0/8", "\"this network\" (RFC 791)"),
          block("10.0.0.0/8", "private-use (RFC 1918)"),
          block("100.64.0.0/10", "shared address space / carrier-grade NAT (RFC 6598)"),
          block("127.0.0.0/8", "loopback (RFC 1122)"),
          block("169.254.0.0/16", "link-local (RFC 3927)"),
          block("172.16.0.0/12", "private-use (RFC 1918)"),
          block("192.0.0.0/24", "IETF protocol assignments (RFC 6890)"),
          block("192.0.0.9/32", null), // Port Control Protocol anycast (RFC 7723)
          block("192.0.0.10/32", null), // TURN anycast (RFC 8155)
          block("192.0.2.0/24", "documentation TEST-NET-1 (RFC 5737)"),
          block("192.168.0.0/16", "private-use (RFC 1918)"),
          block("198.18.0.0/15", "benchmarking (RFC 2544)"),
          block("198.51.100.0/24", "documentation TEST-NET-2 (RFC 5737)"),
          block("203.0.113.0/24", "documentation TEST-NET-3 (RFC 5737)"),
          block("224.0.0.0/4", "multicast (RFC 5771)"),
          block("240.0.0.0/4", "reserved (RFC 1112)"),
          block("255.255.255.255/32", "limited broadcast (RFC 919)"));

  // Outside 2000::/3 nothing is global unicast except the NAT64 well-known prefix; inside it the
  // 2001::/23 IETF block is reserved except its globally reachable assignments (Teredo, AMT, ...).
  private static final Block[] IPV6 =
      blocks(
          block("::/0", "outside global unicast space 2000::/3 (RFC 4291)"),
          block("2000::/3", null),
          block("::/128", "unspecified (RFC 4291)"),
          block("::1/128", "loopback (RFC 4291)"),
          block("64:ff9b::/96", null), // NAT64 well-known prefix (RFC 6052), globally reachable
          block("64:ff9b:1::/48", "local-use IPv4/IPv6 translation (RFC 8215)"),
          block("100::/64", "discard-only (RFC 6666)"),
          block("2001::/23", "IETF protocol assignments (RFC 2928)"),
          block("2001::/32", null), // Teredo (RFC 4380)
          block("2001:1::1/128", null), // Port Control Protocol anycast (RFC 7723)
          block("2001:1::2/128", null), // TURN anycast (RFC 8155)
          block("2001:2::/48", "benchmarking (RFC 5180)"),
          block("2001:3::/32", null), // AMT (RFC 7450)
          block("2001:4:112::/48", null), // AS112-v6 (RFC 7535)
          block("2001:20::/28", null), // ORCHIDv2 (RFC 7343)
          block("2001:30::/28", null), // drone remote ID (RFC 9374)
          block("2001:db8::/32", "documentation (RFC 3849)"),
          block("3fff::/20", "documentation (RFC 9637)"),
          block("5f00::/16", "segment routing SIDs (RFC 9602)"),
          block("fc00::/7", "unique local (RFC 4193)"),
          block("fe80::/10", "link-local (RFC 4291)"),
          block("fec0::/10", "deprecated site-local (RFC 3879)"),
          block("ff00::/8", "multicast (RFC 4291)"));

  /** Looked through once per address: an array, not a list and its iterator. */
  private static Block[] blocks(Block... b) {
    return b;
  }

  /** The blocks of one address family: networks of {@code bytes} bytes (4 or 16). */
  private static List<Block> family(Block[] blocks, int bytes) {
    List<Block> out = new ArrayList<>();
    for (Block b : blocks) {
      if (b.net().length == bytes) {
        out.add(b);
      }
    }
    return out;
  }

  /**
   * The IPv4 blocks of {@code blocks} as 32-bit network and mask, side by side: most addresses a
   * zone holds are IPv4, and lint judges every one (no array per address, a few instructions per
   * block).
   */
  record Blocks4(int[] net, int[] mask, Block[] block) {
    static Blocks4 of(Block[] blocks) {
      List<Block> v4 = family(blocks, 4);
      int[] net = new int[v4.size()];
      int[] mask = new int[v4.size()];
      for (int i = 0; i < net.length; i++) {
        byte[] a = v4.get(i).net();
        net[i] = (a[0] & 0xff) << 24 | (a[1] & 0xff) << 16 | (a[2] & 0xff) << 8 | (a[3] & 0xff);
        mask[i] = v4.get(i).prefix() == 0 ? 0 : -1 << (32 - v4.get(i).prefix());
      }
      return new Blocks4(net, mask, v4.toArray(new Block[0]));
    }

    /** The longest-prefix block holding the address, or null. */
    Block within(int a) {
      Block best = null;
      for (int i = 0; i < net.length; i++) {
        if (((a ^ net[i]) & mask[i]) == 0 && (best == null || block[i].prefix() > best.prefix())) {
          best = block[i];
        }
      }
      return best;
    }
  }

  private static final Blocks4 IPV4_BLOCKS = Blocks4.of(IPV4);

  /** The IPv6 blocks of {@code blocks} as two 64-bit halves of network and mask: {@link Blocks4}'s reason. */
  record Blocks6(long[] net, long[] mask, Block[] block) {
    static Blocks6 of(Block[] blocks) {
      List<Block> v6 = family(blocks, 16);
      long[] net = new long[2 * v6.size()];
      long[] mask = new long[2 * v6.size()];
      for (int i = 0; i < v6.size(); i++) {
        byte[] a = v6.get(i).net();
        int prefix = v6.get(i).prefix();
        for (int k = 0; k < 16; k++) {
          net[2 * i + k / 8] |= (long) (a[k] & 0xff) << (8 * (7 - k % 8));
        }
        mask[2 * i] = prefix == 0 ? 0 : prefix >= 64 ? -1L : -1L << (64 - prefix);
        mask[2 * i + 1] = prefix <= 64 ? 0 : prefix == 128 ? -1L : -1L << (128 - prefix);
      }
      return new Blocks6(net, mask, v6.toArray(new Block[0]));
    }

    /** The longest-prefix block holding the address, or null. */
    Block within(long hi, long lo) {
      Block best = null;
      for (int i = 0; i < block.length; i++) {
        if (((hi ^ net[2 * i]) & mask[2 * i]) == 0 && ((lo ^ net[2 * i + 1]) & mask[2 * i + 1]) == 0
            && (best == null || block[i].prefix() > best.prefix())) {
          best = block[i];
        }
      }
      return best;
    }
  }

  private static final Blocks6 IPV6_BLOCKS = Blocks6.of(IPV6);

  private final Block[] allowed;
  private final Blocks4 allowed4;
  private final Blocks6 allowed6;

  ReservedAddress(RuleSpec spec) {
    this.spec = spec;
    List<Block> ranges = new ArrayList<>();
    for (String cidr : spec.stringsParam("allowedRanges")) {
      try {
        ranges.add(block(cidr, "allowed"));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "rule '" + spec.id() + "': allowedRanges entry '" + cidr + "' is not an address range like 100.64.0.0/10");
      }
    }
    this.allowed = ranges.toArray(new Block[0]);
    this.allowed4 = Blocks4.of(allowed);
    this.allowed6 = Blocks6.of(allowed);
  }

  @Override
  public void check(RuleInput in, Findings out) {
    // Private zones may hold private addresses; reverse zones carry PTR, not addresses to judge.
    if (Scope.matchesAny(spec.stringsParam("privateZones"), in.zone(), ".")
        || Names.isAtOrBelow(in.zone(), "in-addr.arpa.")
        || Names.isAtOrBelow(in.zone(), "ip6.arpa.")) {
      return;
    }
    for (Change c : in.changes()) {
      if (!(c.type().equals("A") || c.type().equals("AAAA"))) {
        continue;
      }
      List<String> problems = null;
      RRset set = c.after();
      if (c.before() == null && Routing.values(set).isEmpty()) {
        // An add without routing (lint's million): its records, read in place.
        for (int i = 0; i < set.rdataCount(); i++) {
          problems = judge(set.rdata(i), problems);
        }
      } else {
        for (String addr : added(c)) {
          problems = judge(addr, problems);
        }
      }
      if (problems != null) {
        out.add(c, c.type() + " " + String.join("; ", problems) + ", which a public zone should not serve");
      }
    }
  }

  /** {@code problems} with the address's, if it has one (made at the first). */
  private List<String> judge(String addr, List<String> problems) {
    String why = reserved(addr);
    if (why == null) {
      return problems;
    }
    List<String> out = problems == null ? new ArrayList<>() : problems;
    out.add(addr + " is " + why);
    return out;
  }

  /**
   * Only what the change adds: an address that was already live is an old problem. Routing pool
   * values (octoDNS dynamic, geo) are served to someone too.
   */
  private static List<String> added(Change c) {
    List<String> added = c.before() == null ? c.afterRdata() : c.added();
    List<String> routed = Routing.values(c.after());
    if (routed.isEmpty()) {
      return added; // lint's million adds: no copies
    }
    List<String> all = new ArrayList<>(added);
    List<String> pooled = new ArrayList<>(routed);
    pooled.removeAll(Routing.values(c.before()));
    pooled.removeAll(added);
    all.addAll(pooled);
    return all;
  }

  /**
   * Why the address should not be public ("in 10.0.0.0/8 private-use (RFC 1918)"), or null when it
   * is fine, allowed, or not an address at all.
   */
  String reserved(String text) {
    String t = text.trim();
    if (t.indexOf(':') < 0) {
      long v4 = parse4Bits(t);
      if (v4 < 0 || allowed4.within((int) v4) != null) {
        return null;
      }
      return describe(IPV4_BLOCKS.within((int) v4));
    }
    int[] g = new int[8];
    if (!groups6(t, g)) {
      return null;
    }
    long hi = (long) g[0] << 48 | (long) g[1] << 32 | (long) g[2] << 16 | g[3];
    long lo = (long) g[4] << 48 | (long) g[5] << 32 | (long) g[6] << 16 | g[7];
    if (allowed6.within(hi, lo) != null) {
      return null;
    }
    if (hi == 0 && lo >>> 32 == 0xffff) {
      // ::ffff:a.b.c.d is judged by the IPv4 address it carries.
      int v4 = (int) lo;
      String why = allowed4.within(v4) != null ? null : describe(IPV4_BLOCKS.within(v4));
      return why == null ? null : "IPv4-mapped (::ffff:0:0/96) and its IPv4 address is " + why;
    }
    return describe(IPV6_BLOCKS.within(hi, lo));
  }

  /** "in 10.0.0.0/8 private-use (RFC 1918)"; the ::/0 catch-all reads as "outside ...". */
  private static String describe(Block b) {
    if (b == null || b.purpose() == null) {
      return null;
    }
    return b.prefix() == 0 ? b.purpose() : "in " + b.text() + " " + b.purpose();
  }

  /** {@code addr/len} or a bare address (a single host). */
  static Block block(String cidr, String purpose) {
    String t = cidr.trim();
    int slash = t.indexOf('/');
    byte[] net = parse(slash < 0 ? t : t.substring(0, slash));
    if (net == null) {
      throw new IllegalArgumentException(cidr);
    }
    int prefix = net.length * 8;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(t.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(cidr);
      }
      if (prefix < 0 || prefix > net.length * 8) {
        throw new IllegalArgumentException(cidr);
      }
    }
    return new Block(net, prefix, t, purpose);
  }

  /** Parses a literal IPv4 or IPv6 address by hand: never a name, never a DNS lookup. */
  static byte[] parse(String s) {
    return s.indexOf(':') >= 0 ? parse6(s) : parse4(s);
  }

  /** {@link #parse4} as the address's 32 bits, or -1 when it is not one. */
  static long parse4Bits(String s) {
    long bits = 0;
    int part = 0;
    int value = 0;
    int digits = 0;
    int n = s.length();
    for (int i = 0; i <= n; i++) {
      char ch = i < n ? s.charAt(i) : '.'; // the end closes the last part
      if (ch >= '0' && ch <= '9') {
        if (++digits > 3) {
          return -1;
        }
        value = value * 10 + (ch - '0');
      } else if (ch == '.' && digits > 0 && value <= 255 && part < 4) {
        bits = bits << 8 | value;
        part++;
        value = 0;
        digits = 0;
      } else {
        return -1;
      }
    }
    return part == 4 ? bits : -1;
  }

  /** Four dot-separated decimal parts of one to three digits, each at most 255. */
  private static byte[] parse4(String s) {
    long bits = parse4Bits(s);
    return bits < 0 ? null : new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits};
  }

  /**
   * Colon-separated 16-bit groups of one to four hex digits, at most one {@code ::} standing for one
   * or more zero groups, and the last group of either side of it may be a dotted IPv4 (two groups).
   */
  private static byte[] parse6(String s) {
    int[] g = new int[8];
    if (!groups6(s, g)) {
      return null;
    }
    byte[] out = new byte[16];
    for (int i = 0; i < 8; i++) {
      out[2 * i] = (byte) (g[i] >> 8);
      out[2 * i + 1] = (byte) g[i];
    }
    return out;
  }

  /** The eight 16-bit groups of an IPv6 literal into {@code g}, the gap expanded; false when it is not one. */
  static boolean groups6(String s, int[] g) {
    int gap = s.indexOf("::");
    if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
      return false;
    }
    int head = groups(s, 0, gap < 0 ? s.length() : gap, g, 0);
    int n = head < 0 || gap < 0 ? head : groups(s, gap + 2, s.length(), g, head);
    if (n < 0 || (gap < 0 ? n != 8 : n > 7)) {
      return false;
    }
    // The groups after the gap stand at the end; the gap is zeros.
    int tail = n - head;
    System.arraycopy(g, head, g, 8 - tail, tail);
    Arrays.fill(g, head, 8 - tail, 0);
    return true;
  }

  /**
   * The groups of {@code s[from, to)} stored into {@code g} from {@code k}: the count after them, or
   * -1 when a group is not one to four hex digits or there would be more than eight.
   */
  private static int groups(String s, int from, int to, int[] g, int k) {
    if (from == to) {
      return k;
    }
    for (int start = from; ; ) {
      int end = s.indexOf(':', start);
      boolean last = end < 0 || end >= to;
      if (last) {
        end = to;
      }
      int dot = s.indexOf('.', start);
      if (last && dot >= 0 && dot < end) {
        byte[] v4 = parse4(s.substring(start, end));
        if (v4 == null || k > 6) {
          return -1;
        }
        g[k++] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
        g[k++] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
        return k;
      }
      if (end == start || end - start > 4 || k == 8) {
        return -1;
      }
      int v = 0;
      for (int i = start; i < end; i++) {
        char ch = s.charAt(i);
        int d = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
        if (d < 0) {
          return -1;
        }
        v = v << 4 | d;
      }
      g[k++] = v;
      if (last) {
        return k;
      }
      start = end + 1;
    }
  }
}
