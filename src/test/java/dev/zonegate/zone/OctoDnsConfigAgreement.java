package dev.zonegate.zone;

import dev.zonegate.config.ConfigException;
import dev.zonegate.config.ConfigLoader;
import dev.zonegate.config.RepoConfig;
import dev.zonegate.config.ZoneConfig;
import dev.zonegate.model.Zone;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * What agreeing with octoDNS 1.22's Manager means for one octoDNS main config ({@code config.yaml}
 * in a directory): the same zones synced, and for each the same RRsets or a refusal on both sides;
 * a config octoDNS cannot get as far as its zones with is one refusal ({@code *}). Shared by the
 * differential test over fixed configs ({@link OctoDnsConfigDifferentialTest}) and the one over
 * generated configs ({@code OctoDnsConfigFuzzTest}).
 */
public final class OctoDnsConfigAgreement {
  private OctoDnsConfigAgreement() {}

  /** octoDNS's zones: each "loads {RRsets}" or "refuses"; or one entry "*" when the config fails. */
  public static Map<String, String> octo(JsonNode r) {
    Map<String, String> out = new TreeMap<>();
    if (!r.get("ok").asBoolean()) {
      out.put("*", "refuses");
      return out;
    }
    for (Map.Entry<String, JsonNode> z : r.get("zones").properties()) {
      OctoDnsAgreement.Octo o = OctoDnsAgreement.Octo.of(z.getValue(), z.getKey());
      out.put(z.getKey(), o.ok() ? "loads " + o.sets() : "refuses");
    }
    return out;
  }

  /** zonegate's, in the same form. */
  public static Map<String, String> gate(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    DirectoryTree tree = new DirectoryTree(dir);
    RepoConfig cfg;
    try {
      cfg = ConfigLoader.octodns("config.yaml", Files.readAllBytes(dir.resolve("config.yaml"))).in(tree);
    } catch (ConfigException e) {
      out.put("*", "refuses");
      return out;
    }
    for (ZoneConfig z : cfg.zones()) {
      try {
        Zone read = z.reader().read(tree, z.file(), z.name());
        Map<String, String> sets = OctoDnsAgreement.Gate.sets(read);
        // A record a filter processor takes out that octoDNS then leaves alone at the target stays
        // in zonegate's zone, ignored (seen by the rules, not compared); octoDNS's zone lacks it.
        read.marks().ignored().forEach((key, n) -> {
          if (n.message().contains(": processor '") && n.message().contains(" filters it out of the zone")) {
            sets.remove(key.name() + " " + key.type());
          }
        });
        out.put(z.name(), "loads " + sets);
      } catch (ZoneReadException e) {
        out.put(z.name(), "refuses");
      }
    }
    return out;
  }
}
