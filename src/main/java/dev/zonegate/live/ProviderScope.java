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
 * @param cloudflareTtls Cloudflare's TTL rules ({@code _include_change}): a set proxied or on
 *     automatic TTL on both sides has no TTL to change, and TTLs below {@code minTtl} count as it
 * @param minTtl the provider's {@code min_ttl} (with {@code cloudflareTtls})
 */
public record ProviderScope(
    Set<String> types, boolean rootNs, String attributePrefix, boolean routing, boolean cloudflareTtls, long minTtl) {
  public ProviderScope {
    types = Set.copyOf(types);
  }

  public ProviderScope(Set<String> types, boolean rootNs, String attributePrefix, boolean routing) {
    this(types, rootNs, attributePrefix, routing, false, 0);
  }

  /** This scope with Cloudflare's TTL rules, for a provider whose {@code min_ttl} is {@code minTtl}. */
  public ProviderScope withCloudflareTtls(long minTtl) {
    return new ProviderScope(types, rootNs, attributePrefix, routing, true, minTtl);
  }

  /** The provider's live zone as octoDNS sees it when it plans {@code head} there. */
  public Zone live(Zone live, Zone head) {
    boolean headNs = head != null && head.get(head.origin(), "NS") != null;
    List<RRset> kept = new ArrayList<>(live.size());
    boolean dropped = false;
    boolean retimed = false;
    for (RRset s : live.sets()) {
      boolean apexNs = s.type().equals("NS") && s.name().equals(live.origin());
      if (!types.contains(s.type()) && !s.type().equals("SOA") || apexNs && !(rootNs && headNs)) {
        dropped = true;
        continue;
      }
      RRset v = viewed(s);
      RRset wanted = cloudflareTtls && head != null ? head.get(s.key()) : null;
      if (wanted != null && v.ttl() != wanted.ttl() && ttlNotPlanned(v, viewed(wanted))) {
        v = v.withTtl(wanted.ttl());
        retimed = true;
      }
      kept.add(v);
    }
    return dropped || retimed || kept.stream().anyMatch(s -> s.extras() != live.get(s.key()).extras())
        ? new Zone(live.origin(), kept, live.notices()).withMarks(live.marks())
        : live;
  }

  /**
   * octodns-cloudflare's {@code _include_change} for a set on Cloudflare ({@code existing}) and in
   * the file ({@code wanted}): with the same proxied and automatic-TTL flags, a set that is
   * proxied or on automatic TTL has no TTL of its own, and TTLs are taken as at least
   * {@code minTtl}; a TTL difference that leaves is no change octoDNS plans.
   */
  private boolean ttlNotPlanned(RRset existing, RRset wanted) {
    boolean wantedProxied = flag(wanted, "cloudflare.proxied");
    boolean existingProxied = flag(existing, "cloudflare.proxied");
    boolean wantedAuto = !wantedProxied && flag(wanted, "cloudflare.auto-ttl");
    boolean existingAuto = !existingProxied && flag(existing, "cloudflare.auto-ttl");
    if (wantedProxied != existingProxied || wantedAuto != existingAuto) {
      return false; // a change of flags is planned whole
    }
    return wantedProxied || wantedAuto || Math.max(minTtl, wanted.ttl()) == Math.max(minTtl, existing.ttl());
  }

  private static boolean flag(RRset s, String key) {
    return s.extras() != null && "true".equals(s.extras().attributes().get(key));
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
