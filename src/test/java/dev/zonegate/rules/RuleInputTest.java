package dev.zonegate.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zonegate.diff.ZoneDiff;
import dev.zonegate.model.Change;
import dev.zonegate.model.Location;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import dev.zonegate.zone.ZoneFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RuleInputTest {
  private static RuleInput input(Zone before, Zone after, List<Change> changes) {
    return new RuleInput("example.com.", before, after, changes, List.of(), ZoneFormat.MASTER, new Location("z", 0), null);
  }

  @Test
  void aChangeIsFoundByItsKeyAndAnUnchangedSetIsNot() {
    Random r = new Random(9);
    String[] types = {"A", "AAAA", "MX", "TXT", "CNAME"};
    for (int round = 0; round < 20; round++) {
      StringBuilder a = new StringBuilder();
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < 200; i++) {
        String line = "h" + r.nextInt(60) + (r.nextBoolean() ? ".sub" : "") + " " + types[r.nextInt(types.length)];
        String rdata = line.endsWith(" A") ? "192.0.2." + r.nextInt(9) : line.endsWith("AAAA") ? "2001:db8::" + r.nextInt(9)
            : line.endsWith("MX") ? "10 mx" + r.nextInt(3) : line.endsWith("TXT") ? "\"t" + r.nextInt(3) + "\"" : "c" + r.nextInt(3);
        if (!line.endsWith("CNAME")) {
          (r.nextInt(3) == 0 ? a : b).append(line).append(' ').append(rdata).append('\n');
          if (r.nextBoolean()) {
            a.append(line).append(' ').append(rdata).append('\n');
          }
        }
      }
      Zone before = RuleFixture.zone(a.toString());
      Zone after = RuleFixture.zone(b.toString());
      List<Change> changes = ZoneDiff.diff(before, after);
      RuleInput in = input(before, after, changes);
      Map<RRsetKey, Change> want = new HashMap<>();
      changes.forEach(c -> want.put(c.key(), c));
      List<RRsetKey> asked = new ArrayList<>(want.keySet());
      before.sets().forEach(s -> asked.add(s.key()));
      after.sets().forEach(s -> asked.add(s.key()));
      asked.add(RRsetKey.of("absent.example.com.", "A"));
      asked.add(RRsetKey.of("example.com.", "MX"));
      for (RRsetKey k : asked) {
        assertThat(in.change(k)).as("%s", k).isSameAs(want.get(k));
      }
    }
  }

  @Test
  void changesOutOfCanonicalOrderAreRefused() {
    // change(key) searches them by halves: an input out of order is a bug in its caller.
    Zone after = RuleFixture.zone("a A 192.0.2.1\nb A 192.0.2.2\n");
    List<Change> changes = new ArrayList<>(ZoneDiff.diff(Zone.empty("example.com."), after));
    Collections.reverse(changes);
    assertThatThrownBy(() -> input(Zone.empty("example.com."), after, changes)).isInstanceOf(AssertionError.class);
  }
}
