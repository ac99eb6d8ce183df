package dev.zonegate.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.model.Change;
import dev.zonegate.model.Notice;
import dev.zonegate.model.RRset;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import dev.zonegate.model.ZoneMarks;
import dev.zonegate.zone.DirectoryTree;
import dev.zonegate.zone.MasterFileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZoneDiffTest {
  @TempDir Path dir;

  private static final String SOA = "@ SOA ns1 hostmaster 2024010101 7200 900 1209600 300\n";

  private Zone zone(String text) throws Exception {
    Path p = Files.createTempFile(dir, "z", ".zone");
    Files.writeString(p, "$ORIGIN example.com.\n$TTL 300\n" + text);
    return new MasterFileReader().read(new DirectoryTree(dir), p.getFileName().toString(), "example.com.");
  }

  private List<Change> diff(String before, String after) throws Exception {
    return ZoneDiff.diff(zone(before), zone(after));
  }

  @Test
  void addDeleteAndUpdateEachGiveOneChangePerRRset() throws Exception {
    List<Change> changes =
        diff(
            "www A 192.0.2.1\nold A 192.0.2.5\nold A 192.0.2.6\npool A 192.0.2.7\n",
            "www A 192.0.2.1\nnew A 192.0.2.9\npool A 192.0.2.8\npool A 192.0.2.7\n");
    assertThat(changes).extracting(Change::toString)
        .containsExactly("add new.example.com. A", "delete old.example.com. A", "update pool.example.com. A");
    Change pool = changes.get(2);
    assertThat(pool.added()).containsExactly("192.0.2.8");
    assertThat(pool.removed()).isEmpty();
    Change old = changes.get(1);
    assertThat(old.beforeRdata()).containsExactly("192.0.2.5", "192.0.2.6");
    assertThat(old.afterRdata()).isEmpty();
    assertThat(old.ttlAfter()).isNull();
  }

  @Test
  void aTtlOnlyChangeIsAnUpdateWithNoRecordsAddedOrRemoved() throws Exception {
    List<Change> changes = diff("www 300 A 192.0.2.1\n", "www 60 A 192.0.2.1\n");
    assertThat(changes).hasSize(1);
    assertThat(changes.get(0).action()).isEqualTo(Change.Action.UPDATE);
    assertThat(changes.get(0).ttlBefore()).isEqualTo(300);
    assertThat(changes.get(0).ttlAfter()).isEqualTo(60);
    assertThat(changes.get(0).added()).isEmpty();
    assertThat(changes.get(0).removed()).isEmpty();
  }

  @Test
  void caseAndRecordOrderAreNoChange() throws Exception {
    assertThat(diff("WWW CNAME Target.Example.COM.\nmx MX 10 A.example.com.\nmx MX 20 b\n",
            "www CNAME target.example.com.\nmx MX 20 B\nmx MX 10 a\n"))
        .isEmpty();
  }

  @Test
  void aSerialOnlySoaChangeIsNoChange() throws Exception {
    assertThat(diff(SOA, SOA.replace("2024010101", "2024010102"))).isEmpty();
  }

  @Test
  void soaTimersAndNamesAreCompared() throws Exception {
    List<Change> changes = diff(SOA, SOA.replace("ns1", "ns9").replace("2024010101", "2024010102"));
    assertThat(changes).extracting(Change::toString).containsExactly("update example.com. SOA");
    assertThat(diff(SOA, SOA.replace(" 300\n", " 60\n"))).hasSize(1);
  }

  @Test
  void anSoaOnOneSideOnlyIsNotCompared() throws Exception {
    assertThat(diff(SOA + "www A 192.0.2.1\n", "www A 192.0.2.1\n")).isEmpty();
    assertThat(diff("www A 192.0.2.1\n", SOA + "www A 192.0.2.1\n")).isEmpty();
  }

  @Test
  void changesComeInCanonicalOrder() throws Exception {
    List<Change> changes = diff("", "b.a A 192.0.2.1\nz A 192.0.2.1\na A 192.0.2.1\n@ MX 1 a\n@ NS ns\n");
    assertThat(changes).extracting(Change::toString)
        .containsExactly(
            "add example.com. NS", "add example.com. MX", "add a.example.com. A",
            "add b.a.example.com. A", "add z.example.com. A");
  }

  private static RRset set(String name, String type, long ttl, String... rdata) {
    return new RRset(RRsetKey.of(name, type), ttl, List.of(rdata), null);
  }

  private static Zone made(RRset... sets) {
    return new Zone("example.com.", List.of(sets), List.of());
  }

  @Test
  void aSetTheProposalMarksIgnoredIsNotComparedAndUnmarkedItIs() throws Exception {
    // octoDNS's ignored: the deploying tool leaves the set alone, so a difference there is none.
    Zone before = made(set("a.example.com.", "A", 300, "192.0.2.1"), set("ign.example.com.", "TXT", 300, "\"x\""));
    Zone after = made(set("a.example.com.", "A", 300, "192.0.2.2"), set("ign.example.com.", "TXT", 300, "\"y\""));
    RRsetKey ign = RRsetKey.of("ign.example.com.", "TXT");
    ZoneMarksFixture marks = new ZoneMarksFixture(ign);
    assertThat(ZoneDiff.diff(before, after.withMarks(marks.marks()))).extracting(Change::toString)
        .containsExactly("update a.example.com. A");
    assertThat(ZoneDiff.diff(before, after)).extracting(Change::toString)
        .containsExactly("update a.example.com. A", "update ign.example.com. TXT");
    // Marked ignored on one side only of the merge (added, or deleted): still not compared, and the
    // sets on either side of it still are.
    Zone onlyAfter = made(set("a.example.com.", "A", 300, "192.0.2.1"), set("ign.example.com.", "TXT", 300, "\"y\""),
        set("z.example.com.", "A", 300, "192.0.2.9"));
    assertThat(ZoneDiff.diff(made(set("a.example.com.", "A", 300, "192.0.2.1")), onlyAfter.withMarks(marks.marks())))
        .extracting(Change::toString).containsExactly("add z.example.com. A");
    Zone onlyBefore = made(set("ign.example.com.", "TXT", 300, "\"x\""), set("z.example.com.", "A", 300, "192.0.2.9"));
    assertThat(ZoneDiff.diff(onlyBefore, made(set("a.example.com.", "A", 300, "192.0.2.1")).withMarks(marks.marks())))
        .extracting(Change::toString).containsExactly("add a.example.com. A", "delete z.example.com. A");
  }

  /** Marks that say one set is ignored, as an octoDNS reader makes them. */
  private record ZoneMarksFixture(RRsetKey key) {
    ZoneMarks marks() {
      return new ZoneMarks(
          Map.of(key, new Notice(null, "ignored")), Map.of(), null);
    }
  }

  @Test
  void anSoaTtlOrRecordCountChangeIsAChange() throws Exception {
    String soa = "ns1.example.com. hostmaster.example.com. 1 7200 900 1209600 300";
    RRset apex = set("example.com.", "SOA", 300, soa);
    assertThat(ZoneDiff.diff(made(apex), made(set("example.com.", "SOA", 60, soa)))).hasSize(1);
    assertThat(ZoneDiff.diff(made(apex), made(set("example.com.", "SOA", 300, soa.replace(" 1 ", " 2 "))))).isEmpty();
    assertThat(ZoneDiff.diff(made(apex), made(set("example.com.", "SOA", 300, soa, soa.replace("ns1", "ns2"))))).hasSize(1);
    // Text that is no SOA rdata at all is compared whole.
    assertThat(ZoneDiff.withoutSerial("not an soa")).isEqualTo("not an soa");
    assertThat(ZoneDiff.withoutSerial(soa)).isEqualTo("ns1.example.com. hostmaster.example.com. - 7200 900 1209600 300");
  }

  @Test
  void anSoaBelowTheApexIsComparedWhenBothSidesHaveTheirApexSoa() throws Exception {
    // Only the apex SOA is format-dependent (octoDNS has none); any other SOA set is data.
    String soa = "ns1.example.com. hostmaster.example.com. 1 7200 900 1209600 300";
    RRset apex = set("example.com.", "SOA", 300, soa);
    RRset sub = set("sub.example.com.", "SOA", 300, soa);
    assertThat(ZoneDiff.diff(made(apex, sub), made(apex))).extracting(Change::toString)
        .containsExactly("delete sub.example.com. SOA");
    assertThat(ZoneDiff.diff(made(apex), made(apex, sub))).extracting(Change::toString)
        .containsExactly("add sub.example.com. SOA");
    assertThat(ZoneDiff.diff(made(sub), made(apex))).isEmpty();
  }

  @Test
  void effectiveChangesAreMarkedDriftWhereLiveLeftBase() throws Exception {
    RRset a1 = set("a.example.com.", "A", 300, "192.0.2.1");
    RRset a2 = set("a.example.com.", "A", 300, "192.0.2.2");
    RRset b1 = set("b.example.com.", "A", 300, "192.0.2.5");
    RRset c1 = set("c.example.com.", "A", 300, "192.0.2.7");
    RRset c2 = set("c.example.com.", "A", 300, "192.0.2.8");
    // a: live as base, head changes it (no drift); b: added out of band, head drops it (drift);
    // c: deleted out of band, head changes it (drift).
    Zone base = made(a1, c1);
    Zone live = made(a1, b1);
    Zone head = made(a2, c2);
    assertThat(ZoneDiff.effective(base, live, head)).extracting(c -> c + (c.drift() ? " drift" : ""))
        .containsExactly("update a.example.com. A", "delete b.example.com. A drift", "add c.example.com. A drift");
    // The same zone as base and live: nothing drifted.
    assertThat(ZoneDiff.effective(live, live, head)).noneMatch(Change::drift);
    // An apex SOA that one side lacks is a format's doing, never drift.
    String soa = "ns1.example.com. hostmaster.example.com. 1 7200 900 1209600 300";
    Zone withSoa = made(a1, set("example.com.", "SOA", 300, soa));
    Zone newSoa = made(a1, set("example.com.", "SOA", 300, soa.replace("ns1", "ns9")));
    assertThat(ZoneDiff.effective(made(a1), withSoa, newSoa)).extracting(c -> c + (c.drift() ? " drift" : ""))
        .containsExactly("update example.com. SOA");
    // When it is live that has none (a snapshot in a format without one), there is no SOA change.
    assertThat(ZoneDiff.effective(withSoa, made(a1), newSoa)).isEmpty();
  }

  @Test
  void largeZonesComparedInHalvesGiveTheChangesAMapGives() {
    // Past ZoneDiff.HALVES the sets are cut in two and both halves compared at once; the changes
    // are those of a key-by-key comparison, in order, whichever zone the cut falls short in.
    Random r = new Random(41);
    for (int round = 0; round < 3; round++) {
      TreeMap<RRsetKey, RRset> a = new TreeMap<>();
      TreeMap<RRsetKey, RRset> b = new TreeMap<>();
      int n = ZoneDiff.HALVES;
      while (a.size() + b.size() < ZoneDiff.HALVES + 10_000) {
        // Round 1: everything before the middle of after is gone; round 2: before is empty (lint).
        String owner = (r.nextInt(4) == 0 ? "_x." : "") + "h" + r.nextInt(2 * n) + ".example.";
        RRsetKey k = RRsetKey.of(owner, r.nextBoolean() ? "A" : "TXT");
        RRset s = new RRset(k, 300, List.of("\"v" + r.nextInt(3) + "\""), null);
        if (round != 2 && !(round == 1 && owner.compareTo("h5") < 0) && r.nextInt(10) != 0) {
          a.put(k, s);
        }
        if (r.nextInt(10) != 0) {
          b.put(k, r.nextInt(5) == 0 ? new RRset(k, 60, s.rdata(), null) : s);
        }
      }
      List<Change> want = new ArrayList<>();
      TreeSet<RRsetKey> keys = new TreeSet<>(a.keySet());
      keys.addAll(b.keySet());
      for (RRsetKey k : keys) {
        if (!Objects.equals(a.get(k), b.get(k))) {
          want.add(new Change("example.", a.get(k), b.get(k)));
        }
      }
      List<Change> got = ZoneDiff.diff(new Zone("example.", a.values(), List.of()), new Zone("example.", b.values(), List.of()));
      assertThat(a.size() + b.size()).isGreaterThanOrEqualTo(ZoneDiff.HALVES);
      assertThat(got).as("round %d", round).isEqualTo(want); // equals: linear
    }
  }
}
