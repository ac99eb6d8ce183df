package dev.zonegate.rules;

import com.networknt.schema.Error;
import dev.zonegate.model.Location;
import dev.zonegate.schema.NodeLines;
import dev.zonegate.schema.Schemas;
import dev.zonegate.schema.YamlText;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * One rule-pack file: a YAML list of rules (SPEC §5), validated against
 * {@code rule-pack.schema.json} (which also fixes each type's params), then checked for what a
 * schema cannot say: duplicate ids and unusable globs.
 */
public final class RulePack {
  public static final String DEFAULT_PACK = "rules/default.yaml";

  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final String path;
  private final List<RuleSpec> rules;

  private RulePack(String path, List<RuleSpec> rules) {
    this.path = path;
    this.rules = List.copyOf(rules);
  }

  public String path() {
    return path;
  }

  public List<RuleSpec> rules() {
    return rules;
  }

  /** {@code builtin:none}: no rules, the explicit start of a gate that leaves the defaults out. */
  public static RulePack none() {
    return new RulePack(RulePacks.NONE, List.of());
  }

  /** The default pack shipped in the jar (the same file as {@code rules/default.yaml}). */
  public static RulePack defaults() {
    try (InputStream in = RulePack.class.getClassLoader().getResourceAsStream(DEFAULT_PACK)) {
      if (in == null) {
        throw new IllegalStateException("the default rule pack is missing from the jar");
      }
      // The shipped pack is validated against its schema by the tests (rules validate); at run
      // time that validation costs a fifth of a second of every short run, for nothing.
      RulePack p = parse(DEFAULT_PACK, in.readAllBytes(), false);
      return new RulePack(RulePacks.DEFAULT, p.rules);
    } catch (IOException | RulePackException e) {
      throw new IllegalStateException("the default rule pack is broken: " + e.getMessage(), e);
    }
  }

  public static RulePack parse(String path, byte[] bytes) throws RulePackException {
    return parse(path, bytes, true);
  }

  private static RulePack parse(String path, byte[] bytes, boolean validate) throws RulePackException {
    JsonNode root;
    try {
      root = YAML.readTree(bytes);
    } catch (JacksonException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new RulePackException(new Location(path, Math.max(line, 0)), null, "not valid YAML: " + YamlText.problem(e));
    }
    int alias = YamlText.firstAliasLine((tools.jackson.dataformat.yaml.YAMLFactory) YAML.tokenStreamFactory(), bytes);
    if (alias > 0) {
      throw new RulePackException(new Location(path, alias), null, "YAML aliases (*name) are not supported in rule packs; write the value out");
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return new RulePack(path, List.of());
    }
    NodeLines lines = NodeLines.of(YAML.tokenStreamFactory(), bytes);
    if (!root.isArray()) {
      throw new RulePackException(new Location(path, lines.line("")), null, "a rule pack is a YAML list of rules");
    }
    plainChecks(path, root, lines);
    List<Error> errors = validate ? Schemas.validate("rule-pack.schema.json", root) : List.of();
    if (!errors.isEmpty()) {
      Error e = errors.get(0);
      String pointer = e.getInstanceLocation().toString().replace("$", "");
      throw schemaError(path, root, lines, pointer, e, errors.size() - 1);
    }
    List<RuleSpec> specs = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode n = root.get(i);
      Location where = new Location(path, lines.line("/" + i));
      String id = n.get("id").asString();
      if (!ids.add(id)) {
        throw new RulePackException(where, id, "the id is used twice in this pack");
      }
      specs.add(spec(n, where));
    }
    return new RulePack(path, specs);
  }

  /**
   * The two mistakes people make most, said in their words before the schema says them in its
   * own: a type that does not exist and a param the type does not have.
   */
  private static void plainChecks(String path, JsonNode root, NodeLines lines) throws RulePackException {
    for (int i = 0; i < root.size(); i++) {
      JsonNode n = root.get(i);
      if (!n.isObject() || !n.path("type").isString()) {
        continue;
      }
      String id = n.path("id").isString() ? n.get("id").asString() : null;
      String typeName = n.get("type").asString();
      RuleType type = RuleCatalog.type(typeName);
      if (type == null) {
        throw new RulePackException(
            new Location(path, lines.line("/" + i + "/type")),
            id,
            "unknown rule type '" + typeName + "' (zonegate rules list shows the types)");
      }
      JsonNode params = n.get("params");
      if (params != null && params.isObject()) {
        for (String key : params.propertyNames()) {
          if (type.param(key) == null) {
            List<String> known = type.params().stream().map(Param::name).toList();
            throw new RulePackException(
                new Location(path, lines.line("/" + i + "/params/" + key)),
                id,
                "unknown param '" + key + "' for type " + typeName
                    + (known.isEmpty() ? " (it takes none)" : " (it takes " + String.join(", ", known) + ")"));
          }
        }
      }
    }
  }

  private static RulePackException schemaError(
      String path, JsonNode root, NodeLines lines, String pointer, Error e, int more) {
    String[] parts = pointer.split("/");
    String id = null;
    String index = parts.length > 1 ? parts[1] : "";
    if (index.matches("\\d+")) {
      JsonNode rule = root.get(Integer.parseInt(index));
      if (rule != null && rule.path("id").isString()) {
        id = rule.get("id").asString();
      }
    }
    String inside = parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) + ": " : "";
    String problem = inside + Schemas.message(e) + (more > 0 ? " (and " + more + " more problem" + (more == 1 ? ")" : "s)") : "");
    return new RulePackException(new Location(path, lines.line(pointer)), id, problem);
  }

  private static RuleSpec spec(JsonNode n, Location where) throws RulePackException {
    String id = n.get("id").asString();
    RuleType type = RuleCatalog.type(n.get("type").asString());
    Severity severity = n.has("severity") ? Severity.parse(n.get("severity").asString()) : type.defaultSeverity();
    gateRule(n, id, type, severity, where);
    Scope scope = Scope.ALL;
    if (n.has("scope")) {
      JsonNode s = n.get("scope");
      scope = new Scope(strings(s.get("zones")), strings(s.get("names")), strings(s.get("types")));
      for (String g : concat(scope.zones(), scope.names())) {
        String problem = Scope.problem(g);
        if (problem != null) {
          throw new RulePackException(where, id, "scope: " + problem);
        }
      }
    }
    Map<String, Object> params = new LinkedHashMap<>();
    for (Param p : type.params()) {
      if (p.defaultValue() != null) {
        params.put(p.name(), p.defaultValue());
      }
    }
    if (n.has("params")) {
      for (Map.Entry<String, JsonNode> e : n.get("params").properties()) {
        params.put(e.getKey(), value(e.getValue()));
      }
    }
    return new RuleSpec(
        id,
        type.name(),
        severity,
        scope,
        params,
        !n.has("overridable") || n.get("overridable").asBoolean(),
        !n.has("enabled") || n.get("enabled").asBoolean(),
        n.has("description") ? n.get("description").asString().trim() : type.summary(),
        where);
  }

  /**
   * {@code zone-parse-error} is part of the gate, not a pack rule (SPEC §3.2): a proposed zone that
   * does not parse always blocks. A pack may restate it (to change its description) but not switch
   * it off, lower it, make it overridable, scope it, or give its id or type to anything else.
   */
  private static void gateRule(JsonNode n, String id, RuleType type, Severity severity, Location where)
      throws RulePackException {
    String gate = ZoneParseError.TYPE.name();
    boolean isGate = type.name().equals(gate);
    if (!isGate && !id.equals(gate)) {
      return;
    }
    String problem = null;
    if (!isGate || !id.equals(gate)) {
      problem = "the id and type " + gate + " belong to the gate's own check and go together";
    } else if (n.has("enabled") && !n.get("enabled").asBoolean()) {
      problem = "cannot be switched off";
    } else if (severity != Severity.BLOCK) {
      problem = "cannot be lowered to " + severity.word();
    } else if (n.has("overridable") && n.get("overridable").asBoolean()) {
      problem = "cannot be made overridable";
    } else if (n.has("scope")) {
      problem = "cannot be scoped";
    }
    if (problem != null) {
      throw new RulePackException(
          where, id, problem + ": a proposed zone that does not parse always blocks, whatever the packs say");
    }
  }

  private static Object value(JsonNode v) {
    if (v.isIntegralNumber()) {
      return v.asLong();
    }
    if (v.isNumber()) {
      return v.asDouble();
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isArray()) {
      List<Object> out = new ArrayList<>();
      for (JsonNode x : v) {
        out.add(value(x));
      }
      return out;
    }
    if (v.isObject()) {
      Map<String, Object> out = new HashMap<>();
      for (Map.Entry<String, JsonNode> e : v.properties()) {
        out.put(e.getKey(), value(e.getValue()));
      }
      return out;
    }
    return v.isNull() ? null : v.asString();
  }

  private static List<String> strings(JsonNode a) {
    List<String> out = new ArrayList<>();
    if (a != null) {
      for (JsonNode x : a) {
        out.add(x.asString());
      }
    }
    return out;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
