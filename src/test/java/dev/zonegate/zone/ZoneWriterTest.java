package dev.zonegate.zone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.model.RRset;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The canonical text and the fingerprint the stale-plan guard compares (SPEC §9). */
class ZoneWriterTest {
  private static final String ZONE = String.join("\n",
      "$ORIGIN example.com.",
      "$TTL 300",
      "@ SOA ns1.example.com. hostmaster.example.com. 7 7200 900 1209600 300",
      "@ NS ns1.example.com.",
      "ns1 A 192.0.2.1",
      "www 60 A 192.0.2.2",
      "www 60 A 192.0.2.3",
      "txt TXT \"caf\\195\\169\"",
      "");

  private static Zone read(String text) throws Exception {
    return new MasterFileReader()
        .read(new MemoryTree(Map.of("z.zone", text.getBytes(StandardCharsets.UTF_8))), "z.zone", "example.com.");
  }

  private static String sha256(String text) throws Exception {
    byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    return "sha256:" + HexFormat.of().formatHex(d);
  }

  @Test
  void theFingerprintIsTheSha256OfTheDocumentedShortForm() throws Exception {
    // Owners relative to the origin, $TTL where the TTL changes, no class, SOA serial zeroed.
    String form = String.join("\n",
        "$ORIGIN example.com.",
        "$TTL 300",
        "@ SOA ns1.example.com. hostmaster.example.com. 0 7200 900 1209600 300",
        "@ NS ns1.example.com.",
        "ns1 A 192.0.2.1",
        "txt TXT \"caf\\195\\169\"",
        "$TTL 60",
        "www A 192.0.2.2",
        "www A 192.0.2.3",
        "");
    assertThat(ZoneWriter.fingerprint(read(ZONE))).isEqualTo(sha256(form));
  }

  @Test
  void theSerialDoesNotMoveTheFingerprintAndEverythingElseDoes() throws Exception {
    String fp = ZoneWriter.fingerprint(read(ZONE));
    assertThat(ZoneWriter.fingerprint(read(ZONE.replace(" 7 7200", " 8 7200")))).isEqualTo(fp);
    for (String[] edit : new String[][] {
      // (each edit made everywhere it matches)
      {"www 60", "www 61"}, // a TTL
      {"192.0.2.3", "192.0.2.4"}, // an address
      {"ns1 A", "ns2 A"}, // an owner
      {"www 60 A 192.0.2.3", "www 60 AAAA 2001:db8::3"}, // a type
      {" 900 ", " 901 "}, // an SOA timer
      {"txt TXT", "txt2 TXT"}, // a name's length
    }) {
      assertThat(ZoneWriter.fingerprint(read(ZONE.replace(edit[0], edit[1])))).as(edit[1]).isNotEqualTo(fp);
      assertThat(ZoneWriter.fingerprint(read(ZONE.replace(edit[0], edit[1])))).isEqualTo(ZoneWriter.fingerprint(read(ZONE.replace(edit[0], edit[1]))));
    }
  }

  @Test
  void aZoneNobodyVouchedAsciiForHashesTheSame() throws Exception {
    // A master file's reader vouches that its text is ASCII, and the digest then copies it as
    // bytes; the same sets in a zone made by hand go the careful way. Same bytes, same hash.
    Zone read = read(ZONE);
    assertThat(read.ascii()).isTrue();
    Zone copy = new Zone(read.origin(), read.sets(), List.of());
    assertThat(copy.ascii()).isFalse();
    assertThat(ZoneWriter.fingerprint(copy)).isEqualTo(ZoneWriter.fingerprint(read));
  }

  @Test
  void textOutsideAsciiIsHashedAsUtf8() throws Exception {
    // Provider-only data (a Route 53 alias here) keeps whatever its source held.
    Zone read = read(ZONE);
    List<RRset> sets = new ArrayList<>(read.sets());
    sets.add(new RRset(new RRsetKey("alias.example.com.", "ALIAS", "café"), 0, List.of("A dualstack.ünïcode.example."), null));
    Zone z = new Zone(read.origin(), sets, List.of());
    String text = ZoneWriter.write(z);
    assertThat(text).contains("; alias.example.com. 0 IN ALIAS [café] A dualstack.ünïcode.example.");
    String edited = ZoneWriter.fingerprint(new Zone(read.origin(), sets.subList(0, sets.size() - 1), List.of()));
    assertThat(ZoneWriter.fingerprint(z)).isNotEqualTo(edited).startsWith("sha256:");
    assertThat(ZoneWriter.canonical(z).fingerprint()).as("the text held").isEqualTo(ZoneWriter.fingerprint(z));
  }

  /**
   * Regression check: a mutant of {@code ZoneWriter} that dropped every string longer than the
   * digest's 64 KiB buffer from the fingerprint passed the whole suite, because the test of a long
   * TXT only asked that the fingerprint change when the record was added (its owner and type still
   * did that). Here the long string itself must be hashed: the fingerprint is the SHA-256 of the
   * documented form with the whole string in it, and an edit at the string's far end moves it, on
   * both paths of the digest (a zone vouched ASCII, and one made by hand). Dropping the string
   * (the {@code digest.update(b)} for a piece longer than the buffer) fails both assertions.
   */
  @Test
  void aStringLongerThanTheDigestBufferIsHashedWhole() throws Exception {
    // 260 strings of 250 octets: text longer than 64 KiB, wire data still under its 65,535.
    String big = String.join(" ", Collections.nCopies(260, "\"" + "x".repeat(250) + "\""));
    assertThat(big.length()).isGreaterThan(1 << 16);
    String form = String.join("\n",
        "$ORIGIN example.com.",
        "$TTL 300",
        "@ SOA ns1.example.com. hostmaster.example.com. 0 7200 900 1209600 300",
        "@ NS ns1.example.com.",
        "big TXT " + big,
        "ns1 A 192.0.2.1",
        "");
    String zone = String.join("\n",
        "$ORIGIN example.com.",
        "$TTL 300",
        "@ SOA ns1.example.com. hostmaster.example.com. 7 7200 900 1209600 300",
        "@ NS ns1.example.com.",
        "ns1 A 192.0.2.1",
        "big TXT " + big,
        "");
    Zone read = read(zone);
    assertThat(read.ascii()).isTrue();
    Zone byHand = new Zone(read.origin(), read.sets(), List.of());
    assertThat(byHand.ascii()).isFalse();
    String edited = zone.replace(big, big.substring(0, big.length() - 2) + "y\"");
    for (Zone z : List.of(read, byHand)) {
      assertThat(ZoneWriter.fingerprint(z)).isEqualTo(sha256(form));
      assertThat(ZoneWriter.canonical(z).fingerprint()).as("the text held").isEqualTo(sha256(form));
    }
    assertThat(ZoneWriter.fingerprint(read(edited))).isNotEqualTo(ZoneWriter.fingerprint(read));
    assertThat(ZoneWriter.fingerprint(new Zone(read.origin(), read(edited).sets(), List.of())))
        .isNotEqualTo(ZoneWriter.fingerprint(byHand));
  }

  /**
   * The fingerprint of a zone made by editing sets, hashed from the old zone's text around the
   * edits, is the zone's own fingerprint: random zones whose TTLs come in runs (so an edit moves a
   * {@code $TTL} line of a kept set: a TTL changed before it, a set removed or added before it),
   * with random edits, one to a few hundred.
   */
  @Test
  void anEditedZonesFingerprintFromTheOldTextIsItsFingerprint() {
    java.util.Random r = new java.util.Random(16);
    for (int round = 0; round < 300; round++) {
      int n = 1 + r.nextInt(round < 250 ? 40 : 3000);
      List<RRset> sets = new ArrayList<>();
      long ttl = 60;
      for (int i = 0; i < n; i++) {
        if (r.nextInt(4) == 0) {
          ttl = 60L * (1 + r.nextInt(3));
        }
        String type = r.nextInt(5) == 0 ? "TXT" : "A";
        sets.add(new RRset(RRsetKey.of("h" + i + ".example.", type), ttl,
            List.of(type.equals("A") ? "192.0.2." + r.nextInt(250) : "\"t" + r.nextInt(9) + "\""), new dev.zonegate.model.Location("old.zone", i + 1)));
      }
      Zone base = new Zone("example.", sets, List.of());
      List<RRsetKey> removed = new ArrayList<>();
      List<RRset> added = new ArrayList<>();
      java.util.Set<Integer> touched = new java.util.HashSet<>();
      int edits = 1 + r.nextInt(Math.max(1, n / 10));
      for (int e = 0; e < edits; e++) {
        int i = r.nextInt(n);
        if (!touched.add(i)) {
          continue;
        }
        RRset s = sets.get(i);
        switch (r.nextInt(3)) {
          case 0 -> removed.add(s.key());
          case 1 -> {
            removed.add(s.key());
            added.add(new RRset(s.key(), 60L * (1 + r.nextInt(3)), s.rdata(), new dev.zonegate.model.Location("new.zone", i + 1)));
          }
          default -> added.add(new RRset(RRsetKey.of("h" + i + "a.example.", "A"), 60L * (1 + r.nextInt(3)),
              List.of("198.51.100." + r.nextInt(250)), new dev.zonegate.model.Location("new.zone", i + 1)));
        }
      }
      Zone edited = Zone.edited(base, removed, added, "new.zone", new int[n + 2]);
      assertThat(edited).as("round " + round).isNotNull();
      ZoneWriter.Canonical text = ZoneWriter.canonical(base);
      assertThat(text.fingerprint()).isEqualTo(ZoneWriter.fingerprint(base));
      assertThat(ZoneWriter.fingerprintEdited(edited, text)).as("round " + round).isEqualTo(ZoneWriter.fingerprint(edited));
    }
  }
}
