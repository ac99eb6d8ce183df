package dev.zonegate.gate;

import dev.zonegate.config.ConfigException;
import dev.zonegate.config.RepoConfig;
import dev.zonegate.config.ZoneConfig;
import dev.zonegate.live.LiveException;
import dev.zonegate.live.LiveRead;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import dev.zonegate.rules.Outcome;
import dev.zonegate.zone.DirectoryTree;
import dev.zonegate.zone.ZoneReadException;
import dev.zonegate.zone.ZoneWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stale-plan guard (docs/fingerprint.md): just before the deploy, read live again and compare with the
 * fingerprints the reviewed report recorded. A zone whose live state moved, or whose proposed zone
 * is not the one reviewed, is named; nothing reviewed is applied over a state nobody reviewed.
 */
public final class Verify {
  /**
   * What verify found: one line per zone that moved (empty when none did), the zones verified, and
   * whether the report's own verdict was block (then nothing in it was approved for deploy).
   */
  public record Result(List<String> moved, List<String> verified, boolean blocked) {}

  private Verify() {}

  public static Result run(Path report, Path repo, Path config, Path octodns, Map<String, String> env)
      throws CheckException, ConfigException, IOException, LiveException, ZoneReadException {
    JsonNode root;
    try {
      root = JsonMapper.builder().build().readTree(Files.readAllBytes(report));
    } catch (JacksonException e) {
      throw new CheckException(report + ": not a zonegate JSON report (" + e.getOriginalMessage() + ")");
    }
    if (root == null || !root.path("zones").isArray() || root.path("schemaVersion").asInt(0) != 1) {
      throw new CheckException(report + ": not a zonegate JSON report of schemaVersion 1");
    }
    // A blocked report approved nothing: "live has not moved" must not read as "safe to deploy".
    boolean blocked = !root.path("verdict").asString("").equals(Outcome.PASS.word());
    RepoConfig cfg = RepoFiles.config(repo, config, octodns);
    DirectoryTree tree = new DirectoryTree(repo);
    List<String> moved = new ArrayList<>();
    List<String> verified = new ArrayList<>();
    for (JsonNode z : root.get("zones")) {
      String name = z.path("name").asString("");
      String live = z.path("liveFingerprint").isString() ? z.get("liveFingerprint").asString() : null;
      String head = z.path("headFingerprint").isString() ? z.get("headFingerprint").asString() : null;
      if (live == null || head == null) {
        throw new CheckException(report + ": zone " + name + " has no fingerprints; it was not judged, so it cannot be deployed as reviewed");
      }
      ZoneConfig zc = RepoFiles.zone(cfg, name);
      if (zc.live() == null) {
        throw new CheckException("zone " + name + " has no live source in " + cfg.path() + ", so its live state cannot be read again");
      }
      Zone proposed = RepoFiles.read(tree, zc);
      LiveZones.Keys keys = LiveZones.keys(proposed);
      for (JsonNode c : root.path("changes")) {
        if (c.path("zone").asString("").equals(name) && c.path("setId").isMissingNode()) {
          keys.add(RRsetKey.of(c.path("name").asString(), c.path("rrtype").asString()));
        }
      }
      LiveRead now = LiveZones.read(zc, env, tree, keys);
      // Both as check judged them: an octoDNS zone as its provider sees it.
      Zone judged = LiveZones.file(zc, now, proposed);
      if (!ZoneWriter.fingerprint(judged).equals(head)) {
        moved.add("zone " + name + ": the proposed zone in " + zc.file() + " is not the one the report judged");
        continue;
      }
      String fp = ZoneWriter.fingerprint(LiveZones.live(zc, now, judged));
      if (!fp.equals(live)) {
        moved.add("zone " + name + ": live state moved since the report (" + live + " then, " + fp + " now)");
      } else {
        verified.add(name);
      }
    }
    if (moved.isEmpty() && verified.isEmpty()) {
      throw new CheckException(report + ": the report names no zone to verify");
    }
    return new Result(moved, verified, blocked);
  }
}
