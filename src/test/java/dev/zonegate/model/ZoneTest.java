package dev.zonegate.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The array-backed zone against the sorted map it replaced. */
class ZoneTest {
  private static final String[] TYPES = {"A", "AAAA", "NS", "SOA", "MX", "TXT", "CNAME", "RRSIG", "DS"};

  private static List<RRset> randomSets(Random r, int n) {
    List<RRset> out = new ArrayList<>();
    Set<RRsetKey> seen = new HashSet<>();
    String[] labels = {"a", "b", "h1", "h10", "h2", "*", "_tcp", "xn--p", "a-b", "z"};
    while (out.size() < n) {
      StringBuilder name = new StringBuilder();
      for (int k = r.nextInt(3); k > 0; k--) {
        name.append(labels[r.nextInt(labels.length)]).append('.');
      }
      name.append("example.");
      String type = TYPES[r.nextInt(TYPES.length)];
      String setId = type.equals("RRSIG") ? TYPES[r.nextInt(3)] : r.nextInt(10) == 0 ? "w" + r.nextInt(3) : null;
      RRsetKey k = new RRsetKey(name.toString(), type, setId);
      if (seen.add(k)) {
        out.add(new RRset(k, 60 + r.nextInt(3), List.of("x" + r.nextInt(5), "y"), new Location("z", out.size() + 1)));
      }
    }
    return out;
  }

  @Test
  void behavesAsTheSortedMapItReplaced() {
    Random r = new Random(3);
    for (int round = 0; round < 20; round++) {
      List<RRset> sets = randomSets(r, 1 + r.nextInt(300));
      Collections.shuffle(sets, r);
      Zone z = new Zone("example.", sets, List.of());
      TreeMap<RRsetKey, RRset> want = new TreeMap<>();
      sets.forEach(s -> want.put(s.key(), s));
      assertThat(z.sets()).containsExactlyElementsOf(want.values());
      assertThat(z.rrsets()).isEqualTo(want);
      assertThat(new ArrayList<>(z.rrsets().keySet())).containsExactlyElementsOf(want.keySet());
      assertThat(z.size()).isEqualTo(want.size());
      for (RRset s : sets) {
        assertThat(z.get(s.key())).isSameAs(s);
        if (s.key().setId() == null) {
          assertThat(z.get(s.name(), s.type())).isSameAs(s);
        }
        List<RRset> at = new ArrayList<>(
            want.subMap(new RRsetKey(s.name(), "", null), true, new RRsetKey(s.name(), "\uffff", null), true).values());
        assertThat(z.at(s.name())).containsExactlyElementsOf(at);
      }
      for (String n : List.of("nowhere.example.", "example.", "h1.example.", "a.")) {
        RRsetKey k = new RRsetKey(n, "", null);
        Map.Entry<RRsetKey, RRset> c = want.ceilingEntry(k);
        assertThat(z.ceiling(k)).isEqualTo(c == null ? null : c.getValue());
        assertThat(z.get(n, "A")).isEqualTo(want.get(RRsetKey.of(n, "A")));
      }
      Zone again = new Zone("example.", new ArrayList<>(want.values()), List.of());
      assertThat(again).isEqualTo(z);
      assertThat(again.hashCode()).isEqualTo(z.hashCode());
    }
  }

  @Test
  void twoSetsWithOneKeyAreRefused() {
    RRset a = new RRset(RRsetKey.of("a.example.", "A"), 60, List.of("192.0.2.1"), null);
    RRset b = new RRset(RRsetKey.of("a.example.", "A"), 60, List.of("192.0.2.2"), null);
    assertThatThrownBy(() -> new Zone("example.", List.of(a, b), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two RRsets for a.example. A");
  }

  @Test
  void relativeOwnersAreLookedUpByLabels() {
    RRset a = new RRset(RRsetKey.of("a.example", "A"), 60, List.of("192.0.2.1"), null);
    RRset t = new RRset(RRsetKey.of("a.example.", "TXT"), 60, List.of("\"t\""), null);
    Zone z = new Zone("example.", List.of(t, a), List.of());
    assertThat(z.get("a.example.", "A")).isSameAs(a);
    assertThat(z.at("a.example.")).containsExactly(a, t);
    assertThat(z.at("a.example")).containsExactly(a, t);
  }

  @Test
  void rdataIsSortedAndDistinct() {
    RRset s = new RRset(RRsetKey.of("a.example.", "A"), 60, List.of("192.0.2.9", "192.0.2.1", "192.0.2.9", "192.0.2.10"), null);
    assertThat(s.rdata()).containsExactly("192.0.2.1", "192.0.2.10", "192.0.2.9");
    assertThat(new RRset(s.key(), 60, List.of("b", "a"), null).rdata()).containsExactly("a", "b");
    assertThat(new RRset(s.key(), 60, List.of("a", "a"), null).rdata()).containsExactly("a");
    assertThat(new RRset(s.key(), 60, Set.of("b", "a"), null).rdata()).containsExactly("a", "b");
    assertThat(s.withLocation(new Location("f", 3)).location()).isEqualTo(new Location("f", 3));
    assertThat(s.location()).isNull();
  }

  @Test
  void anNsSetBelowTheOriginIsSeenAndTheApexOnesAreNot() {
    RRset apexNs = new RRset(RRsetKey.of("example.", "NS"), 60, List.of("ns1.example."), null);
    RRset host = new RRset(RRsetKey.of("www.example.", "A"), 60, List.of("192.0.2.1"), null);
    RRset childNs = new RRset(RRsetKey.of("child.example.", "NS"), 60, List.of("ns1.child.example."), null);
    assertThat(Zone.empty("example.").hasNsBelowOrigin()).isFalse();
    assertThat(new Zone("example.", List.of(apexNs, host), List.of()).hasNsBelowOrigin()).isFalse();
    Zone cut = new Zone("example.", List.of(apexNs, host, childNs), List.of());
    assertThat(cut.hasNsBelowOrigin()).isTrue();
    assertThat(cut.hasNsBelowOrigin()).isTrue(); // asked again, from the kept answer
  }

  /**
   * A zone made from another with some sets changed is the zone built from its sets: the same
   * order and look-ups, the kept sets at their moved lines; in halves too (a large zone); and no
   * zone where the edit does not fit.
   */
  @Test
  void anEditedZoneIsTheZoneItsSetsMake() {
    for (int n : new int[] {50, 70_000}) {
      List<RRset> sets = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        sets.add(new RRset(RRsetKey.of("h" + i + ".example.", "A"), 60, List.of("192.0.2." + (i % 250)),
            new Location("old.zone", i + 1)));
      }
      Zone base = new Zone("example.", sets, List.of());
      RRset changed = new RRset(RRsetKey.of("h7.example.", "A"), 300, List.of("198.51.100.7"), new Location("new.zone", 8));
      RRset added = new RRset(RRsetKey.of("new.example.", "TXT"), 60, List.of("\"x\""), new Location("new.zone", 3));
      int[] shift = new int[n + 2];
      for (int l = 9; l < shift.length; l++) {
        shift[l] = -1; // h9 removed: the lines after it move up one
      }
      List<RRsetKey> removed = List.of(RRsetKey.of("h7.example.", "A"), RRsetKey.of("h9.example.", "A"));
      Zone edited = Zone.edited(base, removed, List.of(changed, added), "new.zone", shift);
      List<RRset> want = new ArrayList<>();
      for (RRset s : sets) {
        int line = s.location().line();
        if (line == 8) {
          want.add(changed);
        } else if (line != 10) {
          want.add(s.withLocation(new Location("new.zone", line >= 9 ? line - 1 : line)));
        }
      }
      want.add(added);
      Zone whole = new Zone("example.", want, List.of());
      assertThat(edited.sets()).isEqualTo(whole.sets());
      assertThat(edited.sets()).extracting(RRset::location).isEqualTo(whole.sets().stream().map(RRset::location).toList());
      assertThat(edited.recordCount()).isEqualTo(whole.recordCount());
      // Every way of asking for a kept set gives it at its new place.
      assertThat(edited.rrsets().values()).extracting(RRset::location)
          .isEqualTo(whole.rrsets().values().stream().map(RRset::location).toList());
      assertThat(edited.setsOf("A"::equals)).extracting(RRset::location)
          .isEqualTo(whole.setsOf("A"::equals).stream().map(RRset::location).toList());
      for (String name : List.of("h3.example.", "h11.example.", "h" + (n - 1) + ".example.")) {
        assertThat(edited.get(name, "A").location()).isEqualTo(whole.get(name, "A").location());
        assertThat(edited.at(name)).extracting(RRset::location)
            .isEqualTo(whole.at(name).stream().map(RRset::location).toList());
        assertThat(edited.ceiling(RRsetKey.of(name, "A")).location()).isEqualTo(whole.ceiling(RRsetKey.of(name, "A")).location());
        int i = whole.sets().indexOf(whole.get(name, "A"));
        assertThat(edited.setAt(i).location()).isEqualTo(whole.setAt(i).location());
        assertThat(edited.dataAt(i)).isEqualTo(whole.setAt(i));
      }
      assertThat(edited.withNotice(new dev.zonegate.model.Notice(null, "n")).get("h3.example.", "A").location())
          .isEqualTo(whole.get("h3.example.", "A").location());
      assertThat(edited.get("h9.example.", "A")).isNull();
      assertThat(edited.get("new.example.", "TXT")).isEqualTo(added);
      assertThat(edited.editedFrom()).isSameAs(base);
      assertThat(edited.editedKeys()).extracting(RRsetKey::name).containsExactly("h7.example.", "h9.example.", "new.example.");
      // A set added where the base keeps one of its key, a key removed that it lacks, a key twice: no zone.
      assertThat(Zone.edited(base, List.of(), List.of(changed), "new.zone", shift)).isNull();
      assertThat(Zone.edited(base, List.of(RRsetKey.of("nope.example.", "A")), List.of(), "new.zone", shift)).isNull();
      assertThat(Zone.edited(base, List.of(removed.get(0), removed.get(0)), List.of(), "new.zone", shift)).isNull();
    }
  }
}
