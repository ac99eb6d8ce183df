package dev.zonegate.gate;

import dev.zonegate.config.ZoneConfig;
import dev.zonegate.live.Disagreement;
import dev.zonegate.live.LiveException;
import dev.zonegate.live.LiveRead;
import dev.zonegate.live.LiveSource;
import dev.zonegate.live.LiveSources;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import dev.zonegate.model.ZoneMarks;
import dev.zonegate.rules.RuleInput;
import dev.zonegate.zone.SourceTree;
import dev.zonegate.zone.ZoneFormat;
import dev.zonegate.zone.ZoneReadException;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads one configured zone's live state, asking (in query mode) for the RRsets that matter. */
final class LiveZones {
  private LiveZones() {}

  /** The keys a query-mode source must ask for: every RRset either snapshot has (docs/inputs.md). */
  static Keys keys(Zone... zones) {
    return new Keys(zones);
  }

  /**
   * The sorted union of the zones' keys and any added, made when a source first looks: a zone
   * transfer or a snapshot never does, and for a million-set zone the union is a second's work
   * (done here as one merge of lists already in canonical order, not a million tree inserts).
   */
  static final class Keys extends AbstractCollection<RRsetKey> {
    private final Zone[] zones;
    private final Set<RRsetKey> extra = new TreeSet<>();
    private List<RRsetKey> all;

    private Keys(Zone[] zones) {
      this.zones = zones.clone();
    }

    /** Asks for {@code key} too (a set the report saw that neither zone still has). */
    @Override
    public synchronized boolean add(RRsetKey key) {
      if (all != null) {
        throw new IllegalStateException("keys added after a source read them");
      }
      return extra.add(key);
    }

    private synchronized List<RRsetKey> all() {
      if (all == null) {
        List<RRsetKey> merged = new ArrayList<>(extra);
        for (Zone z : zones) {
          if (z != null) {
            List<RRsetKey> sorted = new ArrayList<>(z.size());
            z.sets().forEach(s -> sorted.add(s.key()));
            merged = merge(merged, sorted);
          }
        }
        all = merged;
      }
      return all;
    }

    @Override
    public Iterator<RRsetKey> iterator() {
      return Collections.unmodifiableList(all()).iterator();
    }

    @Override
    public int size() {
      return all().size();
    }

    /** Two lists in canonical order into one, each key once. */
    private static List<RRsetKey> merge(List<RRsetKey> a, List<RRsetKey> b) {
      List<RRsetKey> out = new ArrayList<>(a.size() + b.size());
      int i = 0;
      int j = 0;
      while (i < a.size() || j < b.size()) {
        int c = i == a.size() ? 1 : j == b.size() ? -1 : a.get(i).compareTo(b.get(j));
        if (c <= 0) {
          out.add(a.get(i++));
          if (c == 0) {
            j++;
          }
        } else {
          out.add(b.get(j++));
        }
      }
      return out;
    }
  }

  static LiveRead read(ZoneConfig zone, Map<String, String> env, SourceTree repo, Collection<RRsetKey> keys)
      throws LiveException {
    LiveSource source = LiveSources.of(zone.name(), zone.live(), env, repo);
    return source.read(zone.name(), keys).from(source.describe());
  }

  /**
   * {@code z} (an octoDNS zone file's zone, or null) as the provider {@code now} came from sees
   * it: what octoDNS manages there ({@link ProviderScope}). Anything else is returned as it is.
   */
  static Zone file(ZoneConfig zone, LiveRead now, Zone z) {
    if (z == null || now.scope() == null || zone.effectiveFormat() != ZoneFormat.OCTODNS) {
      return z;
    }
    Zone viewed = now.scope().file(z);
    // What octoDNS does not deploy to the live target (excluded there, or included elsewhere only)
    // it leaves alone there: not compared, as an ignored record.
    ZoneMarks marks = viewed.marks().at(zone.liveTarget());
    return marks == viewed.marks() ? viewed : viewed.withMarks(marks);
  }

  /**
   * The live zone {@code now} read, as octoDNS sees it when it plans {@code head} (viewed by {@link
   * #file}): what it manages at the provider, less what the zone's filter processors take out of
   * the target's zone, which octoDNS leaves alone there.
   *
   * @throws CheckException when a filter makes octoDNS fail planning on a record live holds
   */
  static Zone live(ZoneConfig zone, LiveRead now, Zone head) throws CheckException {
    if (zone.effectiveFormat() != ZoneFormat.OCTODNS) {
      return now.zone();
    }
    return target(zone, head == null || now.scope() == null ? now.zone() : now.scope().live(now.zone(), head), head);
  }

  /**
   * {@code target}, what a target of the octoDNS zone holds (live, or base standing in for it), as
   * octoDNS plans {@code head} against it: less what the zone's processors leave alone there
   * ({@code OctoDnsSources.atTarget}). Any other zone's, as it is.
   *
   * @throws CheckException when a processor makes octoDNS fail planning on a record there
   */
  static Zone target(ZoneConfig zone, Zone target, Zone head) throws CheckException {
    if (zone.effectiveFormat() != ZoneFormat.OCTODNS || zone.sources() == null) {
      return target;
    }
    try {
      return zone.sources().atTarget(target, head);
    } catch (ZoneReadException e) {
      throw new CheckException("zone " + zone.name() + ": " + e.getMessage());
    }
  }

  static List<RuleInput.Disagreement> disagreements(LiveRead r) {
    List<RuleInput.Disagreement> out = new ArrayList<>();
    for (Disagreement d : r.disagreements()) {
      out.add(new RuleInput.Disagreement(d.name(), d.type(), d.answers(), d.judgedAgainst()));
    }
    return out;
  }
}
