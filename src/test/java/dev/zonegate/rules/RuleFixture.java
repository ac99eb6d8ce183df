package dev.zonegate.rules;

import dev.zonegate.diff.ZoneDiff;
import dev.zonegate.model.Location;
import dev.zonegate.model.Zone;
import dev.zonegate.zone.DirectoryTree;
import dev.zonegate.zone.MasterFileReader;
import dev.zonegate.zone.ZoneFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one rule type on two master-file bodies (under {@code $ORIGIN example.com.} and
 * {@code $TTL 300}) with the type's defaults, optionally overridden, and returns its findings.
 */
final class RuleFixture {
  private RuleFixture() {}

  static Zone zone(String body) {
    try {
      Path dir = Files.createTempDirectory("zg-rule");
      Files.writeString(dir.resolve("example.com.zone"), "$ORIGIN example.com.\n$TTL 300\n" + body);
      return new MasterFileReader().read(new DirectoryTree(dir), "example.com.zone", "example.com.");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  static RuleSpec spec(RuleType type, Map<String, Object> overrides) {
    Map<String, Object> params = new HashMap<>();
    for (Param p : type.params()) {
      params.put(p.name(), p.defaultValue());
    }
    params.putAll(overrides);
    return new RuleSpec(type.name(), type.name(), type.defaultSeverity(), Scope.ALL, params, true, true, type.summary(), null);
  }

  static List<Finding> run(RuleType type, String before, String after) {
    return run(type, Map.of(), List.of(), before, after);
  }

  static List<Finding> run(RuleType type, Map<String, Object> params, List<String> critical, String before, String after) {
    return run(spec(type, params), type, critical, zone(before), zone(after));
  }

  static List<Finding> run(RuleSpec spec, RuleType type, List<String> critical, Zone before, Zone after) {
    return run(spec, type, critical, before, after, ZoneFormat.MASTER);
  }

  /** The findings with the proposed zone read in {@code format} (rules that judge master files only). */
  static List<Finding> run(RuleType type, Zone before, Zone after, ZoneFormat format) {
    return run(spec(type, Map.of()), type, List.of(), before, after, format);
  }

  private static List<Finding> run(
      RuleSpec spec, RuleType type, List<String> critical, Zone before, Zone after, ZoneFormat format) {
    RuleInput in =
        new RuleInput(
            "example.com.",
            before,
            after,
            ZoneDiff.diff(before, after),
            critical,
            format,
            new Location("example.com.zone", 0),
            null);
    List<Finding> out = new ArrayList<>();
    type.factory().apply(spec).check(in, new Findings(spec, "example.com.", out::add));
    return out;
  }
}
