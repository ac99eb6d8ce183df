package dev.zonegate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zonegate.model.RRset;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The RRsets a query-mode source asks for: the union of base and head, in canonical order. */
class LiveZonesTest {
  private static Zone zone(Random r, int n) {
    List<RRset> sets = new ArrayList<>();
    java.util.Set<RRsetKey> seen = new java.util.HashSet<>();
    String[] types = {"A", "AAAA", "MX", "TXT", "NS"};
    while (sets.size() < n) {
      RRsetKey k = RRsetKey.of("h" + r.nextInt(n * 2) + (r.nextBoolean() ? ".sub" : "") + ".example.", types[r.nextInt(types.length)]);
      if (seen.add(k)) {
        sets.add(new RRset(k, 300, List.of("x"), null));
      }
    }
    return new Zone("example.", sets, List.of());
  }

  @Test
  void theKeysAreTheSortedUnionOfBothZonesAndWhatWasAdded() {
    Random r = new Random(2);
    for (int round = 0; round < 20; round++) {
      Zone a = zone(r, 1 + r.nextInt(300));
      Zone b = zone(r, 1 + r.nextInt(300));
      LiveZones.Keys keys = LiveZones.keys(a, null, b);
      RRsetKey gone = RRsetKey.of("gone" + round + ".example.", "A");
      keys.add(gone);
      TreeSet<RRsetKey> want = new TreeSet<>(a.rrsets().keySet());
      want.addAll(b.rrsets().keySet());
      want.add(gone);
      assertThat(keys).containsExactlyElementsOf(want);
      assertThat(keys).hasSize(want.size());
    }
  }

  @Test
  void keysCannotBeAddedOnceASourceHasReadThem() {
    LiveZones.Keys keys = LiveZones.keys(zone(new Random(1), 5));
    assertThat(keys.iterator().hasNext()).isTrue();
    assertThatThrownBy(() -> keys.add(RRsetKey.of("late.example.", "A"))).isInstanceOf(IllegalStateException.class);
  }
}
