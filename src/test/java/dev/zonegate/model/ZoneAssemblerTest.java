package dev.zonegate.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The sort-once assembler against the map-per-record way zones were built before. */
class ZoneAssemblerTest {
  /** The reference: one map entry per set, notices as records come (the old ZoneBuilder). */
  private static final class Reference {
    final String origin;
    final Map<RRsetKey, Object[]> sets = new LinkedHashMap<>(); // ttl, reported, rdata, location
    final List<Notice> notices = new ArrayList<>();

    Reference(String origin) {
      this.origin = origin;
    }

    @SuppressWarnings("unchecked")
    void add(RRsetKey key, long ttl, String rdata, Location where) {
      Object[] p = sets.get(key);
      if (p == null) {
        p = new Object[] {ttl, false, new LinkedHashSet<String>(), where};
        sets.put(key, p);
      } else if ((long) p[0] != ttl) {
        if (!(boolean) p[1]) {
          notices.add(new Notice(where == null ? (Location) p[3] : where, "RRset " + key + " has records with different TTLs ("
              + p[0] + " and " + ttl + "); the lowest is used (RFC 2181 §5.2)"));
          p[1] = true;
        }
        p[0] = Math.min((long) p[0], ttl);
      }
      ((Set<String>) p[2]).add(rdata);
    }

    @SuppressWarnings("unchecked")
    Zone build() {
      List<RRset> out = new ArrayList<>();
      sets.forEach((k, p) -> out.add(new RRset(k, (long) p[0], (Set<String>) p[2], (Location) p[3])));
      return new Zone(origin, out, notices);
    }
  }

  @Test
  void sameSetsLocationsAndNoticesAsAMapPerRecord() {
    Random r = new Random(5);
    String[] labels = {"a", "b", "h1", "h10", "h2", "*", "_tcp", "www", "abcdefghij", "abcdefghik", "x\\.y", "ÿ", "é"};
    String[] types = {"A", "AAAA", "NS", "SOA", "MX", "TXT", "CNAME"};
    for (int round = 0; round < 60; round++) {
      String origin = r.nextInt(5) == 0 ? "." : "example.";
      ZoneAssembler a = new ZoneAssembler();
      Reference ref = new Reference(origin);
      int records = r.nextInt(round < 50 ? 80 : 3000);
      if (round % 3 == 0) {
        a.expect(r.nextInt(4000)); // a reader's size hint: room only, never the sets
      }
      for (int i = 0; i < records; i++) {
        if (round % 4 == 1 && i == records / 2) {
          a.expect(r.nextInt(4000) - 100); // also after records, and a hint too small
        }
        if (r.nextInt(20) == 0) {
          Notice n = new Notice(new Location("f", i), "note " + i);
          a.notice(n);
          ref.notices.add(n);
        }
        StringBuilder name = new StringBuilder();
        for (int k = r.nextInt(4); k > 0; k--) {
          name.append(labels[r.nextInt(labels.length)]).append('.');
        }
        name.append(origin.equals(".") ? (name.length() == 0 ? "." : "") : origin);
        RRsetKey key = new RRsetKey(name.toString(), types[r.nextInt(types.length)], r.nextInt(15) == 0 ? "s" + r.nextInt(2) : null);
        long ttl = 60 + r.nextInt(3) * (r.nextInt(4) == 0 ? 1 : 0);
        String rdata = "r" + r.nextInt(4);
        Location where = r.nextInt(10) == 0 ? null : new Location("z" + r.nextInt(2), i + 1);
        a.add(key, ttl, rdata, where == null ? null : where.path(), where == null ? 0 : where.line());
        ref.add(key, ttl, rdata, where);
      }
      Zone got = a.build(origin);
      Zone want = ref.build();
      assertThat(got).isEqualTo(want);
      assertThat(got.sets()).containsExactlyElementsOf(want.sets());
      for (int i = 0; i < got.size(); i++) {
        assertThat(got.sets().get(i).location()).isEqualTo(want.sets().get(i).location());
        assertThat(got.sets().get(i).key()).isSameAs(want.sets().get(i).key());
        assertThat(got.get(want.sets().get(i).key())).isSameAs(got.sets().get(i));
        assertThat(got.at(want.sets().get(i).name())).containsExactlyElementsOf(want.at(want.sets().get(i).name()));
      }
      assertThat(got.notices()).containsExactlyElementsOf(want.notices());
      assertThat(got.recordCount()).isEqualTo(want.recordCount());
      assertThat(got.rrsets()).isEqualTo(want.rrsets());
    }
  }

  @Test
  void aRollbackForgetsWhatCameAfterTheMark() {
    ZoneAssembler a = new ZoneAssembler();
    RRsetKey www = RRsetKey.of("www.example.", "A");
    a.add(www, 60, "192.0.2.1", "f", 1);
    a.notice(new Notice(new Location("f", 1), "kept"));
    ZoneAssembler.Mark m = a.mark();
    a.notice(new Notice(new Location("f", 2), "dropped"));
    for (int i = 0; i < 300_000; i++) { // past the first chunk
      a.add(RRsetKey.of("h" + i + ".example.", "A"), 30, "192.0.2.2", "f", i + 2);
    }
    a.rollback(m);
    a.add(www, 30, "192.0.2.3", "g", 7);
    Zone z = a.build("example.");
    assertThat(z.size()).isEqualTo(1);
    assertThat(z.get(www).rdata()).containsExactly("192.0.2.1", "192.0.2.3");
    assertThat(z.get(www).ttl()).isEqualTo(30);
    assertThat(z.notices()).extracting(Notice::message)
        .containsExactly("kept", "RRset www.example. A has records with different TTLs (60 and 30); the lowest is used (RFC 2181 §5.2)");
  }

  @Test
  void manyRecordsAcrossChunks() {
    ZoneAssembler a = new ZoneAssembler();
    a.expect(600_000); // more than a chunk: the first is made whole, the rest as they come
    Reference ref = new Reference("example.");
    Random r = new Random(1);
    for (int i = 0; i < 600_000; i++) {
      RRsetKey k = RRsetKey.of("h" + r.nextInt(400_000) + ".example.", i % 7 == 0 ? "AAAA" : "A");
      String rdata = "192.0.2." + r.nextInt(3);
      a.add(k, 60, rdata, "z", i + 1);
      ref.add(k, 60, rdata, new Location("z", i + 1));
    }
    Zone got = a.build("example.");
    Zone want = ref.build();
    assertThat(got).isEqualTo(want);
    assertThat(got.sets()).isEqualTo(want.sets()); // equals: linear in the sets
  }

  @Test
  void aLargeZoneMadeInTwoHalvesIsTheZoneOnePassMakes() {
    // Past ZoneAssembler.HALVES the sets are made on two threads, cut between two sets: the same
    // sets, locations, mixed-TTL notices (in order, from both halves) and type column.
    Random r = new Random(11);
    List<String> types = new ArrayList<>(List.of("A", "AAAA", "TXT", "MX", "CNAME"));
    for (int t = 0; t < 140; t++) {
      types.add("TYPE" + (1000 + t)); // more than a byte's column holds, the most of them late
    }
    for (boolean manyTypes : new boolean[] {false, true}) {
      ZoneAssembler a = new ZoneAssembler();
      Reference ref = new Reference("example.");
      int n = ZoneAssembler.HALVES * 2 + 1000;
      for (int i = 0; i < n; i++) {
        // Owners in runs, so that the middle falls inside a name's sets.
        String owner = "h" + (i / 3) % 150_000 + ".example.";
        int late = i > n / 2 ? types.size() : 5;
        String type = manyTypes ? types.get(r.nextInt(late)) : types.get(r.nextInt(3));
        RRsetKey k = RRsetKey.of(owner, type);
        long ttl = 60 + (r.nextInt(50) == 0 ? 1 : 0);
        String rdata = "192.0.2." + r.nextInt(4);
        a.add(k, ttl, rdata, "z", i + 1);
        ref.add(k, ttl, rdata, new Location("z", i + 1));
      }
      Zone got = a.build("example.");
      Zone want = ref.build();
      assertThat(got.sets()).isEqualTo(want.sets());
      assertThat(got.notices()).containsExactlyElementsOf(want.notices());
      assertThat(got.notices()).hasSizeGreaterThan(100);
      assertThat(got.recordCount()).isEqualTo(want.recordCount());
      for (int i = 0; i < got.size(); i += 97) {
        assertThat(got.typeAt(i)).isEqualTo(want.sets().get(i).type());
        assertThat(got.sets().get(i).location()).isEqualTo(want.sets().get(i).location());
        assertThat(got.get(want.sets().get(i).key())).isSameAs(got.sets().get(i));
      }
      assertThat(got.setsOf(t -> t.equals("TXT"))).containsExactlyElementsOf(
          want.sets().stream().filter(s -> s.type().equals("TXT")).toList());
    }
  }

  /**
   * A second assembler's records appended in runs (across both sides' chunk edges, into a first
   * chunk still growing) are the records added one by one: same keys, rdata, paths, lines moved
   * down (a record without a path keeps no line), and the same zone and notices.
   */
  @Test
  void recordsAddedFromAnotherAssemblerAreTheRecordsAddedOneByOne() {
    Random r = new Random(13);
    int first = ZoneAssembler.CHUNK - 700; // a first chunk that grows, and a run across its edge
    int second = ZoneAssembler.CHUNK + 1_500; // the other side's chunk edge too
    int offset = 1_000_000;
    ZoneAssembler joined = new ZoneAssembler();
    ZoneAssembler half = new ZoneAssembler();
    ZoneAssembler oneByOne = new ZoneAssembler();
    for (int i = 0; i < first + second; i++) {
      boolean relative = i >= first && r.nextInt(1000) == 0; // only the half has owners not yet absolute
      RRsetKey k = RRsetKey.of("h" + r.nextInt(200_000) + (relative ? "" : ".example."), r.nextBoolean() ? "A" : "TXT");
      long ttl = 60 + r.nextInt(2);
      String rdata = "192.0.2." + r.nextInt(3);
      String path = r.nextInt(10) == 0 ? null : "z";
      int line = i < first ? i + 1 : i - first + 1;
      (i < first ? joined : half).add(k, ttl, rdata, path, line);
      oneByOne.add(k, ttl, rdata, path, i < first ? line : line + offset);
    }
    joined.addAll(half, offset);
    assertThat(joined.records()).isEqualTo(oneByOne.records());
    for (int i = 0; i < oneByOne.records(); i++) {
      assertThat(joined.key(i)).isEqualTo(oneByOne.key(i));
      assertThat(joined.path(i)).isEqualTo(oneByOne.path(i));
      assertThat(joined.line(i)).as("line of %d", i).isEqualTo(oneByOne.line(i));
    }
    Zone got = joined.build("example.");
    Zone want = oneByOne.build("example.");
    assertThat(got.sets()).isEqualTo(want.sets());
    assertThat(got.notices()).containsExactlyElementsOf(want.notices()).isNotEmpty();
    // Owners not yet absolute came from the half: look-ups then compare labels, as in one pass.
    assertThat(got.exactLookup("h1.example.")).isEqualTo(want.exactLookup("h1.example.")).isFalse();
  }

  @Test
  void prefixesNeverContradictTheOrder() {
    Random r = new Random(9);
    String alphabet = "ab.-*\\\u00ff\u0100z0\u00e9";
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int k = r.nextInt(14); k > 0; k--) {
        sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      names.add(sb.append('.').toString());
    }
    for (String a : names) {
      for (int k = 0; k < 30; k++) {
        String b = names.get(r.nextInt(names.size()));
        long pa = CanonicalSort.prefix(a, null);
        long pb = CanonicalSort.prefix(b, null);
        if (Long.compareUnsigned(pa, pb) != 0) {
          assertThat(Integer.signum(Names.compare(a, b))).as("%s vs %s", a, b).isEqualTo(Long.compareUnsigned(pa, pb));
        }
        String sa = a + "example.";
        String sb = b + "example.";
        if (!Names.isAtOrBelow(sa, "example.") || !Names.isAtOrBelow(sb, "example.")) {
          continue; // an escaped dot at the end: not below the origin, never stripped
        }
        pa = CanonicalSort.prefix(sa, "example.");
        pb = CanonicalSort.prefix(sb, "example.");
        if (Long.compareUnsigned(pa, pb) != 0) {
          assertThat(Integer.signum(Names.compare(sa, sb))).as("%s vs %s", sa, sb).isEqualTo(Long.compareUnsigned(pa, pb));
        }
      }
    }
  }

  @Test
  void aLargeZoneSortsInHalvesAsAnyZoneSorts() {
    // Past CanonicalSort.HALVES the prefixes are computed on two threads: the order, the found
    // names and the first owner outside the origin (in either half, or after a name that has no
    // prefix) are what a sorted map and a one-pass scan give.
    int n = CanonicalSort.HALVES + 5_000;
    Random r = new Random(31);
    for (int round = 0; round < 4; round++) {
      ZoneAssembler a = new ZoneAssembler();
      TreeMap<RRsetKey, Integer> want = new TreeMap<>();
      int outsideAt = round == 1 ? n / 4 : round >= 2 ? n - 10 : -1;
      int added = 0;
      int firstOutside = -1;
      for (int i = 0; i < n; i++) {
        String owner = i == outsideAt ? "h" + i + ".other."
            : round == 3 && i == n / 3 ? "h\0" + i + ".example." // a name without a prefix
            : (r.nextInt(3) == 0 ? "x." : "") + "h" + r.nextInt(n) + ".example.";
        RRsetKey k = RRsetKey.of(owner, r.nextBoolean() ? "A" : "TXT");
        if (want.putIfAbsent(k, i) == null) {
          if (i == outsideAt) {
            firstOutside = added;
          }
          a.add(k, 300, "v" + i, null, 0);
          added++;
        }
      }
      Zone z = a.build("example.", false);
      assertThat(a.firstOutside()).as("round %d", round).isEqualTo(firstOutside);
      List<RRsetKey> got = new ArrayList<>();
      z.sets().forEach(s -> got.add(s.key()));
      assertThat(got).as("round %d", round).isEqualTo(new ArrayList<>(want.keySet())); // equals: linear
      // With an owner outside the origin no prefix leaves the origin out: every owner shares the
      // first eight characters, and a look-up halves that run instead of walking it.
      for (RRsetKey k : want.keySet()) {
        if (r.nextInt(50) == 0) {
          assertThat(z.get(k.name(), k.type()).key()).isEqualTo(k);
          assertThat(z.get("y" + k.name(), k.type())).isNull();
        }
      }
    }
  }

  @Test
  void mixedTtlsKeepTheLowestOrAsNamedTheFirst() {
    RRsetKey www = RRsetKey.of("www.example.", "A");
    for (boolean first : new boolean[] {false, true}) {
      ZoneAssembler a = new ZoneAssembler();
      if (first) {
        a.firstTtl();
      }
      a.add(www, 300, "192.0.2.1", "f", 1);
      a.add(www, 60, "192.0.2.2", "f", 2);
      a.add(www, 600, "192.0.2.3", "f", 3);
      Zone z = a.build("example.");
      assertThat(z.get(www).ttl()).isEqualTo(first ? 300 : 60);
      assertThat(z.notices()).extracting(Notice::message).singleElement().asString()
          .contains("(300 and 60)").contains(first ? "the first is used, as named uses it" : "the lowest is used");
    }
  }
}
