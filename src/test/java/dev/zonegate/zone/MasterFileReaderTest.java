package dev.zonegate.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zonegate.model.Location;
import dev.zonegate.model.Notice;
import dev.zonegate.model.RRset;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import dev.zonegate.testing.Bounded;
import dev.zonegate.testing.Require;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterFileReaderTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.ISO_8859_1);
    return p;
  }

  private Zone read(String path, String origin) throws Exception {
    return new MasterFileReader().read(new DirectoryTree(dir), path, origin);
  }

  private ZoneReadException failure(String path) throws IOException {
    try {
      read(path, "example.com.");
    } catch (ZoneReadException e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError("expected ZoneReadException, got " + e, e);
    }
    throw new AssertionError("expected " + path + " to be refused");
  }

  private static final String FULL =
      String.join(
          "\n",
          "$ORIGIN Example.COM.",
          "$TTL 1h",
          "@ IN SOA ns1 hostmaster (",
          "      2024010101 ; serial",
          "      7200 900 1209600 300 )",
          "@ NS ns1",
          "  NS NS2.Example.NET.",
          "ns1 300 A 192.0.2.1",
          "WWW 300 CNAME @",
          "mail 600 IN MX 10 ns1",
          "txt TXT \"Hello World\" \"second\\032string\"",
          "esc\\046dot TXT \"escaped dot\"",
          "v6 AAAA 2001:DB8:0:0:0:0:0:1",
          "unknown TYPE65534 \\# 3 abcdef",
          "_sip._tcp SRV 10 20 5060 Sip",
          "$ORIGIN sub",
          "host A 192.0.2.77",
          "$GENERATE 1-3 dyn$ A 10.0.0.$",
          "");

  private static final String NAMES =
      "$ORIGIN example.com.\n$TTL 300\n@ SOA ns1 hostmaster 1 7200 900 1209600 300\n@ NS ns1\nns1 A 192.0.2.1\n"
          + "build_01 A 192.0.2.7\nmail MX 10 mx_1\nmx_1 A 192.0.2.8\n";

  /**
   * check-names as the zone's server has it: named's default refuses the first name it finds; warn
   * loads the zone with one notice (the first such record, its line, how many); ignore loads it
   * silently. The same on the fast path and on dnsjava's (a {@code $GENERATE} makes the fast path
   * decline the file after it has met the names, and they are not counted twice).
   */
  @Test
  void checkNamesFailsWarnsOrIsIgnoredAsTheZonesServerHasIt() throws Exception {
    String declined = NAMES + "$GENERATE 1-2 gen$ A 192.0.2.$\n";
    for (String text : List.of(NAMES, declined)) {
      write("names.zone", text);
      DirectoryTree tree = new DirectoryTree(dir);
      for (boolean fast : List.of(true, false)) {
        String path = fast ? "fast path" : "dnsjava path";
        MasterFileReader fail = new MasterFileReader(MasterFileReader.DEFAULT_MAX_GENERATED, fast, CheckNames.FAIL);
        assertThatThrownBy(() -> fail.read(tree, "names.zone", null))
            .as(path)
            .isInstanceOfSatisfying(ZoneReadException.class, e -> {
              assertThat(e.location().line()).isEqualTo(6);
              assertThat(e.problem()).isEqualTo("owner build_01.example.com. is not a host name, which a A record needs"
                  + " (letters, digits, inner hyphens); named refuses it (check-names)");
            });
        Zone warned = new MasterFileReader(MasterFileReader.DEFAULT_MAX_GENERATED, fast, CheckNames.WARN)
            .read(tree, "names.zone", null);
        assertThat(warned.notices()).as(path).containsExactly(new Notice(new Location("names.zone", 6),
            "owner build_01.example.com. is not a host name, which a A record needs (letters, digits, inner hyphens);"
                + " named loads the zone with a warning (check-names warn), here and at 2 more records"));
        Zone ignored = new MasterFileReader(MasterFileReader.DEFAULT_MAX_GENERATED, fast, CheckNames.IGNORE)
            .read(tree, "names.zone", null);
        assertThat(ignored.notices()).as(path).isEmpty();
        assertThat(ignored.sets()).as(path).isEqualTo(warned.sets());
        assertThat(ignored.get("build_01.example.com.", "A").rdata()).containsExactly("192.0.2.7");
        assertThat(ignored.get("mail.example.com.", "MX").rdata()).containsExactly("10 mx_1.example.com.");
      }
    }
    // What check-names does not cover is refused whatever the setting: an NS at a wildcard owner.
    write("wild.zone", NAMES + "*.sub NS ns1\n");
    DirectoryTree tree = new DirectoryTree(dir);
    assertThatThrownBy(() -> new MasterFileReader(CheckNames.IGNORE).read(tree, "wild.zone", null))
        .hasMessageContaining("an NS record cannot have a wildcard owner");
  }

  @Test
  void readsDirectivesRelativeNamesParenthesesAndEscapes() throws Exception {
    write("example.com.zone", FULL);
    Zone z = read("example.com.zone", null);
    assertThat(z.origin()).isEqualTo("example.com.");
    assertThat(z.get("example.com.", "SOA").rdata())
        .containsExactly("ns1.example.com. hostmaster.example.com. 2024010101 7200 900 1209600 300");
    assertThat(z.get("example.com.", "SOA").ttl()).isEqualTo(3600);
    assertThat(z.get("example.com.", "NS").rdata())
        .containsExactly("ns1.example.com.", "ns2.example.net.");
    assertThat(z.get("www.example.com.", "CNAME").rdata()).containsExactly("example.com.");
    assertThat(z.get("mail.example.com.", "MX").rdata()).containsExactly("10 ns1.example.com.");
    assertThat(z.get("mail.example.com.", "MX").ttl()).isEqualTo(600);
    assertThat(z.get("txt.example.com.", "TXT").rdata())
        .containsExactly("\"Hello World\" \"second string\"");
    assertThat(z.get("esc\\.dot.example.com.", "TXT").rdata()).containsExactly("\"escaped dot\"");
    assertThat(z.get("v6.example.com.", "AAAA").rdata()).containsExactly("2001:db8::1");
    assertThat(z.get("unknown.example.com.", "TYPE65534").rdata()).containsExactly("\\# 3 ABCDEF");
    assertThat(z.get("_sip._tcp.example.com.", "SRV").rdata())
        .containsExactly("10 20 5060 sip.example.com.");
    assertThat(z.get("host.sub.example.com.", "A")).isNotNull();
    assertThat(z.get("dyn2.sub.example.com.", "A").rdata()).containsExactly("10.0.0.2");
    assertThat(z.recordCount()).isEqualTo(15);
  }

  @Test
  void remembersTheLineOfEachRRset() throws Exception {
    write("example.com.zone", FULL);
    Zone z = read("example.com.zone", null);
    assertThat(z.get("example.com.", "SOA").location().line()).isEqualTo(3);
    assertThat(z.get("example.com.", "NS").location().line()).isEqualTo(6);
    assertThat(z.get("txt.example.com.", "TXT").location().line()).isEqualTo(11);
    assertThat(z.get("host.sub.example.com.", "A").location().line()).isEqualTo(17);
    assertThat(z.get("dyn1.sub.example.com.", "A").location().line()).isEqualTo(18);
    assertThat(z.get("host.sub.example.com.", "A").location().path()).isEqualTo("example.com.zone");
  }

  @Test
  void mixedTtlsAreReportedAndTheFirstKeptAsNamedKeepsIt() throws Exception {
    write("z.zone", "$TTL 300\nwww 300 A 192.0.2.1\nwww 60 A 192.0.2.2\nwww A 192.0.2.1\napi 60 A 192.0.2.3\n"
        + "api 300 A 192.0.2.4\n");
    Zone z = read("z.zone", "example.com.");
    RRset www = z.get("www.example.com.", "A");
    assertThat(www.ttl()).isEqualTo(300); // named: "TTL set to prior TTL (300)"
    assertThat(www.rdata()).containsExactly("192.0.2.1", "192.0.2.2");
    assertThat(z.get("api.example.com.", "A").ttl()).isEqualTo(60);
    assertThat(z.notices()).hasSize(2);
    assertThat(z.notices().get(0).toString())
        .contains("z.zone:3")
        .contains("different TTLs (300 and 60); the first is used, as named uses it")
        .contains("RFC 2181");
  }

  @Test
  void byteOrderMarkAndCrlfReadLikePlainText() throws Exception {
    write("plain.zone", FULL);
    Files.write(
        dir.resolve("crlf.zone"),
        concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            FULL.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1)));
    Zone plain = read("plain.zone", "example.com.");
    Zone crlf = read("crlf.zone", "example.com.");
    assertThat(crlf).isEqualTo(plain);
    assertThat(crlf.get("host.sub.example.com.", "A").location().line()).isEqualTo(17);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void syntaxErrorsNameFileAndLine() throws Exception {
    write("bad.zone", "$TTL 300\nok A 192.0.2.1\n\nwww A 192.0.2.300\n");
    ZoneReadException e = failure("bad.zone");
    assertThat(e.getMessage()).isEqualTo("bad.zone:4: Invalid address: 192.0.2.300");
  }

  @Test
  void anEmptyQuotedOwnerIsAnErrorNotACrash() throws Exception {
    write("q.zone", "$TTL 300\nok A 192.0.2.1\n\"\" A 192.0.2.2\n");
    ZoneReadException e = failure("q.zone");
    assertThat(e.getMessage()).startsWith("q.zone:3: ");
  }

  @Test
  void unknownTypeMnemonicIsRefusedButRfc3597FormIsAccepted() throws Exception {
    write("t.zone", "$TTL 300\nx FOO 1\n");
    assertThat(failure("t.zone").getMessage()).isEqualTo("t.zone:2: Invalid type 'FOO'");
  }

  @Test
  void outOfZoneRecordsAreLeftOutAsNamedLeavesThemOut() throws Exception {
    write("o.zone", "$TTL 300\nwww A 192.0.2.1\nevil.example.net. A 192.0.2.2\nevil.example.net. TXT x\n"
        + "$ORIGIN example.org.\nmore A 192.0.2.3\n");
    Zone z = new MasterFileReader().read(new DirectoryTree(dir), "o.zone", "example.com.");
    assertThat(z.sets()).extracting(s -> s.key().toString()).containsExactly("www.example.com. A");
    assertThat(z.marks().outside()).containsOnlyKeys(
        RRsetKey.of("evil.example.net.", "A"), RRsetKey.of("evil.example.net.", "TXT"), RRsetKey.of("more.example.org.", "A"));
    assertThat(z.marks().outside().get(RRsetKey.of("more.example.org.", "A"))).isEqualTo(Location.of("o.zone", 6));
    assertThat(z.notices()).singleElement().asString().isEqualTo(
        "o.zone:3: 3 records are outside the zone example.com. (the first: evil.example.net. A); named ignores them,"
            + " so they are not compared");
  }

  @Test
  void otherClassesAreRefused() throws Exception {
    write("c.zone", "$TTL 300\nwww CH A 192.0.2.1\n");
    assertThat(failure("c.zone").getMessage()).contains("c.zone:2").contains("class CH");
  }

  @Test
  void originComesFromTheSoaOwnerWhenNotGiven() throws Exception {
    write("live.zone", "$TTL 300\nexample.org. SOA ns hm 1 2 3 4 5\nwww.example.org. A 192.0.2.1\n");
    assertThat(read("live.zone", null).origin()).isEqualTo("example.org.");
  }

  @Test
  void originComesFromTheFirstOriginDirectiveWithoutSoa() throws Exception {
    write("proposed.zone", "$ORIGIN Example.ORG.\n$TTL 300\nwww A 192.0.2.1\n");
    assertThat(read("proposed.zone", null).origin()).isEqualTo("example.org.");
  }

  @Test
  void originComesFromTheFileNameWithoutSoa() throws Exception {
    write("db.example.net", "$TTL 300\nwww A 192.0.2.1\n");
    Zone z = read("db.example.net", null);
    assertThat(z.origin()).isEqualTo("example.net.");
    assertThat(z.get("www.example.net.", "A")).isNotNull();
  }

  @Test
  void includeInsideTheTreeIsFollowedWithItsOrigin() throws Exception {
    write("zones/example.com.zone",
        "$TTL 300\n@ NS ns1\n$INCLUDE common/hosts.inc\n$INCLUDE common/sub.inc sub\nafter A 192.0.2.9\n  AAAA 2001:db8::9\n");
    write("zones/common/hosts.inc", "ns1 A 192.0.2.1\nwww A 192.0.2.2\n");
    write("zones/common/sub.inc", "host A 192.0.2.3\n");
    Zone z = read("zones/example.com.zone", "example.com.");
    assertThat(z.get("www.example.com.", "A").rdata()).containsExactly("192.0.2.2");
    assertThat(z.get("www.example.com.", "A").location().path()).isEqualTo("zones/common/hosts.inc");
    assertThat(z.get("host.sub.example.com.", "A")).isNotNull();
    // After an include, the owner of a blank-owner line is the includer's own last owner.
    assertThat(z.get("after.example.com.", "AAAA")).isNotNull();
    assertThat(z.get("after.example.com.", "AAAA").location().line()).isEqualTo(6);
  }

  @Test
  void includeOfAnAbsolutePathIsRefused() throws Exception {
    write("a.zone", "$TTL 300\n$INCLUDE /etc/passwd\n");
    ZoneReadException e = failure("a.zone");
    assertThat(e.getMessage()).startsWith("a.zone:2: ").contains("absolute path");
  }

  @Test
  void includeClimbingOutOfTheTreeIsRefused() throws Exception {
    write("z/a.zone", "$TTL 300\n$INCLUDE ../../secret.txt\n");
    assertThat(failure("z/a.zone").getMessage()).startsWith("z/a.zone:2: ").contains("escapes the repository");
  }

  @Test
  void includeThroughASymlinkOutOfTheTreeIsRefusedWithoutLeakingContent(@TempDir Path outside)
      throws Exception {
    Path secret = outside.resolve("secret.inc");
    Files.writeString(secret, "leaked A 192.0.2.66 ; TOP-SECRET-CONTENT\n");
    write("a.zone", "$TTL 300\n$INCLUDE link.inc\n");
    Files.createSymbolicLink(dir.resolve("link.inc"), secret);
    ZoneReadException e = failure("a.zone");
    assertThat(e.getMessage()).startsWith("a.zone:2: ").contains("outside the repository");
    assertThat(e.getMessage()).doesNotContain("TOP-SECRET").doesNotContain("192.0.2.66");
  }

  @Test
  void includeOfADeviceIsRefused() throws Exception {
    Require.require(Files.exists(Path.of("/dev/zero")), "/dev/zero is missing: this test needs a Unix device file", null);
    write("a.zone", "$TTL 300\n$INCLUDE zero\n");
    Files.createSymbolicLink(dir.resolve("zero"), Path.of("/dev/zero"));
    assertThat(failure("a.zone").getMessage()).startsWith("a.zone:2: ");
  }

  @Test
  void includeCyclesAreRefused() throws Exception {
    write("a.zone", "$TTL 300\n$INCLUDE b.inc\n");
    write("b.inc", "$INCLUDE c.inc\n");
    write("c.inc", "$INCLUDE a.zone\n");
    assertThat(failure("a.zone").getMessage()).contains("$INCLUDE cycle: a.zone -> b.inc -> c.inc -> a.zone");
    write("self.zone", "$TTL 300\n$INCLUDE self.zone\n");
    assertThat(failure("self.zone").getMessage()).contains("cycle");
  }

  @Test
  void includesDeeperThanEightLevelsAreRefused() throws Exception {
    write("a.zone", "$TTL 300\n$INCLUDE i1.inc\n");
    for (int i = 1; i <= 10; i++) {
      write("i" + i + ".inc", "h" + i + " A 192.0.2." + i + "\n$INCLUDE i" + (i + 1) + ".inc\n");
    }
    write("i11.inc", "");
    assertThat(failure("a.zone").getMessage()).contains("deeper than 8");
  }

  @Test
  void generateBeyondTheBudgetIsRefusedBeforeExpanding() throws Exception {
    // named takes counters up to 2^31-1 (above, "invalid range"): 2 000 000 001 names.
    write("g.zone", "$TTL 300\n$GENERATE 0-2000000000 h$ A 10.0.0.1\n");
    // Expanding two billion names would never end (nor fit in memory): the hang bound catches it.
    ZoneReadException e = Bounded.within(() -> failure("g.zone"));
    assertThat(e.getMessage()).startsWith("g.zone:2: $GENERATE would create 2000000001 records");
  }

  @Test
  void theGenerateBudgetIsTheZonesAndTheMessageSaysSo() throws Exception {
    // Each line alone fits; the second takes the zone past the budget, and the message counts both.
    write("g2.zone", "$TTL 300\n$GENERATE 1-60 a$ A 10.0.0.1\n$GENERATE 1-60 b$ A 10.0.0.2\n");
    assertThatThrownBy(() -> new MasterFileReader(100, false).read(new DirectoryTree(dir), "g2.zone", "example.com."))
        .isInstanceOf(ZoneReadException.class).hasMessage("g2.zone:3: $GENERATE would create 60 records, 120 with the zone's earlier $GENERATE"
        + " lines; that exceeds the limit maxGenerated of 100; raise it with --limit maxGenerated=N");
  }

  @Test
  void aMissingFileIsAnError() throws Exception {
    assertThat(failure("nope.zone").getMessage()).isEqualTo("nope.zone: no such file");
  }

  @Test
  void theRootZoneParsesCompletely() throws Exception {
    Path root = Require.corpus("root-2023110500/root.zone");
    List<String> lines = Files.readAllLines(root, StandardCharsets.ISO_8859_1);
    long expected = lines.stream().filter(l -> !l.isBlank() && !l.startsWith(";")).count();
    Zone z = new MasterFileReader().read(new DirectoryTree(root.getParent()), "root.zone", ".");
    assertThat(z.origin()).isEqualTo(".");
    assertThat((long) z.recordCount()).isEqualTo(expected);
    assertThat(z.get("com.", "NS").rdata()).contains("a.gtld-servers.net.");
    assertThat(z.get(".", "DNSKEY")).isNotNull();
    assertThat(z.notices()).isEmpty();
  }

  @Test
  void originAtSignMeansTheCurrentOrigin() throws Exception {
    write("at.zone", "$ORIGIN example.com.\n$TTL 300\n$ORIGIN sub\n$ORIGIN @\nwww A 192.0.2.1\n");
    Zone z = new MasterFileReader(MasterFileReader.DEFAULT_MAX_GENERATED, false).read(new DirectoryTree(dir), "at.zone", "example.com.");
    assertThat(z.get("www.sub.example.com.", "A")).isNotNull();
  }
}
