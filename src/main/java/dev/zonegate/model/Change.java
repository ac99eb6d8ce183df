package dev.zonegate.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One RRset that differs between two snapshots. {@code before} is null for an add and
 * {@code after} is null for a delete.
 */
public final class Change implements Comparable<Change> {
  public enum Action {
    ADD,
    DELETE,
    UPDATE;

    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final String zone;
  private final RRset before;
  private final RRset after;
  private final boolean drift;
  /**
   * The set's type, held here too: the rules ask every change of a lint's million for it, and the
   * key it comes from stands elsewhere in memory (a cache miss each time). Free: the object keeps
   * its size.
   */
  private final String type;

  public Change(String zone, RRset before, RRset after) {
    this(zone, before, after, false);
  }

  /**
   * @param drift true when this change would undo a change made on the live servers that the
   *     repository's base does not know (docs/inputs.md): live differs from base at this RRset
   */
  public Change(String zone, RRset before, RRset after, boolean drift) {
    if (before == null && after == null) {
      throw new IllegalArgumentException("a change needs a before or an after");
    }
    if (before != null && after != null && !before.key().equals(after.key())) {
      throw new IllegalArgumentException(before.key() + " vs " + after.key());
    }
    this.zone = Objects.requireNonNull(zone, "zone");
    this.before = before;
    this.after = after;
    this.drift = drift;
    this.type = (before != null ? before : after).type();
  }

  /** True when deploying this change would undo an out-of-band change on the live servers. */
  public boolean drift() {
    return drift;
  }

  public Change withDrift(boolean d) {
    return d == drift ? this : new Change(zone, before, after, d);
  }

  public String zone() {
    return zone;
  }

  /** The same change reported under {@code z}: a zone known by id rather than by name. */
  public Change withZone(String z) {
    return z.equals(zone) ? this : new Change(z, before, after, drift);
  }

  public RRsetKey key() {
    return before != null ? before.key() : after.key();
  }

  public String name() {
    return key().name();
  }

  public String type() {
    return type;
  }

  public Action action() {
    return before == null ? Action.ADD : after == null ? Action.DELETE : Action.UPDATE;
  }

  public RRset before() {
    return before;
  }

  public RRset after() {
    return after;
  }

  public Long ttlBefore() {
    return before == null ? null : before.ttl();
  }

  public Long ttlAfter() {
    return after == null ? null : after.ttl();
  }

  public List<String> beforeRdata() {
    return before == null ? List.of() : before.rdata();
  }

  public List<String> afterRdata() {
    return after == null ? List.of() : after.rdata();
  }

  /** Records in after but not in before, sorted. */
  public List<String> added() {
    List<String> out = new ArrayList<>(afterRdata());
    out.removeAll(beforeRdata());
    return out;
  }

  /** Records in before but not in after, sorted. */
  public List<String> removed() {
    List<String> out = new ArrayList<>(beforeRdata());
    out.removeAll(afterRdata());
    return out;
  }

  /** What the before set carried beyond its records ({@link Extras#lines()}), or none. */
  public List<String> extrasBefore() {
    return before == null ? List.of() : Extras.lines(before.extras());
  }

  /** What the after set carries beyond its records, or none. */
  public List<String> extrasAfter() {
    return after == null ? List.of() : Extras.lines(after.extras());
  }

  /** Extras lines in after but not in before. */
  public List<String> extrasAdded() {
    List<String> out = new ArrayList<>(extrasAfter());
    out.removeAll(extrasBefore());
    return out;
  }

  /** Extras lines in before but not in after. */
  public List<String> extrasRemoved() {
    List<String> out = new ArrayList<>(extrasBefore());
    out.removeAll(extrasAfter());
    return out;
  }

  /** Where the change stands in the proposed files; null for a delete or a source without lines. */
  public Location location() {
    return after == null ? null : after.location();
  }

  @Override
  public int compareTo(Change o) {
    int c = zone.compareTo(o.zone);
    return c != 0 ? c : key().compareTo(o.key());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Change
        && ((Change) o).zone.equals(zone)
        && Objects.equals(((Change) o).before, before)
        && Objects.equals(((Change) o).after, after)
        && ((Change) o).drift == drift;
  }

  @Override
  public int hashCode() {
    return Objects.hash(zone, before, after, drift);
  }

  @Override
  public String toString() {
    return action().word() + " " + key();
  }
}
