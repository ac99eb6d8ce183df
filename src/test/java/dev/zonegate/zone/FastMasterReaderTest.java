package dev.zonegate.zone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.model.Location;
import dev.zonegate.model.RRset;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import dev.zonegate.testing.Require;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

/**
 * dnsjava stays the reference: whatever FastMasterReader reads must come out exactly as the
 * dnsjava path reads it (same RRsets, the same location for each, the same notices, or the same
 * error), and what it is not sure about must be left to dnsjava.
 */
class FastMasterReaderTest {
  /** What one reader made of a file: a zone, or the error text. */
  private record Outcome(Zone zone, String error, int fastFiles) {}

  private static Outcome read(SourceTree tree, String path, String origin, boolean fast) {
    MasterFileReader reader = new MasterFileReader(MasterFileReader.DEFAULT_MAX_GENERATED, fast);
    try {
      return new Outcome(reader.read(tree, path, origin), null, reader.fastPathFiles());
    } catch (ZoneReadException e) {
      return new Outcome(null, e.getMessage(), reader.fastPathFiles());
    }
  }

  /**
   * Reads the file both ways and requires the same result; returns how many files the fast path
   * read (0 when it declined).
   */
  private static int assertSameAsDnsjava(SourceTree tree, String path, String origin) {
    Outcome ref = read(tree, path, origin, false);
    Outcome fast = read(tree, path, origin, true);
    assertThat(ref.fastFiles()).isZero();
    assertThat(fast.error()).as("error for %s", path).isEqualTo(ref.error());
    if (ref.zone() != null) {
      assertSameZone(fast.zone(), ref.zone(), path);
    }
    return fast.fastFiles();
  }

  private static void assertSameZone(Zone fast, Zone ref, String what) {
    assertThat(fast.origin()).as("origin of %s", what).isEqualTo(ref.origin());
    assertThat(fast.rrsets()).as("RRsets of %s", what).isEqualTo(ref.rrsets());
    assertThat(locations(fast)).as("locations in %s", what).isEqualTo(locations(ref));
    assertThat(fast.notices()).as("notices of %s", what).isEqualTo(ref.notices());
  }

  private static Map<RRsetKey, Location> locations(Zone z) {
    Map<RRsetKey, Location> out = new HashMap<>();
    for (RRset s : z.rrsets().values()) {
      out.put(s.key(), s.location());
    }
    return out;
  }

  private static MemoryTree tree(String path, String text) {
    return new MemoryTree(Map.of(path, text.getBytes(StandardCharsets.ISO_8859_1)));
  }

  private static FastMasterReader.Result fastOnly(String text, String origin) throws Exception {
    return FastMasterReader.read(
        text.getBytes(StandardCharsets.ISO_8859_1), Name.fromString(origin), -1, (n, t, ttl, r, l) -> {});
  }

  /** Where the fast path declines the text, or null. */
  private static String why(String text, String origin) throws Exception {
    String why =
        FastMasterReader.whyDeclined(
            text.getBytes(StandardCharsets.ISO_8859_1), Name.fromString(origin), -1);
    if (why != null && why.matches("line \\d+:.*")) {
      int n = Integer.parseInt(why.substring(5, why.indexOf(':')));
      String[] lines = text.split("\n", -1);
      why += " in: " + (n >= 2 ? lines[n - 2] + " / " : "") + (n >= 1 && n <= lines.length ? lines[n - 1] : "");
    }
    return why;
  }

  // ---------------------------------------------------------------------------------------------
  // Real zones.

  @Test
  void ianaRootZonesReadTheSameAndFast() throws Exception {
    for (String serial : List.of("root-2023051100", "root-2023110500")) {
      Path dir = Require.corpus(serial + "/root.zone").getParent();
      DirectoryTree tree = new DirectoryTree(dir);
      // Signed: DS, RRSIG, NSEC, DNSKEY and ZONEMD go to dnsjava record by record.
      assertThat(assertSameAsDnsjava(tree, "root.zone", ".")).as(serial).isEqualTo(1);
      assertThat(assertSameAsDnsjava(tree, "root.zone", null)).as(serial).isEqualTo(1);
      FastMasterReader.Result r =
          FastMasterReader.read(tree.read("root.zone"), Name.root, -1, (n, t, ttl, rd, l) -> {});
      assertThat(r).isNotNull();
      assertThat(r.nativeRecords()).isGreaterThan(10_000);
      assertThat(r.delegatedRecords()).isGreaterThan(5_000);
    }
  }

  @Test
  void octoDnsZoneFilesReadTheSame() throws Exception {
    Path dir = Require.corpus("octodns-tests-zones");
    DirectoryTree tree = new DirectoryTree(dir);
    List<String> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
    assertThat(files).isNotEmpty();
    int fast = 0;
    for (String f : files) {
      // Their names have no extension the readers know (.tst, .extension, a bare name):
      // the origin is the file name without its last extension.
      String origin =
          f.endsWith(".") ? f : f.substring(0, f.lastIndexOf('.')).toLowerCase(Locale.ROOT) + ".";
      fast += assertSameAsDnsjava(tree, f, origin);
    }
    // Their SOAs span lines in parentheses; LOC, SSHFP, SVCB and HTTPS go to dnsjava one by one.
    assertThat(fast).isEqualTo(files.size());
  }

  @Test
  void projectTestZonesReadTheSame() throws Exception {
    Path root = Path.of("testdata");
    List<String> files;
    try (Stream<Path> s = Files.walk(root)) {
      files =
          s.filter(p -> p.toString().endsWith(".zone"))
              .map(p -> root.relativize(p).toString().replace('\\', '/'))
              .sorted()
              .collect(Collectors.toList());
    }
    assertThat(files).hasSizeGreaterThan(10);
    DirectoryTree tree = new DirectoryTree(root);
    int fast = 0;
    for (String f : files) {
      fast += Math.min(1, assertSameAsDnsjava(tree, f, null));
    }
    assertThat(fast).isGreaterThan(files.size() / 2);
  }

  // ---------------------------------------------------------------------------------------------
  // Two halves at once.

  /** Every call the reader makes on its sink, as text, in order; or "declined". */
  private static List<String> calls(String text, String origin, int split, int head) throws Exception {
    Recorder sink = new Recorder();
    FastMasterReader.Result r = FastMasterReader.read(
        text.getBytes(StandardCharsets.ISO_8859_1), Name.fromString(origin), -1, sink, split, head, true);
    if (r == null) {
      return List.of("declined");
    }
    List<String> out = sink.calls();
    out.add("result " + r);
    return out;
  }

  /** Records each call with its line; a second half records apart and joins with its lines moved down. */
  private static class Recorder implements FastMasterReader.Sink {
    final List<Integer> lines = new ArrayList<>();
    final List<String> rest = new ArrayList<>();

    @Override
    public void record(String name, String type, long ttl, String rdata, int line) {
      lines.add(line);
      rest.add(" " + name + " " + ttl + " " + type + " " + rdata);
    }

    @Override
    public void record(String name, Boolean host, String type, long ttl, String rdata, int line) {
      lines.add(line);
      rest.add(" " + name + " host=" + host + " " + ttl + " " + type + " " + rdata);
    }

    @Override
    public FastMasterReader.Half half() {
      Recorder parent = this;
      class Second extends Recorder implements FastMasterReader.Half {
        @Override
        public void join(int lineOffset) {
          for (int i = 0; i < lines.size(); i++) {
            parent.lines.add(lines.get(i) + lineOffset);
            parent.rest.add(rest.get(i));
          }
        }
      }
      return new Second();
    }

    List<String> calls() {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        out.add(lines.get(i) + rest.get(i));
      }
      return out;
    }
  }

  /**
   * Cut at every line (the second half's origin and $TTL taken from heads of several lengths),
   * the reader hands on the records the one-pass read does, in its order, with its lines, and
   * gives the same result; or declines the file as it does. Cuts inside parenthesised records,
   * before a directive that changes the origin or $TTL, and before a line the fast path gives up
   * on are among them.
   */
  @Test
  void halvesReadWhatOnePassReads() throws Exception {
    List<String> texts = new ArrayList<>();
    for (long seed = 1; seed <= 6; seed++) {
      String g = generate(seed, 60, seed % 2 == 0).text;
      texts.add(seed % 3 == 0 ? g.replace("\n", "\r\n") : g);
    }
    String base = "$ORIGIN example.com.\n$TTL 300\n@ SOA ns1 host 1 2 3 4 5\n";
    texts.add(base + "a A 192.0.2.1\nb ( A\n192.0.2.2 )\n  AAAA 2001:db8::1\n$TTL 60\nc A 192.0.2.3\n"
        + "$ORIGIN sub.example.com.\nd A 192.0.2.4\ne TXT \"x\"\n");
    texts.add(base + "a A 192.0.2.1\nb A 192.0.2.2\n$ORIGIN sub.example.com.\nc A 192.0.2.3\nd A 192.0.2.4\n");
    texts.add(base + "a A 192.0.2.1\nb A 192.0.2.2\nc\\. A 192.0.2.3\nd A 192.0.2.4\n"); // an escape: dnsjava's
    texts.add("$ORIGIN example.com.\n@ 300 SOA ns1 host 1 2 3 4 5\na A 192.0.2.1\nb A 192.0.2.2\n"); // SOA minimum as TTL
    texts.add("$ORIGIN example.com.\n@ SOA ns1 host 1 2 3 4 5\na 60 A 192.0.2.1\nb A 192.0.2.2\n"); // no $TTL at all
    int before = FastMasterReader.HALVES.get();
    for (String text : texts) {
      String origin = "example.com.";
      if (text.startsWith("; generated")) {
        origin = text.substring(text.indexOf("$ORIGIN ") + 8, text.indexOf('\n', text.indexOf("$ORIGIN "))).toLowerCase(Locale.ROOT);
      }
      List<String> onePass = calls(text, origin, -1, 0);
      for (int k = text.indexOf('\n') + 1; k > 0 && k < text.length(); k = text.indexOf('\n', k) + 1) {
        for (int head : new int[] {0, 40, 200}) {
          assertThat(calls(text, origin, k, head)).as("cut at %d, head %d, in:\n%s", k, head, text).isEqualTo(onePass);
        }
      }
    }
    // The test could tell: many cuts were really read in halves.
    assertThat(FastMasterReader.HALVES.get() - before).isGreaterThan(200);
  }

  /** What the master-file reader's own sink built from a text cut at {@code split}, as text; or "declined". */
  private static String taken(String text, String origin, int split) throws Exception {
    ZoneBuilder builder = ZoneBuilder.deferred();
    Set<RRsetKey> placed = new LinkedHashSet<>();
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    MasterFileReader.Taker taker = new MasterFileReader.Taker(builder, "t.zone", placed, bytes.length);
    int head = text.indexOf('\n', text.indexOf("$TTL")) + 1; // the second half's origin and $TTL: the head's
    if (FastMasterReader.read(bytes, Name.fromString(origin), -1, taker, split, head, true) == null) {
      return "declined";
    }
    Zone z = builder.build(origin);
    StringBuilder out = new StringBuilder(
        (taker.refused == null ? "refused nothing" : "refused " + taker.refused + " at " + taker.refusedLine) + "\nplaced " + placed + "\n");
    for (RRset s : z.sets()) {
      out.append(s.key()).append(' ').append(s.ttl()).append(' ').append(s.rdata()).append(" at ").append(s.location()).append('\n');
    }
    return out.append(z.notices()).toString();
  }

  /**
   * The reader's own sink takes the second half on the other thread, into a builder of its own,
   * and joins it after the first: cut at every line, the zone built (sets, their lines, mixed-TTL
   * notices), the SOA and DS sets placed, and the first record named refuses with its line are
   * the one-pass read's. A refused record on each side of a cut: the first one still wins.
   */
  @Test
  void theReadersOwnHalvesBuildTheOnePassZone() throws Exception {
    List<String> texts = new ArrayList<>();
    for (long seed = 1; seed <= 4; seed++) {
      texts.add(generate(seed, 40, seed % 2 == 0).text);
    }
    String base = "$ORIGIN example.com.\n$TTL 300\n@ SOA ns1 host 1 2 3 4 5\n";
    texts.add(base + "a A 192.0.2.1\na 60 A 192.0.2.2\nb TXT x\nsub DS 1 8 2 " + "ab".repeat(32) + "\nc A 192.0.2.3\n"
        + "a 30 A 192.0.2.4\nsub2 DS 1 8 2 " + "cd".repeat(32) + "\nd A 192.0.2.5\n");
    texts.add(base + "a A 192.0.2.1\nb_c A 192.0.2.2\nd A 192.0.2.3\n*.e NS ns1\nf A 192.0.2.4\n");
    texts.add(base + "a A 192.0.2.1\nb A 192.0.2.2\nd A 192.0.2.3\n*.e NS ns1\nf A 192.0.2.4\n");
    int before = FastMasterReader.HALVES.get();
    int cuts = 0;
    for (String text : texts) {
      String origin = "example.com.";
      if (text.startsWith("; generated")) {
        origin = text.substring(text.indexOf("$ORIGIN ") + 8, text.indexOf('\n', text.indexOf("$ORIGIN "))).toLowerCase(Locale.ROOT);
      }
      String onePass = taken(text, origin, -1);
      assertThat(onePass).isNotEqualTo("declined");
      for (int k = text.indexOf('\n') + 1; k > 0 && k < text.length(); k = text.indexOf('\n', k) + 1) {
        assertThat(taken(text, origin, k)).as("cut at %d in:\n%s", k, text).isEqualTo(onePass);
        cuts++;
      }
    }
    assertThat(FastMasterReader.HALVES.get() - before).isGreaterThan(cuts / 2);
    assertThat(taken(texts.get(5), "example.com.", -1)).startsWith("refused owner b_c.example.com. is not a host name").contains(" at 5\n");
  }

  /**
   * Under check-names warn nothing is refused, and the halves count what named warns about as one
   * pass does: the first such record (its line) and how many, cut at every line.
   */
  @Test
  void underCheckNamesWarnTheHalvesCountWhatOnePassCounts() throws Exception {
    String text = "$ORIGIN example.com.\n$TTL 300\n@ SOA ns1 host 1 2 3 4 5\na A 192.0.2.1\nb_c A 192.0.2.2\n"
        + "d MX 10 m_x\ne A 192.0.2.3\n_srv._tcp SRV 0 0 1 t_x.example.net.\nf A 192.0.2.4\ng_h AAAA ::1\n";
    String onePass = warned(text, -1);
    assertThat(onePass).isEqualTo("refused null, 4 warned, first at 5: owner b_c.example.com. is not a host name,"
        + " which a A record needs (letters, digits, inner hyphens)");
    int before = FastMasterReader.HALVES.get();
    for (int k = text.indexOf('\n') + 1; k > 0 && k < text.length(); k = text.indexOf('\n', k) + 1) {
      assertThat(warned(text, k)).as("cut at %d", k).isEqualTo(onePass);
    }
    assertThat(FastMasterReader.HALVES.get()).isGreaterThan(before);
  }

  private static String warned(String text, int split) throws Exception {
    ZoneBuilder builder = ZoneBuilder.deferred();
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    MasterFileReader.Warned warned = new MasterFileReader.Warned();
    MasterFileReader.Taker taker = new MasterFileReader.Taker(
        builder, "t.zone", new LinkedHashSet<>(), bytes.length, CheckNames.WARN, warned);
    int head = text.indexOf('\n', text.indexOf("$TTL")) + 1;
    assertThat(FastMasterReader.read(bytes, Name.fromString("example.com."), -1, taker, split, head, true)).isNotNull();
    return "refused " + taker.refused + ", " + warned.count + " warned, first at " + warned.at.line() + ": " + warned.first;
  }

  @Test
  void aLargeFileCutsAtAnOwnerLinePastTheMiddle() {
    byte[] b = ("$TTL 300\n" + "a A 192.0.2.1\n".repeat(100) + "  AAAA 2001:db8::1\n; c\n$TTL 60\nz A 192.0.2.9\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    int k = FastMasterReader.splitPoint(b);
    assertThat(k).isGreaterThan(b.length / 2);
    assertThat(b[k - 1]).isEqualTo((byte) '\n');
    assertThat((char) b[k]).isIn('a', 'z');
    assertThat(FastMasterReader.splitPoint("$TTL 300\n  A 192.0.2.1\n;\n\n".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(-1);
  }

  // ---------------------------------------------------------------------------------------------
  // Generated zones.

  @Test
  void generatedZonesReadTheSameAndAreReadByTheFastPath() throws Exception {
    for (long seed = 1; seed <= 60; seed++) {
      Generated g = generate(seed, 400, false);
      assertThat(why(g.text, g.origin)).as("seed %d", seed).isNull();
      MemoryTree tree = tree("gen.zone", g.text);
      assertThat(assertSameAsDnsjava(tree, "gen.zone", null)).as("seed %d:\n%s", seed, g.text).isEqualTo(1);
      assertThat(assertSameAsDnsjava(tree, "gen.zone", g.origin)).as("seed %d", seed).isEqualTo(1);
      FastMasterReader.Result r = fastOnly(g.text, g.origin);
      assertThat(r).as("seed %d", seed).isNotNull();
      // Almost everything is parsed here, not handed to dnsjava record by record.
      assertThat(r.nativeRecords()).as("seed %d", seed).isGreaterThan(r.delegatedRecords() * 10);
    }
  }

  @Test
  void generatedZonesWithCrlfAndRareTypesReadTheSame() throws Exception {
    for (long seed = 100; seed <= 130; seed++) {
      Generated g = generate(seed, 300, true);
      String text = seed % 2 == 0 ? g.text.replace("\n", "\r\n") : g.text;
      assertThat(why(text, g.origin)).as("seed %d", seed).isNull();
      assertThat(assertSameAsDnsjava(tree("gen.zone", text), "gen.zone", null))
          .as("seed %d:\n%s", seed, text)
          .isEqualTo(1);
    }
  }

  /**
   * Small generated zones with one or two random edits (a character inserted, removed or
   * changed): most no longer parse, or parse to something else. Both paths must agree on each.
   */
  @Test
  void mutatedZonesGiveTheSameZoneOrTheSameError() throws Exception {
    String inserts = "\\\"();$@.:*-_0159aZ \t\n\r\u00e9/#+";
    SplittableRandom r = new SplittableRandom(2024);
    int accepted = 0;
    for (int i = 0; i < 3000; i++) {
      StringBuilder sb = new StringBuilder(generate(1000 + i % 50, 12, i % 3 == 0).text);
      int edits = 1 + r.nextInt(2);
      for (int e = 0; e < edits; e++) {
        int at = r.nextInt(sb.length());
        switch (r.nextInt(3)) {
          case 0:
            sb.insert(at, inserts.charAt(r.nextInt(inserts.length())));
            break;
          case 1:
            sb.deleteCharAt(at);
            break;
          default:
            sb.setCharAt(at, inserts.charAt(r.nextInt(inserts.length())));
        }
      }
      String text = sb.toString();
      accepted += assertSameAsDnsjava(tree("m.zone", text), "m.zone", "gen.example.");
    }
    // Many edits leave a zone the fast path still reads (a changed address, name or TTL).
    assertThat(accepted).isGreaterThan(300);
  }

  /** Every printable character inside an owner and a target name. */
  @Test
  void everyPrintableCharacterInNamesReadsTheSame() {
    for (char c = 0x21; c < 0x7f; c++) {
      if (c == '"' || c == '(' || c == ')' || c == ';') {
        continue;
      }
      String text = "$TTL 300\na" + c + "b A 192.0.2.1\nx CNAME a" + c + "b.Z.\nX" + c + " MX 1 " + c + "\n";
      assertSameAsDnsjava(tree("c.zone", text), "c.zone", "example.com.");
    }
  }

  /** Hand-picked corners of dnsjava's grammar; each must come out as dnsjava reads it. */
  @Test
  void cornersOfTheGrammarReadTheSame() {
    List<String> cases =
        List.of(
            "$TTL 300\nwww A 192.0.2.1",
            "$TTL 1h30m\nwww A 192.0.2.1",
            "$TTL 1h30\nwww A 192.0.2.1",
            "$TTL 1W2d\nwww A 192.0.2.1",
            "$TTL 4294967295\nwww A 192.0.2.1",
            "$TTL 4294967296\nwww A 192.0.2.1",
            "$TTL 2147483648\nwww A 192.0.2.1",
            "$ttl 300 extra\nwww A 192.0.2.1",
            "$TTL\nwww A 192.0.2.1",
            "www A 192.0.2.1",
            "www 300 A 192.0.2.1\n A 192.0.2.2\nmail A 192.0.2.3",
            "@ SOA ns hm 1 2 3 4 5\nwww A 192.0.2.1",
            "@ SOA ns hm 1 2 3 4 5h\nwww A 192.0.2.1",
            "@ IN SOA ns hm ( 1 ; serial\n 2 3\n 4 5 )\nwww A 192.0.2.1",
            "@ SOA ns hm 1 2 3 4 4294967296\n",
            "$TTL 300\n@ SOA ns hm 01 02 03 04 05\n",
            "$TTL 300\nwww 300 IN A 192.0.2.1\nwww IN 300 A 192.0.2.2\nwww in a 192.0.2.3",
            "$TTL 300\nwww IN IN A 192.0.2.1",
            "$TTL 300\nwww 300 300 A 192.0.2.1",
            "$TTL 300\nwww CH A 192.0.2.1",
            "$TTL 300\nwww CLASS1 A 192.0.2.1",
            "$TTL 300\nwww TYPE1 192.0.2.1",
            "$TTL 300\nwww A 192.0.2.01",
            "$TTL 300\nwww A 192.0.2.256",
            "$TTL 300\nwww A 192.0.2",
            "$TTL 300\nwww A 192.0.2.1.",
            "$TTL 300\nwww A 192.0.2.1 extra",
            "$TTL 300\nwww A \"192.0.2.1\"",
            "$TTL 300\nwww A ( 192.0.2.1 )",
            "$TTL 300\nwww ( A 192.0.2.1 )",
            "$TTL 300\nwww A ( 192.0.2.1",
            "$TTL 300\nwww A (( 192.0.2.1 ))",
            "$TTL 300\nwww MX ( 10 ( mail ) )",
            "$TTL 300\nwww A 192.0.2.1 )",
            "$TTL 300\n( www A 192.0.2.1 )",
            "$TTL 300\nwww A 192.0.2.1\n  ( A 192.0.2.2 )",
            "$TTL 300\nwww A 192.0.2.1\n (\n )\nx A 192.0.2.3",
            "$TTL 300\nv AAAA 2001:DB8:0:0::1",
            "$TTL 300\nv AAAA 2001:db8::",
            "$TTL 300\nv AAAA ::",
            "$TTL 300\nv AAAA ::1",
            "$TTL 300\nv AAAA 1:2:3:4:5:6:7:8",
            "$TTL 300\nv AAAA 1:2:3:4:5:6:7::",
            "$TTL 300\nv AAAA ::2:3:4:5:6:7:8",
            "$TTL 300\nv AAAA 1:2:3:4::5:6:7:8",
            "$TTL 300\nv AAAA 1:2:3:4:5:6:7",
            "$TTL 300\nv AAAA 1::2::3",
            "$TTL 300\nv AAAA :1::2",
            "$TTL 300\nv AAAA 1::2:",
            "$TTL 300\nv AAAA 00001::2",
            "$TTL 300\nv AAAA 2001:0db8:0000:0000:0000:ff00:0042:8329",
            "$TTL 300\nv AAAA ::ffff:192.0.2.1",
            "$TTL 300\nv AAAA ::ffff:c000:201",
            "$TTL 300\nv AAAA ::192.0.2.1",
            "$TTL 300\nv AAAA 1:0:0:1:0:0:0:1",
            "$TTL 300\nv AAAA 1:0:0:0:1:0:0:1",
            "$TTL 300\nv AAAA 0:0:0:0:0:0:0:0",
            "$TTL 300\nv AAAA 2001:db8::g",
            "$TTL 300\nt TXT \"a\" \"b\"",
            "$TTL 300\nt TXT \"a\"\"b\"",
            "$TTL 300\nt TXT \"a\"b",
            "$TTL 300\nt TXT a\"b\"",
            "$TTL 300\nt TXT \"\"",
            "$TTL 300\nt TXT",
            "$TTL 300\nt TXT \"a;b (c) $ @\" word ; comment",
            "$TTL 300\nt TXT \"tab\there\"",
            "$TTL 300\nt TXT \"esc\\\"aped\"",
            "$TTL 300\nt TXT \"unterminated",
            "$TTL 300\nt TXT \"new\nline\"",
            "$TTL 300\nt TXT ( \"one\"\n  \"two\" ) ; end",
            "$TTL 300\nt TXT \"" + "x".repeat(255) + "\"",
            "$TTL 300\nt TXT \"" + "x".repeat(256) + "\"",
            "$TTL 300\nm MX 10 mail\nm MX 010 mail2.Example.NET.\nm MX 65536 x",
            "$TTL 300\nm MX 00000000010 mail",
            "$TTL 300\nm MX mail",
            "$TTL 300\ns SRV 0 0 0 .\ns SRV 1 2 3 @\ns SRV 1 2 Target",
            "$TTL 300\nc CAA 0 issue \"ca.example\"\nc CAA 128 ISSUE ca\nc CAA 256 issue x",
            "$TTL 300\nc CAA 0 \"issue\" \"ca\"\nc CAA 0 is-sue ca",
            "$TTL 300\nc CNAME @\nn NS .\np PTR Host.Example.\nq PTR host",
            "$TTL 300\nc CNAME a..b",
            "$TTL 300\nc CNAME .a",
            "$TTL 300\n" + "l".repeat(63) + " A 192.0.2.1\n" + "l".repeat(64) + " A 192.0.2.2",
            "$TTL 300\nx CNAME " + "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(50) + ".",
            "$TTL 300\nx CNAME " + "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(62) + ".",
            "$TTL 300\nx CNAME " + "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + ".",
            "$TTL 300\n*.wild A 192.0.2.1\n_srv._tcp SRV 1 2 3 *.x",
            "$TTL 300\nEXAMPLE.COM. A 192.0.2.1\nsub.Example.Com. A 192.0.2.1\nexample.net. A 192.0.2.1",
            "$ORIGIN sub\n$TTL 300\nwww A 192.0.2.1\n$ORIGIN Other.Example.COM.\nx A 192.0.2.2",
            "$ORIGIN @\n$TTL 300\nwww A 192.0.2.1",
            "$ORIGIN\n$TTL 300\nwww A 192.0.2.1",
            "$ORIGIN a b\n$TTL 300\nwww A 192.0.2.1",
            "$ORIGIN ( x )\n$TTL 300\nwww A 192.0.2.1",
            "$ORIGIN x ; comment\n$TTL 300\nwww A 192.0.2.1",
            "$TTL 300\n$GENERATE 1-3 h$ A 192.0.2.$",
            "$TTL 300\n$INCLUDE other.zone",
            "$TTL 300\n$FOO bar\nwww A 192.0.2.1",
            "$TTL 300\nwww A 192.0.2.1\n\n; comment\n   ; indented comment\n \t \nx A 192.0.2.2 ; trailing",
            "$TTL 300\n A 192.0.2.1",
            "$TTL 300\nwww\tA\t192.0.2.1",
            "$TTL 300\nwww A 192.0.2.1\r\nx A 192.0.2.2\r\n",
            "$TTL 300\nwww A 192.0.2.1\rx A 192.0.2.2",
            "$TTL 300\nwww A 192.0.2.1 ; caf\u00e9\nx A 192.0.2.2",
            "$TTL 300\ncaf\u00e9 A 192.0.2.1",
            "$TTL 300\nesc\\046dot A 192.0.2.1",
            "$TTL 300\nx TYPE65534 \\# 3 abcdef",
            "$TTL 300\nx FOO 1",
            "$TTL 300\nx DS 60485 8 2 D4B7D520E7BB5F0F67674A0CCEB1E3E0614B93C4F9E99B8383F6A1E4469DA50A",
            "$TTL 300\nx DS ( 60485 8 2\n  D4B7D520E7BB5F0F67674A0CCEB1E3E0614B93C4F9E99B8383F6A1E4469DA50A ) ; c",
            "$TTL 300\nx SSHFP 1 1 bf6b6825d2977c511a475bbefb88aad54a92ac73\nx HINFO \"PC\" \"Linux\"",
            "$TTL 300\nsip NAPTR 100 10 \"S\" \"SIP+D2U\" \"\" _sip._udp.Example.COM.",
            "$TTL 300\nx NSEC Next.Example.COM. A NS RRSIG",
            "$TTL 300\nx NSEC next A NS RRSIG",
            "$TTL 300\nx RP Mbox.example.com. txt",
            "@ 300 SOA ns hm 1 2 3 4 5\n@ SOA ns2 hm 2 2 3 4 5",
            "@ SOA ns hm ( 1 2 3 4 5 )",
            "@ TYPE6 ns hm 1 2 3 4 5\nwww A 192.0.2.1",
            "www 300 A 192.0.2.1\n@ SOA ns hm 1 2 3 4 5",
            "\u00ef\u00bb\u00bf$TTL 300\nwww A 192.0.2.1",
            "$TTL 300\nwww A 192.0.2.1\nwww 60 A 192.0.2.2\nwww A 192.0.2.3",
            "$TTL 300\nwww A 192.0.2.1\nwww A 192.0.2.1",
            "$TTL 300\n\"\" A 192.0.2.1",
            "$TTL 300\n@foo A 192.0.2.1",
            "$TTL 300\nfoo@bar A 192.0.2.1",
            "$TTL 300\nx CNAME foo@bar",
            "$TTL 300\nx CNAME foo$",
            "");
    for (String text : cases) {
      assertSameAsDnsjava(tree("db.example.com", text), "db.example.com", null);
      assertSameAsDnsjava(tree("db.example.com", text + "\n"), "db.example.com", "example.com.");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // What the fast path takes and what it leaves to dnsjava.

  @Test
  void parenthesesAndRareTypesAreReadWithDnsjavaForTheRdata() throws Exception {
    String text =
        "$ORIGIN example.com.\n$TTL 300\n"
            + "@ SOA ns1 hostmaster ( 2024010101 ; serial\n 7200 900 1209600 300 )\n"
            + "@ NS ns1\n"
            + "dev DS 60485 8 2 d4b7d520e7bb5f0f67674a0cceb1e3e0614b93c4f9e99b8383f6a1e4469da50a\n"
            + "sip NAPTR 100 10 \"S\" \"SIP+D2U\" \"\" _sip._udp\n"
            + "www A 192.0.2.1\n";
    FastMasterReader.Result r = fastOnly(text, "example.com.");
    assertThat(r).isNotNull();
    assertThat(r.nativeRecords()).isEqualTo(3);
    assertThat(r.delegatedRecords()).isEqualTo(2);
    assertThat(assertSameAsDnsjava(tree("example.com.zone", text), "example.com.zone", null)).isEqualTo(1);
    Zone z = new MasterFileReader().read(tree("example.com.zone", text), "example.com.zone", null);
    assertThat(z.get("dev.example.com.", "DS").rdata())
        .containsExactly("60485 8 2 D4B7D520E7BB5F0F67674A0CCEB1E3E0614B93C4F9E99B8383F6A1E4469DA50A");
    assertThat(z.get("sip.example.com.", "NAPTR").rdata())
        .containsExactly("100 10 \"S\" \"SIP+D2U\" \"\" _sip._udp.example.com.");
    assertThat(z.get("example.com.", "SOA").rdata())
        .containsExactly("ns1.example.com. hostmaster.example.com. 2024010101 7200 900 1209600 300");
    assertThat(z.get("www.example.com.", "A").location().line()).isEqualTo(8);
  }

  @Test
  void escapesGenerateIncludeAndErrorsAreLeftToDnsjava() throws Exception {
    String base = "$ORIGIN example.com.\n$TTL 300\nwww A 192.0.2.1\n";
    Map<String, String> declined =
        Map.of(
            "escape", base + "esc\\046dot TXT \"x\"\n",
            "escaped TXT", base + "t TXT \"second\\032string\"\n",
            "unknown rdata form", base + "u TYPE65534 \\# 3 abcdef\n",
            "generate", base + "$GENERATE 1-3 dyn$ A 10.0.0.$\n",
            "include", base + "$INCLUDE hosts.inc\n",
            "other class", base + "c CH A 192.0.2.2\n",
            "bad address", base + "bad A 192.0.2.300\n",
            "unknown type", base + "x FOO 1\n");
    for (Map.Entry<String, String> e : declined.entrySet()) {
      assertThat(fastOnly(e.getValue(), "example.com.")).as(e.getKey()).isNull();
    }
    Map<String, byte[]> files = new HashMap<>();
    files.put("example.com.zone", declined.get("include").getBytes(StandardCharsets.ISO_8859_1));
    files.put("hosts.inc", "h1 A 192.0.2.11\n".getBytes(StandardCharsets.ISO_8859_1));
    MemoryTree withInclude = new MemoryTree(files);
    // The includer is read by dnsjava, the included leaf file by the fast path.
    assertThat(assertSameAsDnsjava(withInclude, "example.com.zone", null)).isEqualTo(1);
    Zone inc = new MasterFileReader().read(withInclude, "example.com.zone", null);
    assertThat(inc.get("h1.example.com.", "A").location()).isEqualTo(new Location("hosts.inc", 1));

    for (String key : List.of("escape", "escaped TXT", "unknown rdata form", "generate")) {
      assertThat(assertSameAsDnsjava(tree("example.com.zone", declined.get(key)), "example.com.zone", null))
          .as(key)
          .isZero();
    }
    Zone esc = new MasterFileReader().read(tree("z.zone", declined.get("escape")), "z.zone", null);
    assertThat(esc.get("esc\\.dot.example.com.", "TXT").rdata()).containsExactly("\"x\"");
    Zone txt = new MasterFileReader().read(tree("z.zone", declined.get("escaped TXT")), "z.zone", null);
    assertThat(txt.get("t.example.com.", "TXT").rdata()).containsExactly("\"second string\"");
    Zone gen = new MasterFileReader().read(tree("z.zone", declined.get("generate")), "z.zone", null);
    assertThat(gen.get("dyn2.example.com.", "A").rdata()).containsExactly("10.0.0.2");
    assertThat(assertSameAsDnsjava(tree("z.zone", declined.get("bad address")), "z.zone", null)).isZero();
    assertThat(read(tree("z.zone", declined.get("bad address")), "z.zone", null, true).error())
        .isEqualTo("z.zone:4: Invalid address: 192.0.2.300");
  }

  // ---------------------------------------------------------------------------------------------
  // The generator.

  record Generated(String origin, String text) {}

  // Host-name characters: named refuses an A, AAAA or MX owner, or an MX, NS or SRV target, that
  // is not a host name (check-names), and both paths then refuse the zone alike.
  private static final String LABEL_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-";

  /**
   * A zone of the fast types in the forms people and tools write: relative and absolute names in
   * any case, blank owners, comments, blank lines, TTLs with and without units, class IN before or
   * after the TTL, compressed and uncompressed IPv6, TXT with several strings, rdata in
   * parentheses over several lines, and (with {@code rare}) a few records of other types.
   */
  static Generated generate(long seed, int records, boolean rare) {
    SplittableRandom r = new SplittableRandom(seed);
    String originText = pick(r, "Gen.Example.", "gen.example.", "GEN.EXAMPLE.");
    String origin = originText.toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder();
    sb.append("; generated zone, seed ").append(seed).append('\n');
    sb.append("$ORIGIN ").append(originText).append('\n');
    int ttlStyle = r.nextInt(3);
    if (ttlStyle == 0) {
      sb.append("$TTL ").append(pick(r, "3600", "1h", "1D", "300")).append('\n');
    }
    String soaTtl = ttlStyle == 1 ? " 3600" : "";
    if (r.nextBoolean()) {
      sb.append("@").append(soaTtl).append(" IN SOA ns1 hostmaster.Gen.Example. 2024010101 7200 900 1209600 300\n");
    } else {
      sb.append("@").append(soaTtl)
          .append("\tIN\tSOA\tns1.example.net. hostmaster (\n\t\t2024010101 ; serial\n\t\t7200 ; refresh\n")
          .append("\t\t900 1209600\n\t\t300 )\t; minimum\n");
    }
    sb.append(" NS ns1.example.net.\n\tNS NS2.Example.NET.\n");
    List<String> owners = new ArrayList<>();
    for (int i = 0; i < records; i++) {
      int shape = r.nextInt(20);
      if (shape == 0) {
        sb.append('\n');
      } else if (shape == 1) {
        sb.append("; comment ").append(i).append(" (with \"quotes\" and ; semicolons)\n");
      }
      // Owner.
      String owner;
      int o = r.nextInt(10);
      if (o < 2 && !owners.isEmpty()) {
        owner = pick(r, " ", "\t", "    ");
      } else if (o == 2) {
        owner = "@";
      } else if (o == 3 && !owners.isEmpty()) {
        owner = owners.get(r.nextInt(owners.size()));
      } else {
        String rel = name(r);
        owner = o == 4 ? rel + "." + originText : rel;
        owners.add(owner);
      }
      StringBuilder line = new StringBuilder(owner);
      String sep = pick(r, " ", "\t", "  ", " \t");
      // TTL and class.
      String ttl =
          r.nextInt(3) == 0
              ? ""
              : pick(r, "300", "3600", "60", "0", "86400", "1h", "30m", "1d", "2w", "1h30m", "1W2D", "2147483647");
      String cls = pick(r, "", "", "IN", "in");
      if (r.nextBoolean()) {
        append(line, sep, cls);
        append(line, sep, ttl);
      } else {
        append(line, sep, ttl);
        append(line, sep, cls);
      }
      int k = r.nextInt(100);
      String type;
      String rdata;
      if (k < 40) {
        type = "A";
        rdata = r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256);
      } else if (k < 55) {
        type = "AAAA";
        rdata = ipv6(r);
      } else if (k < 65) {
        type = pick(r, "CNAME", "NS", "PTR");
        rdata = target(r, originText);
      } else if (k < 75) {
        type = "TXT";
        rdata = txt(r);
      } else if (k < 82) {
        type = "MX";
        rdata = pick(r, "10", "0", "65535", "010", "5") + sep + target(r, originText);
      } else if (k < 89) {
        type = "SRV";
        rdata = r.nextInt(65536) + " " + r.nextInt(100) + " " + r.nextInt(65536) + " " + target(r, originText);
      } else if (k < 93) {
        type = "CAA";
        rdata = "0 " + pick(r, "issue", "issuewild", "iodef") + " " + pick(r, "\"letsencrypt.org\"", "\"mailto:sec@example.com\"", "ca.example", "\";\"");
      } else if (k < 97) {
        type = "MX";
        rdata = "( " + r.nextInt(100) + "\n\t\t" + target(r, originText) + " ) ; in parentheses";
      } else if (rare) {
        type = pick(r, "DS", "SSHFP", "TLSA", "HINFO", "NAPTR");
        rdata =
            switch (type) {
              case "DS" -> "60485 8 2 d4b7d520e7bb5f0f67674a0cceb1e3e0614b93c4f9e99b8383f6a1e4469da50a";
              case "SSHFP" -> "1 1 bf6b6825d2977c511a475bbefb88aad54a92ac73";
              case "TLSA" -> "( 3 1 1\n  0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6 )";
              case "HINFO" -> "\"PC\" \"Linux\"";
              default -> "100 10 \"S\" \"SIP+D2U\" \"\" " + target(r, originText);
            };
      } else {
        type = "A";
        rdata = "198.51.100." + r.nextInt(256);
      }
      if (r.nextInt(8) == 0) {
        type = type.toLowerCase(Locale.ROOT);
      }
      line.append(sep).append(type).append(sep).append(rdata);
      if (r.nextInt(6) == 0) {
        line.append(pick(r, " ; comment", "\t;", ";x", " ; caf\u00e9"));
      }
      sb.append(line).append('\n');
    }
    return new Generated(origin, sb.toString());
  }

  private static void append(StringBuilder line, String sep, String field) {
    if (!field.isEmpty()) {
      line.append(sep).append(field);
    }
  }

  private static String name(SplittableRandom r) {
    return name(r, true);
  }

  private static String name(SplittableRandom r, boolean wildcard) {
    int labels = 1 + r.nextInt(3);
    StringBuilder sb = new StringBuilder();
    for (int l = 0; l < labels; l++) {
      if (l > 0) {
        sb.append('.');
      }
      if (r.nextInt(15) == 0 && l == 0 && wildcard) {
        sb.append("*");
        continue;
      }
      int n = 1 + r.nextInt(r.nextInt(20) == 0 ? 63 : 10);
      for (int i = 0; i < n; i++) {
        char c = LABEL_CHARS.charAt(r.nextInt(LABEL_CHARS.length()));
        sb.append(c == '-' && (i == 0 || i == n - 1) ? 'x' : c);
      }
    }
    return sb.toString();
  }

  private static String target(SplittableRandom r, String originText) {
    switch (r.nextInt(5)) {
      case 0:
        return "@";
      case 1:
        return name(r, false) + "." + originText;
      case 2:
        return name(r, false) + ".Example.NET.";
      default:
        return name(r, false);
    }
  }

  private static String ipv6(SplittableRandom r) {
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = r.nextInt(4) == 0 ? 0 : r.nextInt(3) == 0 ? r.nextInt(16) : r.nextInt(65536);
    }
    if (r.nextInt(4) == 0) {
      int from = r.nextInt(8);
      int to = from + r.nextInt(8 - from);
      for (int i = from; i <= to; i++) {
        g[i] = 0;
      }
    }
    int style = r.nextInt(6);
    if (style == 0) {
      return "2001:DB8:0:0::" + Integer.toHexString(g[7]).toUpperCase(Locale.ROOT);
    }
    if (style == 1) {
      return String.format("%04x:%04x:%04x:%04x:%04x:%04x:%04x:%04x", g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7]);
    }
    if (style == 2) {
      return "::ffff:" + r.nextInt(256) + ".0.2." + r.nextInt(256);
    }
    if (style == 3) {
      return "::" + Integer.toHexString(g[7]);
    }
    // Shorten one zero run (not always the longest) by hand.
    int from = -1;
    for (int i = 0; i < 8; i++) {
      if (g[i] == 0) {
        from = i;
        break;
      }
    }
    StringBuilder sb = new StringBuilder();
    if (from < 0 || style == 4) {
      for (int i = 0; i < 8; i++) {
        sb.append(i > 0 ? ":" : "").append(Integer.toHexString(g[i]));
      }
      return sb.toString();
    }
    int to = from;
    while (to + 1 < 8 && g[to + 1] == 0) {
      to++;
    }
    for (int i = 0; i < from; i++) {
      sb.append(i > 0 ? ":" : "").append(Integer.toHexString(g[i]).toUpperCase(Locale.ROOT));
    }
    sb.append("::");
    for (int i = to + 1; i < 8; i++) {
      sb.append(i > to + 1 ? ":" : "").append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }

  private static String txt(SplittableRandom r) {
    int n = 1 + r.nextInt(3);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(pick(r, " ", "", "\t"));
      }
      int style = r.nextInt(6);
      if (style == 0) {
        sb.append("v=spf1");
        continue;
      }
      if (style == 1) {
        sb.append(" ( \"in\" \"parens\"\n   \"over lines\" )");
        continue;
      }
      int len = r.nextInt(10) == 0 ? 255 : r.nextInt(40);
      sb.append('"');
      for (int c = 0; c < len; c++) {
        char ch = (char) (0x20 + r.nextInt(0x5f));
        sb.append(ch == '"' || ch == '\\' ? 'q' : ch);
      }
      sb.append('"');
    }
    return sb.toString();
  }

  @SafeVarargs
  private static <T> T pick(SplittableRandom r, T... options) {
    return options[r.nextInt(options.length)];
  }
}
