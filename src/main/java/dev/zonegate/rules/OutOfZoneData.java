package dev.zonegate.rules;

import dev.zonegate.model.Location;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

// Risk: A record outside the zone is never served: named ignores it ("ignoring out-of-zone data")
// and loads the rest, so what the author meant to publish is not published, and the diff cannot
// show it, since the record is in no snapshot. It is how a record copied from another zone with
// its absolute name, a wrong $ORIGIN, or an $INCLUDE or $GENERATE with the wrong origin shows.
// Source: RFC 1035 §5.1 (a master file's names are relative to its origin); named's loader.
//
// Trigger: the proposed master file has a record outside the zone that the base file did not
// have. One the file always had (address records of out-of-zone name servers, which named has
// been ignoring for years) is old news and does not block an unrelated change.
final class OutOfZoneData implements Rule {
  static final RuleType TYPE =
      new RuleType(
          "out-of-zone-data",
          Severity.BLOCK,
          "the proposed master file has a record outside the zone that the base did not have: named ignores it, so it is never served (an absolute name of another zone, a wrong $ORIGIN)",
          List.of(),
          OutOfZoneData::new,
          new RuleType.Example("www A 192.0.2.10\n", "www A 192.0.2.10\napi.example.net. A 192.0.2.20\n"));

  private final RuleSpec spec;

  OutOfZoneData(RuleSpec spec) {
    this.spec = spec;
  }

  @Override
  public void check(RuleInput in, Findings out) {
    Zone after = in.after();
    if (after == null || after.marks().outside().isEmpty()) {
      return;
    }
    Zone base = in.base();
    Map<RRsetKey, Location> had = base == null ? Map.of() : base.marks().outside();
    for (Map.Entry<RRsetKey, Location> e : new TreeMap<>(after.marks().outside()).entrySet()) {
      RRsetKey key = e.getKey();
      if (had.containsKey(key)) {
        continue;
      }
      out.add(
          key.name(),
          key.type(),
          key.name() + " " + key.type() + " is outside the zone " + in.zone() + ": named ignores it, so it is never"
              + " served (an absolute name of another zone, or a wrong $ORIGIN?)",
          List.of(),
          List.of(),
          e.getValue() != null ? e.getValue() : in.afterFile());
    }
  }
}
