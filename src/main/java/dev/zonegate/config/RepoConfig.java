package dev.zonegate.config;

import dev.zonegate.zone.SourceTree;
import java.util.List;

/**
 * What a repository config says: the zones to check and the rule packs to judge them with.
 *
 * @param path the config file as given on the command line (messages name it this way)
 * @param zones the zones the config names; for an octoDNS config with dynamic zone entries, only
 *     those it names outright, until {@link #in} lists the rest from a tree
 * @param rulePacks repository-relative rule-pack paths, normalized; empty means the default pack
 * @param source {@code "zonegate"} for a {@code zonegate.yaml}, {@code "octodns"} for an octoDNS
 *     config standing in for one
 * @param dynamic how the config's further zones are found in a tree, or null when it names all
 */
public record RepoConfig(String path, List<ZoneConfig> zones, List<String> rulePacks, String source, Dynamic dynamic) {
  public static final String ZONEGATE = "zonegate";
  public static final String OCTODNS = "octodns";

  /**
   * Zones a config leaves to be found among the files (octoDNS's dynamic zone entries, {@code
   * '*'}): which they are depends on the tree.
   */
  public interface Dynamic {
    /**
     * Every zone of the config in {@code tree}. {@code base}: a directory the tree does not have
     * lists no zones (the base of a change that adds it); otherwise it is an error, as it is for
     * octoDNS. A directory that cannot be listed is an error either way.
     */
    List<ZoneConfig> zones(SourceTree tree, boolean base) throws ConfigException;
  }

  public RepoConfig {
    zones = List.copyOf(zones);
    rulePacks = List.copyOf(rulePacks);
  }

  public RepoConfig(String path, List<ZoneConfig> zones, List<String> rulePacks, String source) {
    this(path, zones, rulePacks, source, null);
  }

  /** The config with every zone it has in {@code tree}: the head of a change, or a working tree. */
  public RepoConfig in(SourceTree tree) throws ConfigException {
    return dynamic == null ? this : new RepoConfig(path, dynamic.zones(tree, false), rulePacks, source, null);
  }

  /** As {@link #in}, for the base of a change: a directory it does not have yet lists nothing. */
  public RepoConfig atBase(SourceTree tree) throws ConfigException {
    return dynamic == null ? this : new RepoConfig(path, dynamic.zones(tree, true), rulePacks, source, null);
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
