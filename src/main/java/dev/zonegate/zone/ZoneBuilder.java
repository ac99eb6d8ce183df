package dev.zonegate.zone;

import dev.zonegate.model.Extras;
import dev.zonegate.model.Location;
import dev.zonegate.model.Names;
import dev.zonegate.model.Notice;
import dev.zonegate.model.RRset;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import dev.zonegate.model.ZoneAssembler;
import dev.zonegate.model.ZoneMarks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Collects records one at a time into RRsets, the way a server loads a zone: duplicates collapse,
 * and differing TTLs within one set are reported and the lowest kept (RFC 2181 §5.2), or the
 * first as named keeps it ({@link #firstTtl}), rather than silently clamped as dnsjava's RRset does. Records outside the origin are an error, not a drop,
 * unless the builder is told to {@link #ignoreOutside} them as named does with a master file.
 *
 * <p>Records are only appended here; they are grouped into sets, in canonical order, once, by
 * {@link #build} ({@link ZoneAssembler}). A reader that learns the zone's name only at the end
 * (a master file's SOA owner) can stream its records into {@link #deferred()} and name the zone in
 * {@link #build(String)}: the outside-the-zone error is then raised there, for the first such
 * record in the order added, with the same words and place as {@link #add} would have.
 */
public final class ZoneBuilder {
  private final String origin;
  private final ZoneAssembler sets = new ZoneAssembler();
  private final long maxRecords = Limits.Limit.MAX_RECORDS.get();

  public ZoneBuilder(String origin) {
    this.origin = origin;
  }

  /** See {@link #ignoreOutside}. */
  private boolean ignoreOutside;

  /**
   * Records outside the zone are left out as named leaves them out of a master file ("ignoring
   * out-of-zone data"), not an error: the zone keeps them in {@link ZoneMarks#outside} and carries
   * one notice, so a rule can tell the ones a change adds from the ones a file always had. For a
   * {@link #deferred()} builder only, where the zone's name is known at the end.
   */
  public void ignoreOutside() {
    ignoreOutside = true;
  }

  /** A set with records of different TTLs takes the first's, as named does: see {@link ZoneAssembler#firstTtl()}. */
  public void firstTtl() {
    sets.firstTtl();
  }

  /** A hint that about {@code more} records will be added next: see {@link ZoneAssembler#expect}. */
  public void expect(int more) {
    sets.expect(more);
  }

  /** A builder whose origin is given to {@link #build(String)}. */
  public static ZoneBuilder deferred() {
    return new ZoneBuilder(null);
  }

  /** The origin, or null for a {@link #deferred()} builder. */
  public String origin() {
    return origin;
  }

  /**
   * Adds one record; name, type and rdata must already be canonical. Signatures are grouped by the
   * type they cover (RFC 4034 §3): an RRSIG over A and one over NS are separate sets with their
   * own TTLs, not one set with mixed TTLs.
   */
  public void add(RRsetKey key, long ttl, String rdata, Location where) throws ZoneReadException {
    add(key, ttl, rdata, where == null ? null : where.path(), where == null ? 0 : where.compactLine());
  }

  /**
   * As {@link #add(RRsetKey, long, String, Location)} with the location as path and line
   * ({@code path} null: none), for readers that would otherwise make a location per record.
   */
  public void add(RRsetKey key, long ttl, String rdata, String path, int line) throws ZoneReadException {
    if (key.type().equals("RRSIG") && key.setId() == null) {
      int space = rdata.indexOf(' ');
      key = new RRsetKey(key.name(), key.type(), space < 0 ? rdata : rdata.substring(0, space));
    }
    if (origin != null && !Names.isAtOrBelow(key.name(), origin)) {
      throw outside(key, path, line, origin);
    }
    if (sets.records() >= maxRecords) {
      throw new ZoneReadException(
          path == null ? null : Location.of(path, line), Limits.Limit.MAX_RECORDS.exceeded("the zone's record count"));
    }
    sets.add(key, ttl, rdata, path, line);
  }

  /**
   * A builder for records read on another thread while this one takes others (a large file's
   * second half): it takes {@link #add} only, and {@link #addAll} adds its records after this one's.
   */
  public ZoneBuilder half() {
    return new ZoneBuilder(origin);
  }

  /**
   * Adds the records of {@code half} (made by {@link #half}) after the ones added here, their
   * lines moved down by {@code lineOffset}: the same as adding each here in its order, the record
   * limit included.
   */
  public void addAll(ZoneBuilder half, int lineOffset) throws ZoneReadException {
    if (half.extras != null || !half.ignored.isEmpty() || !half.lenient.isEmpty() || half.zoneLenient != null
        || !half.targets.isEmpty()) {
      throw new IllegalArgumentException("a half takes records only");
    }
    long room = maxRecords - sets.records();
    if (half.sets.records() > room) {
      int i = (int) Math.max(0, room); // the first record past the limit
      String path = half.sets.path(i);
      throw new ZoneReadException(
          path == null ? null : Location.of(path, half.sets.line(i) + lineOffset),
          Limits.Limit.MAX_RECORDS.exceeded("the zone's record count"));
    }
    sets.addAll(half.sets, lineOffset);
  }

  private static ZoneReadException outside(RRsetKey key, String path, int line, String origin) {
    return new ZoneReadException(
        path == null ? null : Location.of(path, line), "owner " + key.name() + " is outside the zone " + origin);
  }

  public void notice(Location where, String message) {
    sets.notice(new Notice(where, message));
  }

  // Beside the records, rarely used (octoDNS provider keys, routing, markers): kept apart from the
  // assembler's hot path and put on the zone once it is built.
  private Map<RRsetKey, Extras> extras;
  private final Map<RRsetKey, Notice> ignored = new HashMap<>();
  private final Map<RRsetKey, Location> lenient = new HashMap<>();
  private final Map<RRsetKey, ZoneMarks.Targets> targets = new HashMap<>();
  private Location zoneLenient;

  /** What the set {@code key} (added with {@link #add}) carries beyond its records. */
  public void extras(RRsetKey key, Extras e) {
    if (e != null) {
      if (extras == null) {
        extras = new HashMap<>();
      }
      extras.put(key, e);
    }
  }

  /**
   * The set {@code key} (added with {@link #add}, as it stands on the servers) is one the deploying
   * tool leaves alone: the rules see it, the diff does not compare it, the report lists it once.
   */
  public void ignored(RRsetKey key, Location where, String why) {
    ignored.putIfAbsent(key, new Notice(where, why));
  }

  /** The set {@code key} is marked lenient at {@code where}: its validity findings are allowed by it. */
  public void lenient(RRsetKey key, Location where) {
    lenient.putIfAbsent(key, where);
  }

  /** The set {@code key} is deployed to some targets only ({@link ZoneMarks.Targets}). */
  public void targets(RRsetKey key, ZoneMarks.Targets t) {
    targets.putIfAbsent(key, t);
  }

  /** The whole zone is marked lenient at {@code where}. */
  public void zoneLenient(Location where) {
    zoneLenient = where;
  }

  /** The assembled zone with what was kept beside its records. */
  private Zone finish(Zone z) {
    if (extras != null) {
      List<RRset> all = new ArrayList<>(z.size());
      for (RRset s : z.sets()) {
        Extras e = extras.get(s.key());
        all.add(e == null ? s : s.withExtras(e));
      }
      z = new Zone(z.origin(), all, z.notices());
    }
    if (!ignored.isEmpty() || !lenient.isEmpty() || zoneLenient != null || !targets.isEmpty()) {
      z = z.withMarks(new ZoneMarks(ignored, lenient, zoneLenient, null, targets));
    }
    return z;
  }

  /** See {@link ZoneAssembler#vouchAscii}. */
  public void vouchAscii() {
    sets.vouchAscii();
  }

  /** The number of RRsets so far. */
  public int size() {
    return sets.sets();
  }

  /** Where to {@link #rollback} to: the records and notices so far. */
  public ZoneAssembler.Mark mark() {
    return sets.mark();
  }

  /** See {@link ZoneAssembler#busy}. */
  public void busy(boolean b) {
    sets.busy(b);
  }

  /** Forgets what was added after the mark (a first reading of a file that gave up). */
  public void rollback(ZoneAssembler.Mark mark) {
    sets.rollback(mark);
  }

  public Zone build() {
    if (origin == null) {
      throw new IllegalStateException("a deferred builder is built with its origin");
    }
    return finish(sets.build(origin, true)); // add checked every owner
  }

  /** The zone named {@code zoneOrigin}, for a {@link #deferred()} builder (or the same origin). */
  public Zone build(String zoneOrigin) throws ZoneReadException {
    if (origin != null && !origin.equals(zoneOrigin)) {
      throw new IllegalArgumentException("this builder is for " + origin + ", not " + zoneOrigin);
    }
    if (origin != null) {
      return finish(sets.build(origin, true));
    }
    // The sort looks at every owner against the origin anyway; it says which came first outside.
    Zone z = finish(sets.build(zoneOrigin, false));
    int i = sets.firstOutside();
    if (i >= 0 && !ignoreOutside) {
      throw outside(sets.key(i), sets.path(i), sets.line(i), zoneOrigin);
    }
    if (i >= 0) {
      // Rare: the records outside are taken out and the zone built again without them.
      List<ZoneAssembler.Dropped> dropped = sets.dropOutside(zoneOrigin);
      Map<RRsetKey, Location> outside = new LinkedHashMap<>();
      for (ZoneAssembler.Dropped d : dropped) {
        // A master file's records always have their file and line.
        outside.putIfAbsent(d.key(), Location.of(Objects.requireNonNull(d.path(), "path"), d.line()));
      }
      ZoneAssembler.Dropped first = dropped.get(0);
      z = finish(sets.build(zoneOrigin, true));
      z = z.withMarks(z.marks().withOutside(outside)).withNotice(new Notice(
          outside.get(first.key()),
          dropped.size() + (dropped.size() == 1 ? " record is" : " records are") + " outside the zone " + zoneOrigin
              + " (the first: " + first.key().name() + " " + first.key().type() + "); named ignores "
              + (dropped.size() == 1 ? "it" : "them") + ", so " + (dropped.size() == 1 ? "it is" : "they are")
              + " not compared"));
    }
    return z;
  }
}
