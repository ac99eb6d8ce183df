package dev.zonegate.rules;

import dev.zonegate.model.Zone;

/** Whether a name is an alias (a CNAME with a target), asked of where its sets lie in a zone. */
final class Aliases {
  private Aliases() {}

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
