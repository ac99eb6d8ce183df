package dev.zonegate.live;

import dev.zonegate.model.Extras;
import dev.zonegate.model.RRset;
import dev.zonegate.model.Zone;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What octoDNS manages at one provider, so that an octoDNS zone compared with that provider's live
 * state shows what {@code octodns-sync} would plan, no more: octoDNS plans against the provider,
 * and leaves alone what it does not manage there.
 * <ul>
 *   <li>only the provider's {@code SUPPORTS} types: its {@code populate} skips every other type,
 *       so such a set on the provider is never updated or deleted;
 *   <li>the apex NS only where the provider manages root NS ({@code SUPPORTS_ROOT_NS}) and the
 *       zone file has one ({@code _process_existing_zone} drops the existing root NS otherwise);
 *   <li>of what a record carries beyond its values, only this provider's own settings
 *       ({@code octodns: {cloudflare: ...}} means nothing to PowerDNS) and, where the provider
 *       does routing, the {@code dynamic} pools and rules;
 *   <li>never the SOA (octoDNS has no SOA type; zonegate compares none when the file has none).
 * </ul>
 *
 * @param types the provider's {@code SUPPORTS}
 * @param rootNs the provider's {@code SUPPORTS_ROOT_NS}
 * @param attributePrefix this provider's settings under {@code octodns:} ({@code cloudflare.}), or null
 * @param routing true when the provider serves {@code dynamic} records
 */
public record ProviderScope(Set<String> types, boolean rootNs, String attributePrefix, boolean routing) {
  public ProviderScope {
    types = Set.copyOf(types);
  }

  /** The provider's live zone as octoDNS sees it when it plans {@code head} there. */
  public Zone live(Zone live, Zone head) {
    boolean headNs = head != null && head.get(head.origin(), "NS") != null;
    List<RRset> kept = new ArrayList<>(live.size());
    boolean dropped = false;
    for (RRset s : live.sets()) {
      boolean apexNs = s.type().equals("NS") && s.name().equals(live.origin());
      if (!types.contains(s.type()) && !s.type().equals("SOA") || apexNs && !(rootNs && headNs)) {
        dropped = true;
        continue;
      }
      kept.add(viewed(s));
    }
    return dropped || kept.stream().anyMatch(s -> s.extras() != live.get(s.key()).extras())
        ? new Zone(live.origin(), kept, live.notices()).withMarks(live.marks())
        : live;
  }

  /** An octoDNS zone file's zone as this provider sees it: the apex NS and settings it manages. */
  public Zone file(Zone z) {
    List<RRset> kept = new ArrayList<>(z.size());
    boolean changed = false;
    for (RRset s : z.sets()) {
      boolean apexNs = s.type().equals("NS") && s.name().equals(z.origin());
      if (apexNs && !rootNs) {
        changed = true;
        continue;
      }
      RRset v = viewed(s);
      changed |= v != s;
      kept.add(v);
    }
    return changed ? new Zone(z.origin(), kept, z.notices()).withMarks(z.marks()) : z;
  }

  /** The set with only the extras this provider acts on. */
  private RRset viewed(RRset s) {
    Extras e = s.extras();
    if (e == null) {
      return s;
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    e.attributes().forEach((k, v) -> {
      if (attributePrefix != null && k.startsWith(attributePrefix)) {
        attributes.put(k, v);
      }
    });
    Extras kept = Extras.of(attributes, routing ? e.routing() : null);
    return kept != null && kept.equals(e) ? s : s.withExtras(kept);
  }
}
