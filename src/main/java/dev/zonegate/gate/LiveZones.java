package dev.zonegate.gate;

import dev.zonegate.config.ZoneConfig;
import dev.zonegate.live.Disagreement;
import dev.zonegate.live.LiveException;
import dev.zonegate.live.LiveRead;
import dev.zonegate.live.LiveSources;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import dev.zonegate.rules.RuleInput;
import dev.zonegate.zone.SourceTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads one configured zone's live state, asking (in query mode) for the RRsets that matter. */
final class LiveZones {
  private LiveZones() {}

  /** The keys a query-mode source must ask for: every RRset either snapshot has (SPEC §3.3). */
  static Set<RRsetKey> keys(Zone... zones) {
    Set<RRsetKey> keys = new TreeSet<>();
    for (Zone z : zones) {
      if (z != null) {
        keys.addAll(z.rrsets().keySet());
      }
    }
    return keys;
  }

  static LiveRead read(ZoneConfig zone, Map<String, String> env, SourceTree repo, Set<RRsetKey> keys)
      throws LiveException {
    return LiveSources.of(zone.name(), zone.live(), env, repo).read(zone.name(), keys);
  }

  static List<RuleInput.Disagreement> disagreements(LiveRead r) {
    List<RuleInput.Disagreement> out = new ArrayList<>();
    for (Disagreement d : r.disagreements()) {
      out.add(new RuleInput.Disagreement(d.name(), d.type(), d.answers()));
    }
    return out;
  }
}
