package dev.zonegate.model;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a zone's own files say about how to judge it, beside its records: records the deploying
 * tool is told to leave alone (octoDNS {@code octodns: {ignored: true}}: not compared, listed once
 * in the report), and records, or the whole zone, whose validity problems the repository has
 * acknowledged (octoDNS {@code lenient}): findings about their validity are shown as allowed by
 * that marker, with its file and line, never silently dropped.
 *
 * @param ignored each ignored RRset, with a notice saying where it is and why it is left alone
 * @param lenient each RRset marked lenient, and where the marker is
 * @param zoneLenient where the whole zone is marked lenient, or null
 * @param partial null for a whole zone; for a zone of which only part is known (a Terraform plan
 *     holds only the records Terraform manages), what that part is, for rules and reports to say
 * @param targets the RRsets deployed to some targets only (octoDNS {@code octodns: {included: [..]}}
 *     or {@code excluded: [..]}), each with where it says so
 * @param outside records of a master file outside its zone, which named ignores (and so the zone
 *     leaves out), each with where it was first read
 */
public record ZoneMarks(
    Map<RRsetKey, Notice> ignored,
    Map<RRsetKey, Location> lenient,
    Location zoneLenient,
    String partial,
    Map<RRsetKey, Targets> targets,
    Map<RRsetKey, Location> outside) {
  public static final ZoneMarks NONE = new ZoneMarks(Map.of(), Map.of(), null, null);

  public ZoneMarks(
      Map<RRsetKey, Notice> ignored,
      Map<RRsetKey, Location> lenient,
      Location zoneLenient,
      String partial,
      Map<RRsetKey, Targets> targets) {
    this(ignored, lenient, zoneLenient, partial, targets, Map.of());
  }

  public ZoneMarks(Map<RRsetKey, Notice> ignored, Map<RRsetKey, Location> lenient, Location zoneLenient) {
    this(ignored, lenient, zoneLenient, null);
  }

  public ZoneMarks(Map<RRsetKey, Notice> ignored, Map<RRsetKey, Location> lenient, Location zoneLenient, String partial) {
    this(ignored, lenient, zoneLenient, partial, Map.of());
  }

  /**
   * The targets (octoDNS provider ids) a record is deployed to, as octoDNS's planning decides it
   * ({@code Zone.changes}): not to a target its {@code excluded} holds, and, when its
   * {@code included} holds anything, only to those. Each is kept as octoDNS's Python tests it:
   * a list by its items, a map by its keys, a string by its substrings ({@code 'r53' in 'route53'}).
   */
  public record Targets(Membership included, Membership excluded, Location where, String label) {
    /** Whether octoDNS deploys the record to {@code target}. */
    public boolean deployedTo(String target) {
      if (included != null && !included.isEmpty() && !included.contains(target)) {
        return false;
      }
      return excluded == null || !excluded.contains(target);
    }
  }

  /** A Python value tested with {@code in}: the items of a list, the keys of a map, a string's substrings. */
  public record Membership(List<String> items, String text) {
    public boolean contains(String target) {
      return text != null ? text.contains(target) : items.contains(target);
    }

    /** Python's {@code len(x) == 0}. */
    public boolean isEmpty() {
      return text != null ? text.isEmpty() : items.isEmpty();
    }
  }

  /** A partial zone's marks: only {@code what} of the zone is known. */
  public static ZoneMarks partial(String what) {
    return new ZoneMarks(Map.of(), Map.of(), null, what);
  }

  /**
   * These marks for a comparison with target {@code target}'s live state: every set octoDNS does
   * not deploy there is left alone as an ignored one is (not compared, said once).
   */
  public ZoneMarks at(String target) {
    if (targets.isEmpty() || target == null) {
      return this;
    }
    Map<RRsetKey, Notice> more = new HashMap<>(ignored);
    for (Map.Entry<RRsetKey, Targets> e : targets.entrySet()) {
      Targets t = e.getValue();
      if (!t.deployedTo(target)) {
        more.putIfAbsent(e.getKey(), new Notice(t.where(), t.label() + ": "
            + (t.excluded() != null && t.excluded().contains(target) ? "octodns.excluded" : "octodns.included")
            + ": octoDNS does not deploy it to " + target + ", the live source, so it is not compared"));
      }
    }
    return new ZoneMarks(more, lenient, zoneLenient, partial, targets, outside);
  }

  /** True when only part of the zone is known: a name missing from it may exist all the same. */
  public boolean isPartial() {
    return partial != null;
  }

  public ZoneMarks {
    ignored = Collections.unmodifiableMap(new TreeMap<>(ignored));
    lenient = Map.copyOf(lenient);
    targets = Map.copyOf(targets);
    outside = Map.copyOf(outside);
  }

  /** These marks with {@code records} outside the zone (see {@link #outside}). */
  public ZoneMarks withOutside(Map<RRsetKey, Location> records) {
    return new ZoneMarks(ignored, lenient, zoneLenient, partial, targets, records);
  }

  /** True when the deploying tool leaves the set {@code key} alone: it is not compared. */
  public boolean isIgnored(RRsetKey key) {
    return ignored.containsKey(key);
  }

  /**
   * Where the lenient marker covering a finding at {@code name} (and {@code type}, when it has one)
   * is, or null when none does: the record's own marker, else one on another record at the name
   * (a CNAME conflict is about all the records there), else the zone's.
   */
  public Location lenient(String name, String type) {
    Location any = null;
    for (Map.Entry<RRsetKey, Location> e : lenient.entrySet()) {
      if (e.getKey().name().equals(name)) {
        if (e.getKey().type().equals(type)) {
          return e.getValue();
        }
        if (any == null || e.getValue().line() < any.line()) {
          any = e.getValue();
        }
      }
    }
    return any != null ? any : zoneLenient;
  }

  public boolean isEmpty() {
    return ignored.isEmpty() && lenient.isEmpty() && zoneLenient == null && partial == null && targets.isEmpty()
        && outside.isEmpty();
  }
}
