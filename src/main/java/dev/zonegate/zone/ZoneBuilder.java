package dev.zonegate.zone;

import dev.zonegate.model.Location;
import dev.zonegate.model.Names;
import dev.zonegate.model.Notice;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import dev.zonegate.model.ZoneAssembler;

/**
 * Collects records one at a time into RRsets, the way a server loads a zone: duplicates collapse,
 * and differing TTLs within one set are reported and the lowest kept (RFC 2181 §5.2) rather than
 * silently clamped as dnsjava's RRset does. Records outside the origin are an error, not a drop.
 *
 * <p>Records are only appended here; they are grouped into sets, in canonical order, once, by
 * {@link #build} ({@link ZoneAssembler}).
 */
public final class ZoneBuilder {
  private final String origin;
  private final ZoneAssembler sets;

  public ZoneBuilder(String origin) {
    this.origin = origin;
    this.sets = new ZoneAssembler(origin);
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
    add(key, ttl, rdata, where == null ? null : where.path(), where == null ? 0 : where.line(), where);
  }

  /**
   * As {@link #add(RRsetKey, long, String, Location)} with the location as path and line
   * ({@code path} null: none), for readers that would otherwise make a location per record.
   */
  public void add(RRsetKey key, long ttl, String rdata, String path, int line) throws ZoneReadException {
    add(key, ttl, rdata, path, line, null);
  }

  private void add(RRsetKey key, long ttl, String rdata, String path, int line, Location where)
      throws ZoneReadException {
    if (key.type().equals("RRSIG") && key.setId() == null) {
      int space = rdata.indexOf(' ');
      key = new RRsetKey(key.name(), key.type(), space < 0 ? rdata : rdata.substring(0, space));
    }
    if (!Names.isAtOrBelow(key.name(), origin)) {
      throw new ZoneReadException(
          where != null || path == null ? where : new Location(path, line),
          "owner " + key.name() + " is outside the zone " + origin);
    }
    sets.add(key, ttl, rdata, path, line);
  }

  public void notice(Location where, String message) {
    sets.notice(new Notice(where, message));
  }

  /** The number of RRsets so far. */
  public int size() {
    return sets.sets();
  }

  public Zone build() {
    return sets.build();
  }
}
