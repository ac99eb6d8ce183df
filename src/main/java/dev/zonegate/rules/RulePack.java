package dev.zonegate.rules;

import com.networknt.schema.Error;
import dev.zonegate.model.Location;
import dev.zonegate.schema.NodeLines;
import dev.zonegate.schema.Schemas;
import dev.zonegate.schema.YamlText;
import dev.zonegate.schema.YamlTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One rule-pack file: a YAML list of rules (docs/rules.md), validated against
 * {@code rule-pack.schema.json} (which also fixes each type's params), then checked for what a
 * schema cannot say: duplicate ids and unusable globs.
 */
public final class RulePack {
  public static final String DEFAULT_PACK = "rules/default.yaml";

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

  private static RulePack defaults;

  /**
   * The default pack shipped in the jar (the same file as {@code rules/default.yaml}), read once:
   * it cannot change within a run. A failure is not kept, so every caller sees it.
   */
  public static synchronized RulePack defaults() {
    if (defaults == null) {
      defaults = readDefaults();
    }
    return defaults;
  }

  private static RulePack readDefaults() {
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
    Listed listed = list(path, bytes);
    if (listed == null) {
      return new RulePack(path, List.of());
    }
    JsonNode root = listed.root();
    NodeLines lines = listed.lines();
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

  /** A pack's list of rules and the lines of its nodes, found in one pass. */
  private record Listed(JsonNode root, NodeLines lines) {}

  /** The pack's YAML list of rules, or null for an empty pack; YAML and shape problems end the reading. */
  private static Listed list(String path, byte[] bytes) throws RulePackException {
    JsonNode root;
    NodeLines lines;
    try {
      YamlTree.Document doc = YamlTree.read(bytes);
      root = doc.root();
      lines = doc.lines();
    } catch (JacksonException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new RulePackException(new Location(path, Math.max(line, 0)), null, "not valid YAML: " + YamlText.problem(e));
    }
    if (lines.firstAlias() > 0) {
      throw new RulePackException(new Location(path, lines.firstAlias()), null, "YAML aliases (*name) are not supported in rule packs; write the value out");
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return null;
    }
    if (!root.isArray()) {
      throw new RulePackException(new Location(path, lines.line("")), null, "a rule pack is a YAML list of rules");
    }
    return new Listed(root, lines);
  }

  /**
   * The two mistakes people make most, said in their words before the schema says them in its
   * own: a type that does not exist and a param the type does not have.
   */
  private static void plainChecks(String path, JsonNode root, NodeLines lines) throws RulePackException {
    Map<Integer, RulePackException> found = plainProblems(path, root, lines);
    if (!found.isEmpty()) {
      throw found.values().iterator().next();
    }
  }

  /** {@link #plainChecks}, every rule's first problem, by rule index. */
  private static Map<Integer, RulePackException> plainProblems(String path, JsonNode root, NodeLines lines) {
    Map<Integer, RulePackException> found = new TreeMap<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode n = root.get(i);
      if (!n.isObject() || !n.path("type").isString()) {
        continue;
      }
      String id = n.path("id").isString() ? n.get("id").asString() : null;
      String typeName = n.get("type").asString();
      RuleType type = RuleCatalog.type(typeName);
      if (type == null) {
        found.put(i, new RulePackException(
            new Location(path, lines.line("/" + i + "/type")),
            id,
            "unknown rule type '" + typeName + "' (zonegate rules list shows the types)"));
        continue;
      }
      JsonNode params = n.get("params");
      if (params != null && params.isObject()) {
        for (String key : params.propertyNames()) {
          if (type.param(key) == null) {
            List<String> known = type.params().stream().map(Param::name).toList();
            found.put(i, new RulePackException(
                new Location(path, lines.line("/" + i + "/params/" + key)),
                id,
                "unknown param '" + key + "' for type " + typeName
                    + (known.isEmpty() ? " (it takes none)" : " (it takes " + String.join(", ", known) + ")")));
            break;
          }
        }
      }
    }
    return found;
  }

  /**
   * Every problem of a pack, not only the first ({@code rules validate}): YAML and shape problems
   * end the reading; after that each rule is checked on its own (names, schema, params, scope,
   * the gate's own rule, its expressions compiled), so one broken rule does not hide another. A CEL
   * error is placed at the line of the expression it is in, not at the rule's first line.
   */
  public static List<RulePackException> problems(String path, byte[] bytes) {
    List<RulePackException> out = new ArrayList<>();
    Listed listed;
    try {
      listed = list(path, bytes);
    } catch (RulePackException e) {
      out.add(e);
      return out;
    }
    if (listed == null) {
      return out;
    }
    JsonNode root = listed.root();
    NodeLines lines = listed.lines();
    Map<Integer, RulePackException> bad = new TreeMap<>(plainProblems(path, root, lines));
    for (Error e : Schemas.validate("rule-pack.schema.json", root)) {
      String pointer = e.getInstanceLocation().toString().replace("$", "");
      String[] parts = pointer.split("/");
      int index = parts.length > 1 && parts[1].matches("\\d+") ? Integer.parseInt(parts[1]) : -1;
      if (!bad.containsKey(index)) {
        bad.put(index, schemaError(path, root, lines, pointer, e, 0));
      }
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode n = root.get(i);
      if (bad.containsKey(i)) {
        // Its id still counts: a later rule with the same id is a second problem, not hidden by this one.
        if (n.isObject() && n.path("id").isString()) {
          ids.add(n.get("id").asString());
        }
        continue;
      }
      if (!n.isObject() || !n.path("id").isString() || !n.path("type").isString()) {
        continue; // the schema has said what is wrong with it
      }
      Location where = new Location(path, lines.line("/" + i));
      String id = n.get("id").asString();
      try {
        if (!ids.add(id)) {
          throw new RulePackException(where, id, "the id is used twice in this pack");
        }
        RuleSet.of(List.of(new RulePack(path, List.of(spec(n, where)))));
      } catch (RulePackException e) {
        bad.put(i, atExpression(e, n, i, lines, path, bytes));
      }
    }
    out.addAll(bad.values());
    return out;
  }

  private static final Pattern CEL_AT =
      Pattern.compile("rule '[^']*': ((when|message)[^:]*: (?:line (\\d+), )?column \\d+: .*)$");

  /**
   * A CEL error says where in the expression it is (line and column of the expression's own
   * text); it is placed at that line of the pack: the {@code when:} or {@code message:} line, and
   * for a block scalar ({@code |} or {@code >}) the lines below it.
   */
  private static RulePackException atExpression(RulePackException e, JsonNode n, int i, NodeLines lines, String path, byte[] bytes) {
    Matcher m = CEL_AT.matcher(e.getMessage());
    if (!m.find()) {
      return e;
    }
    String problem = m.group(1);
    int keyLine = lines.line("/" + i + "/params/" + m.group(2));
    if (keyLine <= 0) {
      return e;
    }
    int exprLine = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
    String[] text = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
    String keyText = keyLine - 1 < text.length ? text[keyLine - 1] : "";
    boolean block = keyText.matches(".*:\\s*[|>][-+0-9]*\\s*(#.*)?$");
    int line = block ? keyLine + exprLine : keyLine + exprLine - 1;
    return new RulePackException(new Location(path, line), n.path("id").asString(null), problem);
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
    String inside = parts.length > 2 ? String.join(".", Arrays.copyOfRange(parts, 2, parts.length)) + ": " : "";
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
   * {@code zone-parse-error} is part of the gate, not a pack rule (docs/configuration.md): a proposed zone that
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
