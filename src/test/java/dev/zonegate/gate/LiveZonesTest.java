package dev.zonegate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zonegate.config.ZoneConfig;
import dev.zonegate.live.LiveRead;
import dev.zonegate.live.ProviderScope;
import dev.zonegate.model.RRset;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import dev.zonegate.zone.ZoneFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The RRsets a query-mode source asks for: the union of base and head, in canonical order. */
class LiveZonesTest {
  private static Zone zone(Random r, int n) {
    List<RRset> sets = new ArrayList<>();
    Set<RRsetKey> seen = new HashSet<>();
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

  private static final ProviderScope A_ONLY = new ProviderScope(Set.of("A"), false, "", false);

  private static Zone served() {
    return new Zone("example.", List.of(
        new RRset(RRsetKey.of("example.", "NS"), 300, List.of("ns1.example."), null),
        new RRset(RRsetKey.of("www.example.", "A"), 300, List.of("192.0.2.1"), null),
        new RRset(RRsetKey.of("www.example.", "TXT"), 300, List.of("\"x\""), null)), List.of());
  }

  private static ZoneConfig config(ZoneFormat format) {
    return new ZoneConfig("example.", "zones/example.yaml", format, List.of(), null, null, null);
  }

  @Test
  void anOctoDnsZoneIsComparedAsItsProviderSeesIt() throws Exception {
    // the provider manages only A here and not the apex NS: the rest is neither proposed nor served
    LiveRead now = LiveRead.of(served(), A_ONLY);
    ZoneConfig octo = config(ZoneFormat.OCTODNS);
    Zone head = LiveZones.file(octo, now, served());
    assertThat(head.rrsets().keySet()).doesNotContain(RRsetKey.of("example.", "NS")).contains(RRsetKey.of("www.example.", "A"));
    assertThat(LiveZones.live(octo, now, head).rrsets().keySet()).containsExactly(RRsetKey.of("www.example.", "A"));
  }

  @Test
  void aZoneFileOrWithoutScopeOrWithoutHeadIsComparedWhole() throws Exception {
    Zone z = served();
    LiveRead scoped = LiveRead.of(z, A_ONLY);
    LiveRead unscoped = LiveRead.of(z);
    ZoneConfig master = config(ZoneFormat.MASTER);
    ZoneConfig octo = config(ZoneFormat.OCTODNS);
    assertThat(LiveZones.file(master, scoped, z)).isSameAs(z);
    assertThat(LiveZones.live(master, scoped, z)).isSameAs(z);
    assertThat(LiveZones.file(octo, unscoped, z)).isSameAs(z);
    assertThat(LiveZones.live(octo, unscoped, z)).isSameAs(z);
    assertThat(LiveZones.file(octo, scoped, null)).isNull();
    // a zone being removed: there is no head to plan, the whole served zone goes
    assertThat(LiveZones.live(octo, scoped, null)).isSameAs(z);
  }
}
