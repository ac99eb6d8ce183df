package dev.zonegate.rules;

import dev.zonegate.diff.ZoneDiff;
import dev.zonegate.model.Location;
import dev.zonegate.model.Zone;
import dev.zonegate.zone.MemoryTree;
import dev.zonegate.zone.ZoneFormat;
import dev.zonegate.zone.ZoneReadException;
import dev.zonegate.zone.ZoneReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a rule type's example, so {@code rules explain} shows a real finding rather than prose
 * that could drift from the code; the tests run every example too.
 */
public final class RuleExample {
  public static final String HEADER = "$ORIGIN example.com.\n$TTL 300\n";
  private static final String FILE = "example.com.zone";
  private static final String YAML_FILE = "example.com.yaml";

  private RuleExample() {}

  /**
   * Runs the example with the spec's params, topped up with what the example needs where the spec
   * leaves a param at its empty default.
   */
  public static List<Finding> run(RuleSpec configured) {
    RuleType type = RuleCatalog.type(configured.type());
    RuleType.Example ex = type.example();
    RuleSpec spec = withExampleParams(configured, ex);
    Zone before = parse(ex.before(), ex.format()).zone;
    Zone base = ex.base() == null ? before : parse(ex.base(), ex.format()).zone;
    Parsed after = parse(ex.after(), ex.format());
    List<Finding> out = new ArrayList<>();
    RuleInput in =
        new RuleInput(
                "example.com.",
                before,
                after.zone,
                after.zone == null ? List.of() : ZoneDiff.effective(base, before, after.zone),
                List.of(),
                ex.format(),
                new Location(ex.format() == ZoneFormat.OCTODNS ? YAML_FILE : FILE, 0),
                after.error)
            .withBase(base, ex.disagreements());
    type.factory().apply(spec).check(in, new Findings(spec, "example.com.", out::add));
    return out;
  }

  static RuleSpec withExampleParams(RuleSpec s, RuleType.Example ex) {
    Map<String, Object> params = new HashMap<>(s.params());
    ex.params().forEach((k, v) -> {
      Object now = params.get(k);
      if (now == null || (now instanceof Collection<?> && ((Collection<?>) now).isEmpty())) {
        params.put(k, v);
      }
    });
    return new RuleSpec(s.id(), s.type(), s.severity(), s.scope(), params, s.overridable(), s.enabled(), s.description(), s.where());
  }

  private record Parsed(Zone zone, ZoneReadException error) {}

  private static Parsed parse(String body, ZoneFormat format) {
    boolean yaml = format == ZoneFormat.OCTODNS;
    String file = yaml ? YAML_FILE : FILE;
    MemoryTree tree = new MemoryTree(Map.of(file, ((yaml ? "" : HEADER) + body).getBytes(StandardCharsets.UTF_8)));
    try {
      return new Parsed(ZoneReader.forFormat(format).read(tree, file, "example.com."), null);
    } catch (ZoneReadException e) {
      return new Parsed(null, e);
    }
  }
}
