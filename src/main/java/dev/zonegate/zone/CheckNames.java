package dev.zonegate.zone;

import java.util.Locale;

/**
 * named's {@code check-names} for a primary zone: what it does when a name that must be a host
 * name (the owner of an A, AAAA or MX record, the target of an NS, MX or SRV, an SOA's primary
 * server) is not one, such as {@code a_b A 192.0.2.1}. named's default is {@code fail}: it refuses
 * to load the zone. A server whose {@code named.conf} says {@code check-names primary warn} (or
 * {@code master warn}) loads it and logs a warning; {@code ignore} loads it silently. The gate reads
 * a master file as the server that loads it does, so the setting is the zone's to give
 * (docs/fidelity-bind.md).
 */
public enum CheckNames {
  /** named's default: the zone does not load. */
  FAIL("fail"),
  /** The zone loads; named logs a warning, and the zone carries a notice saying so. */
  WARN("warn"),
  /** The zone loads; nothing is said. */
  IGNORE("ignore");

  private final String word;

  CheckNames(String word) {
    this.word = word;
  }

  /** The word named.conf and zonegate use: fail, warn or ignore. */
  public String word() {
    return word;
  }

  /** {@code fail}, {@code warn} or {@code ignore}, as named.conf writes them. */
  public static CheckNames parse(String word) {
    switch (word.toLowerCase(Locale.ROOT)) {
      case "fail":
        return FAIL;
      case "warn":
        return WARN;
      case "ignore":
        return IGNORE;
      default:
        throw new IllegalArgumentException("unknown check-names setting '" + word + "' (expected fail, warn or ignore)");
    }
  }
}
