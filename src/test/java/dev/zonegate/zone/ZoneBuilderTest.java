package dev.zonegate.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zonegate.model.Location;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import org.junit.jupiter.api.Test;

class ZoneBuilderTest {
  @Test
  void aDeferredBuilderGivesTheSameZoneAndTheSameError() throws Exception {
    ZoneBuilder now = new ZoneBuilder("example.");
    ZoneBuilder later = ZoneBuilder.deferred();
    for (ZoneBuilder b : new ZoneBuilder[] {now, later}) {
      b.add(RRsetKey.of("www.example.", "A"), 60, "192.0.2.1", new Location("z", 3));
      b.add(RRsetKey.of("example.", "RRSIG"), 60, "A 8 2 60 20300101000000 20200101000000 1 example. sig", "z", 4);
      b.notice(new Location("z", 5), "note");
    }
    Zone a = now.build();
    Zone b = later.build("example.");
    assertThat(b).isEqualTo(a);
    assertThat(b.notices()).isEqualTo(a.notices());
    assertThat(b.get(new RRsetKey("example.", "RRSIG", "A"))).isNotNull();

    ZoneReadException early = null;
    try {
      now.add(RRsetKey.of("www.example.net.", "A"), 60, "192.0.2.1", "z", 9);
    } catch (ZoneReadException e) {
      early = e;
    }
    later.add(RRsetKey.of("www.example.net.", "A"), 60, "192.0.2.1", "z", 9);
    later.add(RRsetKey.of("other.example.org.", "A"), 60, "192.0.2.1", "z", 10);
    ZoneReadException e = early;
    assertThatThrownBy(() -> later.build("example."))
        .isInstanceOf(ZoneReadException.class)
        .satisfies(x -> {
          assertThat(((ZoneReadException) x).location()).isEqualTo(e.location());
          assertThat(((ZoneReadException) x).problem()).isEqualTo(e.problem());
        });
  }

  @Test
  void aRollbackUndoesAFirstReading() throws Exception {
    ZoneBuilder b = ZoneBuilder.deferred();
    b.add(RRsetKey.of("a.example.", "A"), 60, "192.0.2.1", "z", 1);
    var mark = b.mark();
    b.add(RRsetKey.of("b.example.", "A"), 60, "192.0.2.1", "z", 2);
    b.rollback(mark);
    assertThat(b.build("example.").size()).isEqualTo(1);
  }
}
