package dev.zonegate.config;

import java.util.List;

/**
 * What a repository config says: the zones to check and the rule packs to judge them with.
 *
 * @param path the config file as given on the command line (messages name it this way)
 * @param zones at least one zone, in the order written
 * @param rulePacks repository-relative rule-pack paths, normalized; empty means the default pack
 * @param source {@code "zonegate"} for a {@code zonegate.yaml}, {@code "octodns"} for an octoDNS
 *     config standing in for one
 */
public record RepoConfig(String path, List<ZoneConfig> zones, List<String> rulePacks, String source) {
  public static final String ZONEGATE = "zonegate";
  public static final String OCTODNS = "octodns";

  public RepoConfig {
    zones = List.copyOf(zones);
    rulePacks = List.copyOf(rulePacks);
  }

  /** The zone with this absolute lower-case name, or null. */
  public ZoneConfig zone(String name) {
    for (ZoneConfig z : zones) {
      if (z.name().equals(name)) {
        return z;
      }
    }
    return null;
  }
}
