package dev.zonegate.gate;

import dev.zonegate.config.ConfigException;
import dev.zonegate.config.ConfigLoader;
import dev.zonegate.config.RepoConfig;
import dev.zonegate.config.ZoneConfig;
import dev.zonegate.model.Location;
import dev.zonegate.model.Zone;
import dev.zonegate.zone.DirectoryTree;
import dev.zonegate.zone.SourceTree;
import dev.zonegate.zone.ZoneReadException;
import dev.zonegate.zone.ZoneReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The config and zones of a checked-out repository, as the deploy-time commands read them. */
final class RepoFiles {
  private RepoFiles() {}

  /**
   * {@code --config}, else {@code --octodns-config}, else {@code zonegate.yaml} in the repository;
   * with the zones it has in the working tree (an octoDNS dynamic entry lists them from the files).
   */
  static RepoConfig config(Path repo, Path config, Path octodns) throws ConfigException, IOException {
    Path file = config != null ? config : octodns != null ? octodns : repo.resolve(Check.CONFIG_FILE);
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(new Location(file.toString(), 0), "no such file; pass --config FILE or --octodns-config FILE");
    }
    byte[] bytes = Files.readAllBytes(file);
    RepoConfig c = octodns != null && config == null
        ? ConfigLoader.octodns(file.toString(), bytes)
        : ConfigLoader.zonegate(file.toString(), bytes);
    return c.in(new DirectoryTree(repo));
  }

  static ZoneConfig zone(RepoConfig cfg, String name) throws ConfigException {
    String n = name.toLowerCase(Locale.ROOT);
    ZoneConfig z = cfg.zone(n.endsWith(".") ? n : n + ".");
    if (z == null) {
      throw new ConfigException(new Location(cfg.path(), 0), "no zone " + name + " in the config");
    }
    return z;
  }

  /** The zone as the working tree proposes it; a missing file (every file, for octoDNS) is an empty zone. */
  static Zone read(SourceTree tree, ZoneConfig z) throws ZoneReadException {
    if (!z.existsIn(tree)) {
      return Zone.empty(z.name());
    }
    return z.reader().read(tree, z.file(), z.name());
  }
}
