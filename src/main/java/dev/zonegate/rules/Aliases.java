package dev.zonegate.rules;

import dev.zonegate.model.RRset;
import dev.zonegate.model.Zone;
import java.util.HashSet;
import java.util.Set;

/**
 * "Is this name an alias (a CNAME with a target)?" for a rule that asks it of many names. When the
 * rules judge most of a zone (lint asks of a million names), the aliases are gathered once into a
 * set, far smaller than the zone, and each question is one look-up there; otherwise each is a
 * look-up in the zone, and the aliases are never gathered.
 */
final class Aliases {
  private final Zone zone;
  /** The aliases' names; null when questions go to the zone. */
  private final Set<String> names;

  Aliases(Zone z, boolean many) {
    this.zone = z;
    this.names = many ? new HashSet<>() : null;
    if (!many) {
      return;
    }
    for (RRset s : z.setsOf("CNAME"::equals)) {
      if (s.rdataCount() > 0) {
        names.add(s.name());
      }
    }
  }

  /** True when a CNAME set with a target stands at the name. */
  boolean isCname(String name) {
    if (names != null && zone.exactLookup(name)) {
      return names.contains(name);
    }
    return hasCname(zone, zone.span(name));
  }

  /**
   * True when a CNAME set with a target lies in the span of one name ({@link Zone#span}). Types
   * come from the zone's column: only a CNAME set itself is looked at.
   */
  static boolean hasCname(Zone z, long span) {
    for (int i = (int) (span >>> 32); i < (int) span; i++) {
      if (z.typeAt(i).equals("CNAME") && z.setAt(i).rdataCount() > 0) {
        return true;
      }
    }
    return false;
  }
}
