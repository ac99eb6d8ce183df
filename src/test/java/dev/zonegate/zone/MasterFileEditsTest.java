package dev.zonegate.zone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.diff.ZoneDiff;
import dev.zonegate.model.Change;
import dev.zonegate.model.RRset;
import dev.zonegate.model.Zone;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A new version of a master file read as line edits of the old one ({@link MasterFileEdits}) must
 * be the zone reading it whole gives: the same sets in the same order, each with its TTL, records
 * and location, the same notices and fingerprint, and the same diff against the old version. Each
 * case is a generated zone and a few generated line edits; the reading as edits may decline (then
 * the file is read whole), but where it answers it must agree, and it must answer often enough that
 * the agreement means something.
 */
public class MasterFileEditsTest {
  private final MasterFileReader reader = new MasterFileReader();

  /** What one case came to: declined, or read as edits and found equal. */
  private enum Outcome { DECLINED, EQUAL }

  private Outcome compare(String oldText, String newText, String origin) throws Exception {
    byte[] oldBytes = oldText.getBytes(StandardCharsets.ISO_8859_1);
    byte[] newBytes = newText.getBytes(StandardCharsets.ISO_8859_1);
    MemoryTree tree = new MemoryTree(Map.of("old.zone", oldBytes, "new.zone", newBytes));
    MasterFileEdits.Old old;
    try {
      old = reader.readForEdits(tree, "old.zone", origin);
    } catch (ZoneReadException e) {
      return Outcome.DECLINED; // a broken old version is read leniently, never as a base for edits
    }
    Zone[] oldZone = {old.zone()};
    assertThat(oldZone[0].sets()).isEqualTo(reader.read(tree, "old.zone", origin).sets());
    MasterFileEdits.Plan plan = MasterFileEdits.plan(oldBytes, newBytes);
    Zone edited = plan == null ? null : reader.readAsEdits(old, plan, "new.zone", newBytes, origin);
    if (edited == null) {
      return Outcome.DECLINED;
    }
    Zone whole;
    try {
      whole = reader.read(tree, "new.zone", origin);
    } catch (ZoneReadException e) {
      throw new AssertionError("read as edits, but the whole file is refused: " + e.getMessage() + "\n--- old\n" + oldText
          + "--- new\n" + newText);
    }
    String context = "\n--- old\n" + oldText + "--- new\n" + newText;
    assertSameZone(edited, whole, context);
    assertThat(ZoneWriter.fingerprint(edited)).as(context).isEqualTo(ZoneWriter.fingerprint(whole));
    // The edited zone's fingerprint hashed from the old version's text around the edits.
    ZoneWriter.Canonical oldCanonical = ZoneWriter.canonical(oldZone[0]);
    assertThat(oldCanonical.fingerprint()).as(context).isEqualTo(ZoneWriter.fingerprint(oldZone[0]));
    assertThat(ZoneWriter.fingerprintEdited(edited, oldCanonical)).as(context).isEqualTo(ZoneWriter.fingerprint(whole));
    assertThat(ZoneWriter.fingerprintEdited(whole, oldCanonical)).as("a zone read apart: written whole" + context)
        .isEqualTo(ZoneWriter.fingerprint(whole));
    assertThat(described(ZoneDiff.diff(oldZone[0], edited))).as(context)
        .isEqualTo(described(ZoneDiff.diff(oldZone[0], whole)));
    return Outcome.EQUAL;
  }

  /** Equal set by set, locations included (RRset equality leaves them out), and equal notices. */
  static void assertSameZone(Zone edited, Zone whole, String context) {
    assertThat(edited.origin()).as(context).isEqualTo(whole.origin());
    assertThat(edited.sets()).as(context).isEqualTo(whole.sets());
    assertThat(locations(edited)).as(context).isEqualTo(locations(whole));
    assertThat(edited.notices()).as(context).isEqualTo(whole.notices());
    assertThat(edited.recordCount()).as(context).isEqualTo(whole.recordCount());
    assertThat(edited.marks()).as(context).isEqualTo(whole.marks());
    for (RRset s : whole.sets()) {
      assertThat(edited.get(s.key())).as(context).isEqualTo(s);
      assertThat(edited.at(s.name())).as(context).isEqualTo(whole.at(s.name()));
    }
  }

  private static List<String> locations(Zone z) {
    List<String> out = new ArrayList<>();
    for (RRset s : z.sets()) {
      out.add(s.key() + " @ " + s.location());
    }
    return out;
  }

  /** Changes with what equality leaves out of them: where each side was read. */
  private static List<String> described(List<Change> changes) {
    List<String> out = new ArrayList<>();
    for (Change c : changes) {
      out.add(c + " @ " + (c.before() == null ? null : c.before().location()) + " / "
          + (c.after() == null ? null : c.after().location()));
    }
    return out;
  }

  /**
   * Zones as people keep them (a $TTL, one record a line, a set's records side by side, some blank
   * owners, comments, relative and absolute names), each with one to four line edits: a record
   * line changed, added, removed or moved, a line doubled, a line from another zone, a directive
   * or a continuation line added, a TTL changed.
   */
  @Test
  void editedZonesReadAsTheWholeFile() throws Exception {
    SplittableRandom r = new SplittableRandom(20261205);
    int equal = 0;
    int cases = 4000;
    for (int i = 0; i < cases; i++) {
      String oldText = zone(new SplittableRandom(i), 10 + i % 60);
      String other = zone(new SplittableRandom(100000 + i), 10);
      String newText = edit(oldText, other, r);
      String origin = i % 3 == 0 ? "example.com." : null;
      if (compare(oldText, newText, origin) == Outcome.EQUAL) {
        equal++;
      }
    }
    // A case with one edit that must be read whole (a record doubled, a directive, a record added
    // to a set of several, a repeated owner's set split) is read whole: about one in four is left.
    assertThat(equal).isGreaterThan(cases / 5);
  }

  /**
   * The fast reader's own generated zones (every shape it takes: TTLs in every style, parentheses,
   * many blank owners, rare types): mostly declined, since their context runs across lines; where
   * read as edits, the same as whole.
   */
  @Test
  void theFastReadersZonesReadAsTheWholeFileWhenReadAsEdits() throws Exception {
    SplittableRandom r = new SplittableRandom(2026);
    int equal = 0;
    for (int i = 0; i < 2000; i++) {
      String oldText = FastMasterReaderTest.generate(5000 + i, 20 + i % 40, i % 4 == 0).text();
      String other = FastMasterReaderTest.generate(90000 + i, 10, i % 5 == 0).text();
      if (compare(oldText, edit(oldText, other, r), i % 3 == 0 ? "gen.example." : null) == Outcome.EQUAL) {
        equal++;
      }
    }
    assertThat(equal).isPositive();
  }

  /** A zone file of {@code n} entries as people and tools write them. */
  public static String zone(SplittableRandom r, int n) {
    StringBuilder sb = new StringBuilder("; example.com\n$ORIGIN example.com.\n");
    boolean ttl = r.nextInt(10) != 0;
    if (ttl) {
      sb.append("$TTL ").append(pick(r, "3600", "1h", "300")).append('\n');
    }
    if (r.nextBoolean()) {
      sb.append("@ ").append(ttl ? "" : "3600 ").append("IN SOA ns1.example.net. hostmaster 2026120501 7200 900 1209600 300\n");
    } else {
      sb.append("@ ").append(ttl ? "" : "3600 ").append("IN SOA ns1.example.net. hostmaster (\n")
          .append("\t\t2026120501 ; serial\n\t\t7200 900 1209600\n\t\t300 )\n");
    }
    sb.append("@ ").append(ttl ? "" : "3600 ").append("NS ns1.example.net.\n   NS ns2.example.org.\n");
    String last = "@";
    for (int i = 0; i < n; i++) {
      int shape = r.nextInt(30);
      if (shape == 0) {
        sb.append('\n');
      } else if (shape == 1) {
        sb.append("; entry ").append(i).append('\n');
      }
      if (shape == 2) {
        sb.append(pick(r, "$TTL 60\n", "$ORIGIN sub.example.com.\n", "$ORIGIN example.com.\n", "$TTL 3600\n"));
      }
      String owner;
      int o = r.nextInt(20);
      if (o == 0) {
        owner = "   ";
      } else if (o == 1) {
        owner = last;
      } else if (o == 2) {
        owner = "n" + i + ".example.com.";
      } else if (o == 3) {
        owner = "sub" + (i % 3);
      } else {
        owner = "h" + i;
      }
      if (!owner.isBlank()) {
        last = owner;
      }
      // One TTL per owner, as zones mostly have (a set of mixed TTLs has a notice, and a zone
      // with notices is read whole).
      int h = Math.floorMod(last.hashCode(), 12);
      String t = !ttl || h < 3 ? new String[] {"60 ", "300 ", "3600 "}[h % 3] : "";
      String rr = switch (r.nextInt(13)) {
        case 0, 1, 2, 3 -> "A 192.0.2." + r.nextInt(256);
        case 4 -> "AAAA 2001:db8::" + Integer.toHexString(r.nextInt(65536));
        case 5 -> "CNAME h" + r.nextInt(Math.max(1, i));
        case 6 -> "MX " + r.nextInt(50) + " mx" + r.nextInt(3);
        case 7 -> "TXT \"v=spf1 -all\" \"" + i + "\"";
        case 8 -> "SRV 10 60 5060 h" + r.nextInt(Math.max(1, i));
        case 9 -> "CAA 0 issue \"letsencrypt.org\"";
        case 10 -> "NS ns" + r.nextInt(2) + ".example.net.";
        case 11 -> r.nextBoolean() ? "MX ( " + r.nextInt(50) + "\n\t\tmx" + r.nextInt(3) + " )"
            : "TXT ( \"part one\"\n\t\t\"part " + i + "\" ) ; two lines";
        default -> "A 198.51.100." + r.nextInt(256) + " ; note";
      };
      sb.append(owner).append(' ').append(t).append(pick(r, "", "IN ")).append(rr).append('\n');
    }
    return sb.toString();
  }

  /** Line edits of {@code text}: lines changed, added (one or a block), removed or doubled, taken from {@code other} or made. */
  public static String edit(String text, String other, SplittableRandom r) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    List<String> donors = new ArrayList<>(Arrays.asList(other.split("\n", -1)));
    int edits = 1 + r.nextInt(4);
    for (int e = 0; e < edits; e++) {
      // Past the head (comment, $ORIGIN, maybe $TTL), mostly; the head itself sometimes.
      int at = r.nextInt(10) == 0 ? r.nextInt(lines.size()) : Math.min(lines.size() - 1, 4 + r.nextInt(Math.max(1, lines.size() - 4)));
      String donor = donors.get(r.nextInt(donors.size()));
      switch (r.nextInt(9)) {
        case 0 -> lines.set(at, donor);
        case 1 -> lines.add(at, donor);
        case 2 -> lines.remove(at);
        case 3 -> lines.add(at, lines.get(at)); // a record twice
        case 4 -> lines.set(at, digitChanged(lines.get(at), r)); // an address or a TTL changed
        case 5 -> lines.add(at, pick(r, "$TTL 60", "$ORIGIN sub", "www 300 A 192.0.2.77", "   A 192.0.2.78",
            "new 60 TXT \"x\"", "; a comment", "", "www2 CNAME www", "mail MX 10 mx1", "@ 300 IN A 192.0.2.1"));
        case 6 -> lines.set(at, lines.get(at).replace(" 300 ", " 60 "));
        case 7 -> {
          // A block of records added at once (past the short search for a common line).
          for (int k = 40 + r.nextInt(60); k > 0; k--) {
            lines.add(at, "blk" + e + "-" + k + " A 192.0.2." + k);
          }
        }
        default -> {
          String moved = lines.remove(at);
          lines.add(r.nextInt(lines.size() + 1), moved);
        }
      }
      if (lines.isEmpty()) {
        lines.add("");
      }
    }
    return String.join("\n", lines);
  }

  private static String digitChanged(String line, SplittableRandom r) {
    List<Integer> digits = new ArrayList<>();
    for (int i = 0; i < line.length(); i++) {
      if (Character.isDigit(line.charAt(i))) {
        digits.add(i);
      }
    }
    if (digits.isEmpty()) {
      return line;
    }
    int at = digits.get(r.nextInt(digits.size()));
    return line.substring(0, at) + (char) ('1' + (line.charAt(at) - '0') % 8) + line.substring(at + 1);
  }

  @SafeVarargs
  private static <T> T pick(SplittableRandom r, T... options) {
    return options[r.nextInt(options.length)];
  }

  /** The benchmark's shape: a large zone with a fraction of its records changed, added and removed. */
  @Test
  void aLargeZoneWithScatteredChangesIsReadAsEdits() throws Exception {
    StringBuilder a = new StringBuilder("$ORIGIN bench.example.\n$TTL 3600\n@ SOA ns1.example.net. host.bench.example. 1 7200 900 1209600 300\n@ NS ns1.example.net.\n");
    StringBuilder b = new StringBuilder("$ORIGIN bench.example.\n$TTL 3600\n@ SOA ns1.example.net. host.bench.example. 2 7200 900 1209600 300\n@ NS ns1.example.net.\n");
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < 20000; i++) {
      String line = switch (i % 4) {
        case 0 -> "h" + i + " A 192.0.2." + (i % 250);
        case 1 -> "h" + i + " AAAA 2001:db8::" + Integer.toHexString(i);
        case 2 -> "h" + i + " CNAME h" + (i - 2);
        default -> "h" + i + " TXT \"v=" + i + "\"";
      };
      a.append(line).append('\n');
      int k = r.nextInt(100);
      if (k == 0) {
        b.append("h").append(i).append(" A 198.51.100.").append(i % 250).append('\n'); // changed
      } else if (k == 1) {
        continue; // removed
      } else {
        b.append(line).append('\n');
        if (k == 2) {
          b.append("n").append(i).append(" A 203.0.113.").append(i % 250).append('\n'); // added
        }
      }
    }
    assertThat(compare(a.toString(), b.toString(), null)).isEqualTo(Outcome.EQUAL);
    assertThat(compare(a.toString(), b.toString(), "bench.example.")).isEqualTo(Outcome.EQUAL);
    assertThat(compare(a.toString(), a.toString(), null)).isEqualTo(Outcome.EQUAL);
    // A block of 300 records added in one place, and one of 300 removed.
    String text = a.toString();
    int mid = text.indexOf("\nh10000 ") + 1;
    String block = text.substring(0, mid) + "blk0 A 192.0.2.1\n".replace("blk0", "blk") + text.substring(mid);
    StringBuilder many = new StringBuilder();
    for (int k = 0; k < 300; k++) {
      many.append("blk").append(k).append(" A 192.0.2.").append(k % 250 + 1).append('\n');
    }
    String added = text.substring(0, mid) + many + text.substring(mid);
    assertThat(compare(text, added, null)).isEqualTo(Outcome.EQUAL);
    assertThat(compare(added, text, null)).isEqualTo(Outcome.EQUAL);
    assertThat(compare(text, block, null)).isEqualTo(Outcome.EQUAL);
  }

  /**
   * The usual change to a BIND zone file: the serial of an SOA written over several lines bumped,
   * a comment changed, records changed; the demo's pair is one.
   */
  @Test
  void aSerialBumpInsideParenthesesIsReadAsEdits() throws Exception {
    String live = java.nio.file.Files.readString(java.nio.file.Path.of("testdata/demo/live.zone"));
    String proposed = java.nio.file.Files.readString(java.nio.file.Path.of("testdata/demo/proposed.zone"));
    assertThat(compare(live, proposed, null)).isEqualTo(Outcome.EQUAL);
    assertThat(compare(proposed, live, "example.com.")).isEqualTo(Outcome.EQUAL);
  }

  /** What must be read whole: the edits alone cannot say what the file means. */
  @Test
  void declinesWhatTheChangedLinesAloneCannotSay() throws Exception {
    String head = "$ORIGIN example.com.\n$TTL 300\n@ SOA ns1.example.net. h.example.com. 1 2 3 4 5\nwww A 192.0.2.1\n";
    String tail = "mail A 192.0.2.2\nmail2 A 192.0.2.3\n";
    // A blank owner after a changed line takes the changed line's owner.
    assertThat(compare(head + tail + "   A 192.0.2.9\n", head + "mail A 192.0.2.4\nmail2 A 192.0.2.3\n   A 192.0.2.9\n", null))
        .isEqualTo(Outcome.EQUAL);
    assertThat(compare(head + "mail A 192.0.2.2\n   A 192.0.2.9\n", head + "mail3 A 192.0.2.2\n   A 192.0.2.9\n", null))
        .isEqualTo(Outcome.DECLINED);
    // A directive on an unchanged line after a change moves both versions alike.
    assertThat(compare(head + tail + "$TTL 60\nx A 192.0.2.5\n", head + "mail A 192.0.2.4\nmail2 A 192.0.2.3\n$TTL 60\nx A 192.0.2.6\n", null))
        .isEqualTo(Outcome.EQUAL);
    // A directive changed or added is read whole.
    assertThat(compare(head + tail + "x A 192.0.2.5\n", head + tail + "$TTL 60\nx A 192.0.2.5\n", null))
        .isEqualTo(Outcome.DECLINED);
    // Without $TTL a record without TTL takes the previous record's.
    String noTtl = "$ORIGIN example.com.\n@ 300 SOA ns1.example.net. h.example.com. 1 2 3 4 5\n";
    assertThat(compare(noTtl + "a 60 A 192.0.2.1\nb A 192.0.2.2\n", noTtl + "a 90 A 192.0.2.1\nb A 192.0.2.2\n", null))
        .isEqualTo(Outcome.DECLINED);
    // A record added beside one the old version keeps, and one taken out of a set that keeps its
    // first record: the set is the old one less and plus those.
    assertThat(compare(head + tail, head + tail + "mail A 192.0.2.7\n", null)).isEqualTo(Outcome.EQUAL);
    assertThat(compare(head + tail + "mail A 192.0.2.8\n", head + tail, null)).isEqualTo(Outcome.EQUAL);
    // ... but with a TTL other than the set's, the whole read has a notice for it.
    assertThat(compare(head + tail, head + tail + "mail 60 A 192.0.2.7\n", null)).isEqualTo(Outcome.DECLINED);
    // A set's first record taken out while others stay: which comes first then is on a line not read.
    assertThat(compare(head + tail + "mail A 192.0.2.8\n", head + "mail2 A 192.0.2.3\nmail A 192.0.2.8\n", null))
        .isEqualTo(Outcome.DECLINED);
    // A record twice.
    assertThat(compare(head + tail, head + tail + "mail A 192.0.2.2\n", null)).isEqualTo(Outcome.DECLINED);
    // A blank owner after a directive after a change takes the changed line's owner.
    assertThat(compare(head + tail + "$TTL 60\n  A 192.0.2.9\n", head + "mail A 192.0.2.2\nmail3 A 192.0.2.3\n$TTL 60\n  A 192.0.2.9\n", null))
        .isEqualTo(Outcome.DECLINED);
    // The same edit of a whole one-record set reads as edits.
    assertThat(compare(head + tail, head + "mail A 192.0.2.4\nmail2 A 192.0.2.3\n", null)).isEqualTo(Outcome.EQUAL);
  }
}
