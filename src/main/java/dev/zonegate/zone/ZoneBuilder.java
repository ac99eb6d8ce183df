package dev.zonegate.zone;

import dev.zonegate.model.Location;
import dev.zonegate.model.Names;
import dev.zonegate.model.Notice;
import dev.zonegate.model.RRset;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects records one at a time into RRsets, the way a server loads a zone: duplicates collapse,
 * and differing TTLs within one set are reported and the lowest kept (RFC 2181 §5.2) rather than
 * silently clamped as dnsjava's RRset does. Records outside the origin are an error, not a drop.
 */
public final class ZoneBuilder {
  private final String origin;
  private final Map<RRsetKey, Pending> sets = new HashMap<>();
  private final List<Notice> notices = new ArrayList<>();

  private static final class Pending {
    long ttl;
    boolean mixedReported;
    final Set<String> rdata = new LinkedHashSet<>(2);
    final Location location;

    Pending(long ttl, Location location) {
      this.ttl = ttl;
      this.location = location;
    }
  }

  public ZoneBuilder(String origin) {
    this.origin = origin;
  }

  public String origin() {
    return origin;
  }

  /**
   * Adds one record; name, type and rdata must already be canonical. Signatures are grouped by the
   * type they cover (RFC 4034 §3): an RRSIG over A and one over NS are separate sets with their
   * own TTLs, not one set with mixed TTLs.
   */
  public void add(RRsetKey key, long ttl, String rdata, Location where) throws ZoneReadException {
    if (key.type().equals("RRSIG") && key.setId() == null) {
      int space = rdata.indexOf(' ');
      key = new RRsetKey(key.name(), key.type(), space < 0 ? rdata : rdata.substring(0, space));
    }
    if (!Names.isAtOrBelow(key.name(), origin)) {
      throw new ZoneReadException(
          where, "owner " + key.name() + " is outside the zone " + origin);
    }
    Pending p = sets.get(key);
    if (p == null) {
      p = new Pending(ttl, where);
      sets.put(key, p);
    } else if (p.ttl != ttl) {
      if (!p.mixedReported) {
        notices.add(
            new Notice(
                where == null ? p.location : where,
                "RRset "
                    + key
                    + " has records with different TTLs ("
                    + p.ttl
                    + " and "
                    + ttl
                    + "); the lowest is used (RFC 2181 §5.2)"));
        p.mixedReported = true;
      }
      p.ttl = Math.min(p.ttl, ttl);
    }
    p.rdata.add(rdata);
  }

  public void notice(Location where, String message) {
    notices.add(new Notice(where, message));
  }

  public int size() {
    return sets.size();
  }

  public Zone build() {
    List<RRset> out = new ArrayList<>(sets.size());
    for (Map.Entry<RRsetKey, Pending> e : sets.entrySet()) {
      Pending p = e.getValue();
      out.add(new RRset(e.getKey(), p.ttl, p.rdata, p.location));
    }
    return new Zone(origin, out, notices);
  }
}
