package dev.zonegate.gate;

import dev.zonegate.config.ConfigException;
import dev.zonegate.config.RepoConfig;
import dev.zonegate.config.ZoneConfig;
import dev.zonegate.model.Location;
import dev.zonegate.model.Zone;
import dev.zonegate.report.Report;
import dev.zonegate.rules.RulePackException;
import dev.zonegate.rules.Severity;
import dev.zonegate.util.Background;
import dev.zonegate.util.Timings;
import dev.zonegate.zone.DirectoryTree;
import dev.zonegate.zone.SourceTree;
import dev.zonegate.zone.ZoneReadException;
import dev.zonegate.zone.ZoneReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code zonegate lint}: like named-checkzone for a whole repository. Every configured zone in the
 * working tree must parse and pass the rules that judge one snapshot; each zone is judged as if it
 * were new, so rules about changes (deletions, thresholds, NS moves) have nothing to say.
 */
public final class Lint {
  /** Rule types whose verdict depends only on the proposed snapshot. */
  public static final Set<String> SNAPSHOT_TYPES =
      Set.of(
          "zone-parse-error",
          "cname-conflict",
          "target-is-cname",
          "dangling-reference",
          "reserved-address",
          "ttl-guard",
          "mail-change");

  private Lint() {}

  /** {@code fingerprints}: whether the report will show the zones' fingerprints (see {@link Gate#fingerprints}). */
  public static Report run(Path repo, Path config, Path octodnsConfig, boolean fingerprints)
      throws ConfigException, RulePackException, IOException {
    long t = System.nanoTime();
    SourceTree tree = new DirectoryTree(repo);
    RepoConfig cfg = RepoFiles.config(repo, config, octodnsConfig);
    // Every record of a zone judged as new is an "add": the report names findings, not those.
    // The rules load (YAML, and CEL when a pack has expressions) while the first zone is read.
    Background<Gate, RulePackException> rules = Background.start("zonegate-rules",
        () -> new Gate(Check.rules(cfg, tree).only(SNAPSHOT_TYPES), List.of(), Severity.BLOCK, false).fingerprints(fingerprints));
    Timings.add("config", t);
    Gate gate = null;
    for (ZoneConfig z : cfg.zones()) {
      Zone after = null;
      ZoneReadException error = null;
      t = System.nanoTime();
      try {
        after = z.reader().read(tree, z.file(), z.name());
      } catch (ZoneReadException e) {
        error = e;
      }
      Timings.add("read", t);
      if (gate == null) {
        gate = rules.join();
      }
      gate.judge(
          new Gate.Subject(z.name(), Zone.empty(z.name()), after, error, z.critical(), z.effectiveFormat(), new Location(z.file(), 0)));
    }
    if (gate == null) {
      gate = rules.join(); // no zones: a broken pack is still an error
    }
    return gate.report();
  }
}
