package dev.zonegate.zone.terraform;

import dev.zonegate.model.Extras;
import dev.zonegate.model.Location;
import dev.zonegate.model.RRset;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import dev.zonegate.model.ZoneMarks;
import dev.zonegate.zone.Canonical;
import dev.zonegate.zone.Route53JsonReader;
import dev.zonegate.zone.ZoneBuilder;
import dev.zonegate.zone.ZoneReadException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * One side (prior state, or planned) of one zone a plan touches, filled resource by resource.
 * Record data is canonical rdata, except a plan's stand-ins for values it does not show, which
 * are kept as they are ({@link Masks}).
 */
final class ZoneSide {
  private final String origin;
  private final String zoneName;
  private final ZoneBuilder builder;
  private final Map<RRsetKey, Map<String, String>> attributes = new TreeMap<>();
  private Route53JsonReader.Listing listing;
  private ZoneBuilder context;
  private Route53JsonReader.Listing contextListing;
  private int contextSets;

  /** {@code origin}: the zone's absolute name, or null when the plan does not name the zone. */
  ZoneSide(String origin) {
    this.origin = origin == null ? "." : origin;
    this.zoneName = origin == null ? null : origin.substring(0, origin.length() - 1);
    this.builder = new ZoneBuilder(this.origin);
  }

  String origin() {
    return origin;
  }

  /** The zone's name without the final dot, as providers write it, or null when unnamed. */
  String zoneName() {
    return zoneName;
  }

  /** Adds one record: {@code text} is presentation text, or a stand-in taken as it is. */
  void add(RRsetKey key, long ttl, String text, Location at) throws ZoneReadException {
    builder.add(key, ttl, Masks.isStandIn(text) ? text : rdata(key, text, at), at);
  }

  /** Adds one record whose data is already canonical. */
  void addCanonical(RRsetKey key, long ttl, String rdata, Location at) throws ZoneReadException {
    builder.add(key, ttl, rdata, at);
  }

  private static String rdata(RRsetKey key, String text, Location at) throws ZoneReadException {
    try {
      return Canonical.rdata(key.name(), key.type(), text, ".");
    } catch (IOException | RuntimeException e) {
      throw new ZoneReadException(at, key.name() + " " + key.type() + ": " + PlanFile.shown(text) + " is not " + key.type() + " data");
    }
  }

  /** A setting the record carries beyond its data; a set whose records disagree shows "mixed". */
  void attribute(RRsetKey key, String name, String value) {
    attributes.computeIfAbsent(key, k -> new TreeMap<>()).merge(name, value, (a, b) -> a.equals(b) ? a : "mixed");
  }

  /** Route 53 record sets, converted by the Route 53 JSON reader's own code. */
  Route53JsonReader.Listing route53() {
    if (listing == null) {
      listing = new Route53JsonReader.Listing(builder, Masks::isStandIn);
    }
    return listing;
  }

  /**
   * A Route 53 record set the plan only reads (a data source): context the zone holds but the plan
   * does not manage. A set the plan manages is taken from the plan, never from the data source.
   */
  void context(JsonNode set, Location at) throws ZoneReadException {
    if (context == null) {
      context = new ZoneBuilder(origin);
      contextListing = new Route53JsonReader.Listing(context, Masks::isStandIn);
    }
    contextListing.add(set, at);
    contextSets++;
  }

  /** How many record sets data sources gave this side. */
  int contextSets() {
    return contextSets;
  }

  Zone build(String partial) {
    attributes.forEach((k, a) -> builder.extras(k, Extras.of(a, null)));
    Zone z = builder.build();
    if (context != null) {
      List<RRset> sets = new ArrayList<>(z.sets());
      for (RRset s : context.build().sets()) {
        if (!z.rrsets().containsKey(s.key())) {
          sets.add(s);
        }
      }
      z = new Zone(z.origin(), sets, z.notices());
    }
    return z.withMarks(
        new ZoneMarks(z.marks().ignored(), z.marks().lenient(), z.marks().zoneLenient(), partial, z.marks().targets(),
            z.marks().outside()));
  }
}
