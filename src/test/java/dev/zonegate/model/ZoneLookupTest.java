package dev.zonegate.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Look-ups by name go through three paths: a binary search over packed prefixes, the label
 * comparison when prefixes cannot be used, and a hash index built after many searches. Each must
 * answer exactly as a sorted map of the same sets does, on names chosen to hit the edges: owners
 * sharing their first eight key characters (DKIM selectors under one name), owners whose prefix holds
 * their whole key beside longer ones that begin with it, escapes, the apex,
 * names outside the origin, and names absent but sorting between present ones.
 */
class ZoneLookupTest {
  private static final String[] LABELS = {
    "selector1", "selector2", "s", "_domainkey", "mail", "h1", "h10", "h2", "*", "a\\.b", "\\065x", "a-b", "zz",
    // Seven characters: a key of eight, which its prefix holds whole, shared by the longer keys of
    // the names below it.
    "h123456", "abcdefg"
  };

  private static String name(Random r, String origin) {
    StringBuilder name = new StringBuilder();
    for (int k = r.nextInt(4); k > 0; k--) {
      name.append(LABELS[r.nextInt(LABELS.length)]).append('.');
    }
    return name.append(origin).toString();
  }

  private static List<RRset> sets(Random r, int n, String origin, boolean someOutside) {
    List<RRset> out = new ArrayList<>();
    Set<RRsetKey> seen = new HashSet<>();
    String[] types = {"A", "AAAA", "TXT", "NS", "CNAME"};
    while (out.size() < n) {
      String owner = someOutside && r.nextInt(20) == 0 ? name(r, "other.") : name(r, origin);
      RRsetKey k = RRsetKey.of(owner, types[r.nextInt(types.length)]);
      if (seen.add(k)) {
        out.add(new RRset(k, 300, List.of("v" + out.size()), new Location("z", out.size() + 1)));
      }
    }
    return out;
  }

  private static Zone assembled(String origin, List<RRset> sets) {
    ZoneAssembler a = new ZoneAssembler();
    for (RRset s : sets) {
      a.add(s.key(), s.ttl(), s.rdata().get(0), null, 0);
    }
    return a.build(origin);
  }

  /** Every name asked twice over, then absent ones: enough searches to pass into the index. */
  private static void agrees(Zone z, List<RRset> sets, Random r, String origin) {
    TreeMap<RRsetKey, RRset> want = new TreeMap<>();
    sets.forEach(s -> want.put(s.key(), s));
    List<String> asked = new ArrayList<>();
    for (RRset s : sets) {
      asked.add(s.name());
      asked.add(name(r, origin));
      asked.add(name(r, "other."));
    }
    Collections.shuffle(asked, r);
    for (int round = 0; round < 2; round++) {
      for (String n : asked) {
        List<RRset> at = new ArrayList<>(
            want.subMap(new RRsetKey(n, "", null), true, new RRsetKey(n, "\uffff", null), true).values());
        assertThat(z.at(n)).as("at(%s)", n).containsExactlyElementsOf(at);
        for (String type : List.of(RRsetKey.LOWEST_TYPE, "A", "TXT", RRsetKey.HIGHEST_TYPE)) {
          RRsetKey k = new RRsetKey(n, type, null);
          Map.Entry<RRsetKey, RRset> c = want.ceilingEntry(k);
          assertThat(z.ceiling(k)).as("ceiling(%s)", k).isEqualTo(c == null ? null : c.getValue());
        }
        for (String type : List.of("A", "TXT", "CNAME")) {
          RRset got = z.get(n, type);
          RRset expected = want.get(RRsetKey.of(n, type));
          assertThat(got == null ? null : got.key()).as("get(%s, %s)", n, type)
              .isEqualTo(expected == null ? null : expected.key());
        }
      }
    }
  }

  @Test
  void namesAreFoundAsTheSortedMapFindsThemOnEveryPath() {
    Random r = new Random(11);
    for (int round = 0; round < 30; round++) {
      String origin = round % 3 == 0 ? "example." : round % 3 == 1 ? "a.very.long.example.com." : ".";
      boolean outside = round % 2 == 1 && !origin.equals(".");
      List<RRset> sets = sets(r, 1 + r.nextInt(400), origin, outside);
      Collections.shuffle(sets, r);
      agrees(assembled(origin, sets), sets, r, origin);
      agrees(new Zone(origin, sets, List.of()), sets, r, origin);
    }
  }

  @Test
  void ownersSharingTheirFirstEightCharactersAreTold() {
    // Thousands of owners with one long common key prefix: the search walks only past the sets
    // that share it, and finds each one.
    List<RRset> sets = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      sets.add(new RRset(RRsetKey.of("sel" + i + "._domainkey.mail.example.", "TXT"), 300, List.of("\"v\""), null));
    }
    Zone z = assembled("example.", sets);
    for (int i = 0; i < 3000; i += 7) {
      assertThat(z.get("sel" + i + "._domainkey.mail.example.", "TXT")).isNotNull();
      assertThat(z.get("sel" + i + "x._domainkey.mail.example.", "TXT")).isNull();
    }
    assertThat(z.at("_domainkey.mail.example.")).isEmpty();
  }

  @Test
  void aWalkFindsWhatSpanFinds() {
    // In canonical order (lint's case: each name is the next set), with absent names, repeats and
    // names out of order among them (a diff's sparse changes, a rule asking twice).
    Random r = new Random(5);
    for (int round = 0; round < 30; round++) {
      String origin = round % 2 == 0 ? "example." : ".";
      List<RRset> sets = sets(r, 1 + r.nextInt(300), origin, round % 4 == 1);
      for (Zone z : List.of(assembled(origin, sets), new Zone(origin, sets, List.of()))) {
        List<String> asked = new ArrayList<>();
        for (RRset s : z.sets()) {
          asked.add(s.name());
          if (r.nextInt(4) == 0) {
            asked.add(r.nextBoolean() ? name(r, origin) : s.name());
          }
        }
        if (round % 3 == 0) {
          Collections.shuffle(asked, r);
        }
        Zone.Walk walk = z.walk();
        for (String n : asked) {
          assertThat(walk.span(n)).as("walk.span(%s)", n).isEqualTo(z.span(n));
        }
      }
    }
  }

  @Test
  void spansOfManyNamesAreWhereAtFindsEachName() {
    // Present, absent (sorting between present ones), repeated, outside the origin and relative
    // names, in any order: each span holds exactly the sets at(name) gives, in the asked order, and
    // an absent name's stands where the name would.
    Random r = new Random(21);
    for (int round = 0; round < 30; round++) {
      String origin = round % 3 == 0 ? "example." : round % 3 == 1 ? "a.very.long.example.com." : ".";
      List<RRset> sets = sets(r, 1 + r.nextInt(400), origin, round % 2 == 1 && !origin.equals("."));
      for (Zone z : List.of(assembled(origin, sets), new Zone(origin, sets, List.of()))) {
        List<String> asked = new ArrayList<>();
        for (RRset s : z.sets()) {
          asked.add(s.name());
          switch (r.nextInt(6)) {
            case 0 -> asked.add(name(r, origin));
            case 1 -> asked.add(name(r, "other."));
            case 2 -> asked.add("h1");
            case 3 -> asked.add(s.name());
            default -> { }
          }
        }
        Collections.shuffle(asked, r);
        long[] spans = z.spans(asked);
        assertThat(spans).hasSize(asked.size());
        for (int i = 0; i < asked.size(); i++) {
          String n = asked.get(i);
          if (z.at(n).isEmpty()) {
            // Absent: an empty span where the name would stand, before the first set not below it.
            int at = 0;
            while (at < z.size() && z.setAt(at).key().compareTo(new RRsetKey(n, RRsetKey.LOWEST_TYPE, null)) < 0) {
              at++;
            }
            assertThat(spans[i]).as("spans[%s]", n).isEqualTo((long) at << 32 | at);
          } else {
            assertThat(spans[i]).as("spans[%s]", n).isEqualTo(z.span(n));
          }
          List<RRset> inSpan = new ArrayList<>();
          for (int k = (int) (spans[i] >>> 32); k < (int) spans[i]; k++) {
            inSpan.add(z.setAt(k));
            assertThat(z.typeAt(k)).isEqualTo(z.setAt(k).type());
          }
          assertThat(inSpan).as("span of %s", n).containsExactlyElementsOf(z.at(n));
        }
        assertThat(z.hasEmptySets()).isFalse();
      }
    }
  }

  @Test
  void aZoneTellsWhetherItHoldsAnEmptySet() {
    // A provider listing can hold a set with no records (the 2025 outage's emptied endpoint).
    RRset empty = new RRset(RRsetKey.of("db.example.", "A"), 300, List.of(), null);
    RRset full = new RRset(RRsetKey.of("www.example.", "A"), 300, List.of("192.0.2.1"), null);
    assertThat(new Zone("example.", List.of(empty, full), List.of()).hasEmptySets()).isTrue();
    assertThat(new Zone("example.", List.of(full), List.of()).hasEmptySets()).isFalse();
  }

  @Test
  void setsOfATypeAreTheSetsOfThatTypeInOrder() {
    Random r = new Random(8);
    List<RRset> sets = sets(r, 500, "example.", false);
    for (Zone z : List.of(assembled("example.", sets), new Zone("example.", sets, List.of()))) {
      for (Set<String> types : List.of(Set.of("NS"), Set.of("A", "CNAME"), Set.of("MX"))) {
        assertThat(z.setsOf(types::contains))
            .containsExactlyElementsOf(z.sets().stream().filter(s -> types.contains(s.type())).toList());
      }
    }
  }

  @Test
  void aZoneOfManyTypesHasNoColumnAndStillFindsThem() {
    // More distinct types than the column's byte holds: every set is looked at instead.
    List<RRset> sets = new ArrayList<>();
    for (int t = 0; t < 200; t++) {
      sets.add(new RRset(RRsetKey.of("h" + t + ".example.", "TYPE" + (1000 + t)), 300, List.of("\\# 0"), null));
    }
    sets.add(new RRset(RRsetKey.of("sub.example.", "NS"), 300, List.of("ns.sub.example."), null));
    for (Zone z : List.of(assembled("example.", sets), new Zone("example.", sets, List.of()))) {
      assertThat(z.setsOf("TYPE1150"::equals)).extracting(RRset::name).containsExactly("h150.example.");
      for (int i = 0; i < z.sets().size(); i++) {
        assertThat(z.typeAt(i)).isEqualTo(z.setAt(i).type());
      }
      assertThat(z.setsOf(t -> t.startsWith("TYPE"))).hasSize(200);
      assertThat(z.hasNsBelowOrigin()).isTrue();
    }
  }
}
