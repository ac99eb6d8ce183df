package dev.zonegate.gate;

import dev.zonegate.config.ConfigException;
import dev.zonegate.config.RepoConfig;
import dev.zonegate.config.ZoneConfig;
import dev.zonegate.live.LiveException;
import dev.zonegate.live.LiveRead;
import dev.zonegate.model.Zone;
import dev.zonegate.util.Timings;
import dev.zonegate.zone.DirectoryTree;
import dev.zonegate.zone.ZoneReadException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code zonegate snapshot}: one zone as its live source serves it now. In query mode the names
 * asked are those of the zone in the working tree, the only names a query source can know.
 */
public final class Snapshot {
  private Snapshot() {}

  public static LiveRead run(Path repo, Path config, Path octodns, String zone, Map<String, String> env)
      throws ConfigException, IOException, LiveException, ZoneReadException, CheckException {
    long start = System.nanoTime();
    RepoConfig cfg = RepoFiles.config(repo, config, octodns);
    ZoneConfig z = RepoFiles.zone(cfg, zone);
    Timings.add("config", start);
    if (z.live() == null) {
      throw new CheckException("zone " + z.name() + " has no live source in " + cfg.path() + "; add live: with axfr, query, snapshot, route53, powerdns or cloudflare");
    }
    DirectoryTree tree = new DirectoryTree(repo);
    if (!z.live().needsKeys()) {
      long t = System.nanoTime();
      try (Timings.Part live = Timings.part("live", t)) {
        return LiveZones.read(z, env, tree, List.of()); // a transfer, a file, a listing: it needs no names
      }
    }
    Zone proposed = RepoFiles.read(tree, z);
    long t = System.nanoTime();
    try (Timings.Part live = Timings.part("live", t)) {
      return LiveZones.read(z, env, tree, LiveZones.keys(proposed));
    }
  }
}
