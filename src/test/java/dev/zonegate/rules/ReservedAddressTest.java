package dev.zonegate.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zonegate.diff.ZoneDiff;
import dev.zonegate.model.RRset;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import dev.zonegate.zone.ZoneFormat;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReservedAddressTest {
  private static final RuleType T = ReservedAddress.TYPE;

  private static List<Finding> add(String record) {
    return RuleFixture.run(T, "www A 93.184.216.34\n", "www A 93.184.216.34\n" + record + "\n");
  }

  @Test
  void exampleFires() {
    List<Finding> f = RuleFixture.run(T, T.example().before(), T.example().after());
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.rule()).isEqualTo("reserved-address");
      assertThat(x.severity()).isEqualTo(Severity.BLOCK);
      assertThat(x.name()).isEqualTo("app.example.com.");
      assertThat(x.type()).isEqualTo("A");
      assertThat(x.message()).contains("10.0.0.80 is in 10.0.0.0/8 private-use (RFC 1918)");
    });
  }

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, 127.0.0.0/8 loopback",
    "10.1.2.3, 10.0.0.0/8 private-use (RFC 1918)",
    "172.31.0.1, 172.16.0.0/12 private-use",
    "192.168.1.1, 192.168.0.0/16 private-use",
    "100.64.0.1, 100.64.0.0/10 shared address space",
    "169.254.169.254, 169.254.0.0/16 link-local",
    "0.0.0.0, 0.0.0.0/8",
    "192.0.2.10, 192.0.2.0/24 documentation",
    "198.51.100.7, 198.51.100.0/24 documentation",
    "203.0.113.5, 203.0.113.0/24 documentation TEST-NET-3",
    "198.19.0.1, 198.18.0.0/15 benchmarking",
    "239.1.2.3, 224.0.0.0/4 multicast",
    "240.0.0.1, 240.0.0.0/4 reserved",
    "255.255.255.255, 255.255.255.255/32 limited broadcast",
    "192.0.0.8, 192.0.0.0/24 IETF protocol assignments",
  })
  void reservedIpv4Fires(String addr, String says) {
    assertThat(add("app A " + addr)).singleElement().satisfies(x -> {
      assertThat(x.name()).isEqualTo("app.example.com.");
      assertThat(x.message()).contains(addr + " is in " + says);
    });
  }

  @ParameterizedTest
  @CsvSource({
    "::1, ::1/128 loopback",
    "::, ::/128 unspecified",
    "2001:db8::1, 2001:db8::/32 documentation (RFC 3849)",
    "3fff::1, 3fff::/20 documentation",
    "fd12:3456::1, fc00::/7 unique local",
    "fe80::1, fe80::/10 link-local",
    "ff02::1, ff00::/8 multicast",
    "100::1, 100::/64 discard-only",
    "2001:2::1, 2001:2::/48 benchmarking",
    "64:ff9b:1::1, 64:ff9b:1::/48",
  })
  void reservedIpv6Fires(String addr, String says) {
    assertThat(add("app AAAA " + addr)).singleElement().satisfies(x -> {
      assertThat(x.type()).isEqualTo("AAAA");
      assertThat(x.message()).contains(addr + " is in " + says);
    });
  }

  @Test
  void ipv6OutsideGlobalUnicastFires() {
    assertThat(add("app AAAA 1234::1")).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("1234::1 is outside global unicast space 2000::/3"));
  }

  @Test
  void anIpv4MappedAddressIsJudgedByItsIpv4() {
    assertThat(add("app AAAA ::ffff:10.0.0.1")).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("IPv4-mapped", "10.0.0.0/8 private-use"));
    assertThat(add("app AAAA ::ffff:93.184.216.34")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "app A 93.184.216.34", "app A 8.8.8.8", "app A 192.0.0.9", "app A 100.63.255.255", "app A 172.32.0.1",
    "app AAAA 2606:2800:220:1:248:1893:25c8:1946", "app AAAA 2001:0:4136:e378::1", "app AAAA 64:ff9b::5db8:d822"})
  void publicAddressesAreQuiet(String record) {
    assertThat(add(record)).isEmpty();
  }

  @Test
  void onlyAddedAddressesCountSoAnOldOneDoesNotFire() {
    assertThat(RuleFixture.run(T, "app A 10.0.0.1\n", "app A 10.0.0.1\napp A 93.184.216.34\n")).isEmpty();
    assertThat(RuleFixture.run(T, "app A 10.0.0.1\nwww A 93.184.216.34\n", "app A 10.0.0.1\nwww A 93.184.216.35\n"))
        .isEmpty();
  }

  @Test
  void severalReservedAddressesGiveOneFindingNamingEach() {
    List<Finding> f = RuleFixture.run(T, "", "app A 10.0.0.1\napp A 127.0.0.1\napp A 93.184.216.34\n");
    assertThat(f).singleElement().satisfies(x ->
        assertThat(x.message()).contains("10.0.0.1 is in 10.0.0.0/8", "127.0.0.1 is in 127.0.0.0/8")
            .doesNotContain("93.184.216.34"));
  }

  @Test
  void allowedRangesExempt() {
    Map<String, Object> p = Map.of("allowedRanges", List.of("100.64.0.0/10", "fd00::/8", "192.0.2.7"));
    assertThat(RuleFixture.run(T, p, List.of(), "", "a A 100.64.1.1\nb AAAA fd00::1\nc A 192.0.2.7\n")).isEmpty();
    assertThat(RuleFixture.run(T, p, List.of(), "", "c A 192.0.2.8\n")).hasSize(1);
  }

  @Test
  void aBadAllowedRangeIsAClearError() {
    assertThatThrownBy(() -> T.factory().apply(RuleFixture.spec(T, Map.of("allowedRanges", List.of("10.0.0.0/33")))))
        .hasMessageContaining("allowedRanges entry '10.0.0.0/33'");
    assertThatThrownBy(() -> T.factory().apply(RuleFixture.spec(T, Map.of("allowedRanges", List.of("intranet")))))
        .hasMessageContaining("'intranet'");
  }

  @Test
  void privateZonesAreExempt() {
    Map<String, Object> p = Map.of("privateZones", List.of("corp.example.", "example.com."));
    assertThat(RuleFixture.run(T, p, List.of(), "", "app A 10.0.0.1\n")).isEmpty();
    Map<String, Object> relative = Map.of("privateZones", List.of("*.com"));
    assertThat(RuleFixture.run(T, relative, List.of(), "", "app A 10.0.0.1\n")).isEmpty();
  }

  @Test
  void reverseZonesAreExempt() {
    String zone = "2.0.192.in-addr.arpa.";
    Zone before = Zone.empty(zone);
    Zone after = new Zone(zone, List.of(new RRset(RRsetKey.of("x." + zone, "A"), 300, List.of("10.0.0.1"), null)), List.of());
    RuleSpec spec = RuleFixture.spec(T, Map.of());
    RuleInput in = new RuleInput(zone, before, after, ZoneDiff.diff(before, after), List.of(), ZoneFormat.MASTER, null, null);
    List<Finding> out = new ArrayList<>();
    T.factory().apply(spec).check(in, new Findings(spec, zone, out::add));
    assertThat(out).isEmpty();
  }

  @Test
  void addressesAreParsedByHand() {
    assertThat(ReservedAddress.parse("10.0.0.1")).containsExactly(10, 0, 0, 1);
    assertThat(ReservedAddress.parse("::1")).hasSize(16).endsWith(0, 1);
    assertThat(ReservedAddress.parse("1:2:3:4:5:6:7:8")).hasSize(16);
    assertThat(ReservedAddress.parse("::ffff:1.2.3.4")).endsWith((byte) 0xff, (byte) 0xff, 1, 2, 3, 4);
    for (String bad : new String[] {"1.2.3", "1.2.3.256", "01234.1.1.1", "example.com", "1::2::3", "1:2:3:4:5:6:7:8:9",
        "12345::", "g::1", ":1::", "1:2:3:4:5:6:7::8:9", "+1::", ""}) {
      assertThat(ReservedAddress.parse(bad)).as(bad).isNull();
    }
  }

  @Test
  void singleHostAndWholeSpaceRangesCanBeAllowed() {
    // A /32 (every bit of the address) and a /0 (all of it) are both valid allowedRanges.
    Map<String, Object> host = Map.of("allowedRanges", List.of("192.0.2.7/32"));
    assertThat(RuleFixture.run(T, host, List.of(), "", "c A 192.0.2.7\n")).isEmpty();
    assertThat(RuleFixture.run(T, host, List.of(), "", "c A 192.0.2.8\n")).hasSize(1);
    Map<String, Object> all6 = Map.of("allowedRanges", List.of("::/0"));
    assertThat(RuleFixture.run(T, all6, List.of(), "", "b AAAA fd00::1\nc A 10.0.0.1\n")).singleElement()
        .satisfies(x -> assertThat(x.name()).isEqualTo("c.example.com."));
  }

  @Test
  void onlyTheMappedPrefixMakesAnAddressMapped() {
    // A global unicast address whose 11th and 12th bytes are ff is no ::ffff:a.b.c.d: it is
    // judged as IPv6, not by the private IPv4 address its last bytes happen to spell.
    assertThat(add("app AAAA 2606:2800::ffff:a00:1")).isEmpty();
    assertThat(add("app AAAA ::ffff:10.0.0.1")).singleElement()
        .satisfies(x -> assertThat(x.message()).isEqualTo(
            "AAAA ::ffff:10.0.0.1 is IPv4-mapped (::ffff:0:0/96) and its IPv4 address is in 10.0.0.0/8 private-use"
                + " (RFC 1918), which a public zone should not serve"));
  }

  @Test
  void aDoubleColonMayStandForASingleZeroGroup() {
    // RFC 4291 §2.2: '::' is one or more zero groups, so seven written groups plus '::' is valid.
    assertThat(ReservedAddress.parse("fd00:1:2:3:4:5::6")).hasSize(16).startsWith((byte) 0xfd, 0).endsWith(0, 0, 0, 6);
    assertThat(add("app AAAA fd00:1:2:3:4:5::6")).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("unique local"));
  }

  @Test
  void hexGroupsTakeEveryHexDigitAndNothingElse() {
    assertThat(ReservedAddress.parse("0:9:a:f:A:F:90af:AF09"))
        .containsExactly(0, 0, 0, 9, 0, 0xa, 0, 0xf, 0, 0xa, 0, 0xf, 0x90, 0xaf, 0xaf, 0x09);
    for (String bad : new String[] {"1.2.3.+4", "1.2.3.a", "::ffff:1.2.3.999", "::ffff:1.2.3", "::g", "::G", "::/"}) {
      assertThat(ReservedAddress.parse(bad)).as(bad).isNull();
    }
  }

  /** The dotted-quad reading as it was first written: split on dots, each part all digits. */
  private static byte[] splitParse4(String s) {
    String[] p = s.split("\\.", -1);
    if (p.length != 4) {
      return null;
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      if (p[i].isEmpty() || p[i].length() > 3 || !p[i].chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
        return null;
      }
      int v = Integer.parseInt(p[i]);
      if (v > 255) {
        return null;
      }
      out[i] = (byte) v;
    }
    return out;
  }

  @Test
  void dottedQuadsReadAsTheSplittingReaderReadThem() {
    // Strings built from digits, dots and a few other characters, most of them near-addresses.
    Random r = new Random(17);
    String alphabet = "0123456789....9925+ a";
    for (int i = 0; i < 200_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int k = r.nextInt(17); k > 0; k--) {
        sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String t = sb.toString();
      if (t.indexOf(':') < 0) {
        byte[] want = splitParse4(t);
        assertThat(ReservedAddress.parse(t)).as(t).isEqualTo(want);
        long bits = ReservedAddress.parse4Bits(t);
        assertThat(bits).as(t).isEqualTo(want == null ? -1
            : (long) (want[0] & 0xff) << 24 | (want[1] & 0xff) << 16 | (want[2] & 0xff) << 8 | (want[3] & 0xff));
      }
    }
    assertThat(ReservedAddress.parse("010.0.0.1")).containsExactly(10, 0, 0, 1);
  }

  @Test
  void ipv4BlocksAsBitsFindTheBlockTheBytesFind() {
    // The longest prefix wins, carve-outs and /0 and /32 included, at block edges and at random.
    ReservedAddress.Block[] blocks = {
      ReservedAddress.block("0.0.0.0/0", "all"), ReservedAddress.block("10.0.0.0/8", "ten"),
      ReservedAddress.block("10.1.0.0/16", null), ReservedAddress.block("100.64.0.0/10", "cgn"),
      ReservedAddress.block("192.0.0.9/32", "one"), ReservedAddress.block("255.255.255.255", "bcast"),
      ReservedAddress.block("::/0", "v6 is never an IPv4 block")
    };
    ReservedAddress.Blocks4 bits = ReservedAddress.Blocks4.of(blocks);
    Random r = new Random(29);
    int[] edges = {0, 0x0a000000, 0x0a00ffff, 0x0a010000, 0x0a01ffff, 0x0a020000, 0x0affffff, 0x0b000000,
      0x643fffff, 0x64400000, 0x647fffff, 0x64800000, 0xc0000008, 0xc0000009, 0xc000000a, -1, -2};
    for (int i = 0; i < 100_000; i++) {
      int a = i < edges.length ? edges[i] : r.nextInt();
      byte[] bytes = {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a};
      ReservedAddress.Block want = null;
      for (ReservedAddress.Block b : blocks) {
        if (b.contains(bytes) && (want == null || b.prefix() > want.prefix())) {
          want = b;
        }
      }
      assertThat(bits.within(a)).as("%08x", a).isSameAs(want);
    }
  }

  @Test
  void ipv6BlocksAsBitsFindTheBlockTheBytesFind() {
    ReservedAddress.Block[] blocks = {
      ReservedAddress.block("::/0", "all"), ReservedAddress.block("2000::/3", null),
      ReservedAddress.block("2001::/23", "ietf"), ReservedAddress.block("2001::/32", null),
      ReservedAddress.block("2001:db8::/32", "doc"), ReservedAddress.block("64:ff9b::/96", null),
      ReservedAddress.block("::1/128", "loopback"), ReservedAddress.block("fe80::/10", "link"),
      ReservedAddress.block("2001:1::1/128", null), ReservedAddress.block("fc00::/7", "ula"),
      ReservedAddress.block("10.0.0.0/8", "v4 is never an IPv6 block")
    };
    ReservedAddress.Blocks6 bits = ReservedAddress.Blocks6.of(blocks);
    Random r = new Random(37);
    String[] edges = {"::", "::1", "::2", "2001::", "2001:0:ffff:ffff:ffff:ffff:ffff:ffff", "2001:1::", "2001:1::1",
      "2001:1ff::", "2001:200::", "2001:db8::", "2001:db8:ffff::", "2001:db9::", "64:ff9b::1.2.3.4",
      "64:ff9b::1:0:0", "fe80::", "febf:ffff::", "fec0::", "fc00::", "fdff::", "fe00::", "1fff::", "3fff::"};
    for (int i = 0; i < 100_000; i++) {
      byte[] a;
      if (i < edges.length) {
        a = ReservedAddress.parse(edges[i]);
      } else {
        a = new byte[16];
        r.nextBytes(a);
        if (r.nextBoolean()) { // near a block: its network with a few bits changed
          byte[] net = blocks[r.nextInt(blocks.length - 1)].net();
          System.arraycopy(net, 0, a, 0, 16 - r.nextInt(16));
        }
      }
      ReservedAddress.Block want = null;
      for (ReservedAddress.Block b : blocks) {
        if (b.contains(a) && (want == null || b.prefix() > want.prefix())) {
          want = b;
        }
      }
      long hi = ByteBuffer.wrap(a).getLong(0);
      long lo = ByteBuffer.wrap(a).getLong(8);
      assertThat(bits.within(hi, lo)).as("%016x%016x", hi, lo).isSameAs(want);
    }
  }

  @Test
  void aBlockHoldsExactlyTheAddressesThatShareItsPrefixBits() {
    Random r = new Random(23);
    for (int i = 0; i < 100_000; i++) {
      int len = r.nextBoolean() ? 4 : 16;
      byte[] net = new byte[len];
      r.nextBytes(net);
      byte[] a = net.clone();
      int flip = r.nextInt(len * 8); // one differing bit, before or after the prefix ends
      a[flip / 8] ^= (byte) (0x80 >> (flip % 8));
      int prefix = r.nextInt(len * 8 + 1);
      ReservedAddress.Block b = new ReservedAddress.Block(net, prefix, "t", "p");
      assertThat(b.contains(a)).as("bit %d, prefix %d", flip, prefix).isEqualTo(flip >= prefix);
      assertThat(b.contains(net)).isTrue();
      assertThat(b.contains(new byte[20 - len])).as("other family").isFalse();
    }
  }

  // The IPv6 reading as it was first written, with lists and split: the reference for parse.
  private static byte[] listParse6(String s) {
    List<Integer> head = new ArrayList<>();
    List<Integer> tail = new ArrayList<>();
    int gap = s.indexOf("::");
    if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    if (!listGroups(gap < 0 ? s : s.substring(0, gap), head) || (gap >= 0 && !listGroups(s.substring(gap + 2), tail))) {
      return null;
    }
    int n = head.size() + tail.size();
    if (gap < 0 ? n != 8 : n > 7) {
      return null;
    }
    byte[] out = new byte[16];
    List<Integer> all = new ArrayList<>(head);
    for (int i = n; i < 8; i++) {
      all.add(0);
    }
    all.addAll(tail);
    for (int i = 0; i < 8; i++) {
      out[2 * i] = (byte) (all.get(i) >> 8);
      out[2 * i + 1] = (byte) (int) all.get(i);
    }
    return out;
  }

  /** Colon-separated 16-bit groups; the last may be dotted IPv4 (two groups). */
  private static boolean listGroups(String s, List<Integer> out) {
    if (s.isEmpty()) {
      return true;
    }
    String[] g = s.split(":", -1);
    for (int i = 0; i < g.length; i++) {
      if (i == g.length - 1 && g[i].indexOf('.') >= 0) {
        byte[] v4 = splitParse4(g[i]);
        if (v4 == null) {
          return false;
        }
        out.add(((v4[0] & 0xff) << 8) | (v4[1] & 0xff));
        out.add(((v4[2] & 0xff) << 8) | (v4[3] & 0xff));
        continue;
      }
      if (g[i].isEmpty() || g[i].length() > 4 || !g[i].chars().allMatch(ch -> ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'f' || ch >= 'A' && ch <= 'F')) {
        return false;
      }
      out.add(Integer.parseInt(g[i], 16));
    }
    return true;
  }

  @Test
  void ipv6ReadsAsTheListReaderReadIt() {
    Random r = new Random(29);
    String alphabet = "0123456789abcdefABCDEF::::::....g ";
    String[] seeds = {"::", "::1", "2001:db8::1", "fe80::1:2", "::ffff:10.0.0.1", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:1.2.3.4",
        "1.2.3.4::", "64:ff9b::192.0.2.1", "1::2::3", ":1::", "1:", "12345::", "0:0:0:0:0:0:0:0:0"};
    for (int i = 0; i < 300_000; i++) {
      String t;
      if (i < seeds.length) {
        t = seeds[i];
      } else {
        StringBuilder sb = new StringBuilder(seeds[r.nextInt(seeds.length)]);
        for (int k = r.nextInt(4); k > 0; k--) {
          int at = r.nextInt(sb.length() + 1);
          if (r.nextBoolean() && sb.length() > 0 && at < sb.length()) {
            sb.deleteCharAt(at);
          } else {
            sb.insert(at, alphabet.charAt(r.nextInt(alphabet.length())));
          }
        }
        t = sb.toString();
      }
      if (t.indexOf(':') >= 0) {
        assertThat(ReservedAddress.parse(t)).as(t).isEqualTo(listParse6(t));
      }
    }
  }
}
