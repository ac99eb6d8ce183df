package dev.zonegate.zone.terraform;

import dev.zonegate.model.Location;
import dev.zonegate.zone.ZoneReadException;

/** A DNS record resource type of one Terraform provider: which zone a record is in, and what it holds. */
interface RecordResource {
  /**
   * The zone one side of a resource belongs to. {@code id} is what the provider calls the zone
   * (a hosted zone id, a Cloudflare zone id, a Google managed zone, an Azure zone); {@code name} is
   * its DNS name when the resource itself says it (Azure), else null and named from the plan's
   * zone resources or {@code --zone}.
   */
  record ZoneRef(String provider, String id, String name) {
    /** How zones group: the provider and its id. */
    String key() {
      return provider + ":" + id;
    }
  }

  /** The zone of {@code a}, or a ref whose id is {@link Masks#UNKNOWN} when the plan does not know it yet. */
  ZoneRef zone(Attrs a);

  /** Adds what {@code a} holds to {@code side}, located at {@code at} (the resource address). */
  void add(Attrs a, ZoneSide side, Location at) throws ZoneReadException, Unplaced;

  /**
   * A record whose name or type Terraform knows only after apply: it cannot be placed in the zone.
   * The planned side of it is left out and said; its prior side, always known, is still judged.
   */
  final class Unplaced extends Exception {
    private static final long serialVersionUID = 1L;

    Unplaced(String attribute) {
      super(attribute, null, false, false);
    }
  }

  /** A missing attribute a record cannot be read without. */
  static ZoneReadException missing(Location at, String attribute) {
    return new ZoneReadException(at, "has no " + attribute + "; a DNS record cannot be judged without it");
  }

  /** An attribute that names or types the record but is known only after apply. */
  static Unplaced unknown(Location at, String attribute) {
    return new Unplaced(attribute);
  }
}
