package dev.zonegate.rules;

import dev.zonegate.model.Change;
import dev.zonegate.model.Location;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import dev.zonegate.zone.ZoneFormat;
import dev.zonegate.zone.ZoneReadException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;

/**
 * What rules judge for one zone: the snapshot now live ({@code before}), the proposed one
 * ({@code after}), the changes between them in canonical order, the zone's critical name globs,
 * and, when the proposed file did not parse, the error (then {@code after} is null and only
 * {@code zone-parse-error} runs).
 */
public final class RuleInput {
  private final String zone;
  private final Zone before;
  private final Zone after;
  private final List<Change> changes;
  private final List<String> critical;
  private final ZoneFormat afterFormat;
  private final Location afterFile;
  private final ZoneReadException parseError;
  private Zone base;
  private List<Disagreement> disagreements = List.of();
  /** Shared by this input and every scoped view of it. */
  private Shared shared;

  /** What the inputs of one zone share: the reference indexes, built on first use. */
  private static final class Shared {
    private final List<Change> changes;
    /** How many names the changes touch: they come in canonical order, a name's changes adjacent. */
    private final int changedNameCount;
    private Set<String> changedNames;
    References beforeRefs;
    References afterRefs;

    Shared(List<Change> changes) {
      this.changes = changes;
      OncePerName names = new OncePerName();
      int n = 0;
      for (Change c : changes) {
        if (names.first(c.name())) {
          n++;
        }
      }
      this.changedNameCount = n;
    }

    /**
     * The names to index references to in {@code z}: the changed ones, or all (null) when they
     * are most of the zone (lint, a regenerated zone), where filtering costs more than it saves.
     */
    Set<String> wanted(Zone z) {
      if (z != null && changedNameCount * 2L > z.size()) {
        return null; // and the set of a million changed names is never made
      }
      if (changedNames == null) {
        Set<String> names = new HashSet<>(capacity(changedNameCount));
        for (Change c : changes) {
          names.add(c.name());
        }
        changedNames = names;
      }
      return changedNames;
    }
  }

  public RuleInput(
      String zone,
      Zone before,
      Zone after,
      List<Change> changes,
      List<String> critical,
      ZoneFormat afterFormat,
      Location afterFile,
      ZoneReadException parseError) {
    this.zone = zone;
    this.before = before;
    this.after = after;
    this.changes = List.copyOf(changes);
    assert canonical(this.changes) : "changes out of canonical order";
    this.critical = critical == null ? List.of() : List.copyOf(critical);
    this.afterFormat = afterFormat;
    this.afterFile = afterFile;
    this.parseError = parseError;
  }

  /** A hash table size that holds {@code n} entries without growing (lint has a million). */
  static int capacity(int n) {
    return (int) Math.min(1 << 30, n * 4L / 3 + 1);
  }

  private synchronized Shared shared() {
    if (shared == null) {
      shared = new Shared(changes);
    }
    return shared;
  }

  public String zone() {
    return zone;
  }

  /** What is live (or base): the state a deploy starts from. */
  public Zone before() {
    return before;
  }

  /** What is proposed; null when its file did not parse. */
  public Zone after() {
    return after;
  }

  public List<Change> changes() {
    return changes;
  }

  /** Globs of names whose addresses must never vanish (config {@code critical:}). */
  public List<String> critical() {
    return critical;
  }

  /** The proposed file's format; SOA serial discipline only applies to master files. */
  public ZoneFormat afterFormat() {
    return afterFormat;
  }

  /** The proposed zone's file, for findings about the zone as a whole. */
  public Location afterFile() {
    return afterFile;
  }

  public ZoneReadException parseError() {
    return parseError;
  }

  /**
   * A live server answer that differs between the zone's servers (query mode), and the server the
   * zone was built from (the first configured).
   */
  public record Disagreement(String name, String type, SortedMap<String, List<String>> answers, String judgedAgainst) {}

  /**
   * With a live source: the repository's base, which the change was written against (live is
   * {@link #before()}). Without one, base and live are the same snapshot.
   */
  public RuleInput withBase(Zone baseZone, List<Disagreement> liveDisagreements) {
    this.base = baseZone;
    this.disagreements = List.copyOf(liveDisagreements);
    return this;
  }

  /** The base snapshot; the live one when no live source was read. */
  public Zone base() {
    return base == null ? before : base;
  }

  /** Where the live servers of this zone gave different answers (query mode). */
  public List<Disagreement> disagreements() {
    return disagreements;
  }

  /**
   * The change to one RRset, or null when it did not change. The changes are in canonical order,
   * so it is found by binary search: a rule asks about a few sets (the apex MX) or about those it
   * reports, and a map of lint's million changes would cost more than all its searches.
   */
  public Change change(RRsetKey key) {
    int lo = 0;
    int hi = changes.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (changes.get(mid).key().compareTo(key) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    // Keys that order alike (a relative and an absolute spelling) are told apart by equality.
    for (int i = lo; i < changes.size() && changes.get(i).key().compareTo(key) == 0; i++) {
      if (changes.get(i).key().equals(key)) {
        return changes.get(i);
      }
    }
    return null;
  }

  /** True when the changes are in canonical order by key, as {@link #change} needs. */
  private static boolean canonical(List<Change> changes) {
    for (int i = 1; i < changes.size(); i++) {
      if (changes.get(i - 1).key().compareTo(changes.get(i).key()) > 0) {
        return false;
      }
    }
    return true;
  }

  public Change change(String name, String type) {
    return change(RRsetKey.of(name, type));
  }

  /**
   * In-zone references (CNAME, MX, NS, SRV, … targets) in the live snapshot. Indexed for the
   * changed names first (what rules ask about); any other name is answered too.
   */
  public References beforeReferences() {
    Shared sh = shared();
    synchronized (sh) {
      if (sh.beforeRefs == null) {
        sh.beforeRefs = new References(before, sh.wanted(before));
      }
      return sh.beforeRefs;
    }
  }

  /** In-zone references in the proposed snapshot; see {@link #beforeReferences}. */
  public References afterReferences() {
    Shared sh = shared();
    synchronized (sh) {
      if (sh.afterRefs == null) {
        sh.afterRefs = new References(after, sh.wanted(after));
      }
      return sh.afterRefs;
    }
  }

  /** This input with only the changes a scope covers; the snapshots stay whole. */
  RuleInput scoped(Scope scope) {
    if (scope.names().isEmpty() && scope.types().isEmpty()) {
      return this;
    }
    List<Change> kept = new ArrayList<>();
    for (Change c : changes) {
      if (scope.covers(zone, c.name(), c.type())) {
        kept.add(c);
      }
    }
    RuleInput in = new RuleInput(zone, before, after, kept, critical, afterFormat, afterFile, parseError);
    in.base = base;
    in.disagreements = disagreements;
    in.shared = shared();
    return in;
  }
}
