package dev.zonegate.config;

import com.networknt.schema.Error;
import dev.zonegate.schema.Schemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The schema pass over a {@code zonegate.yaml}: {@code zonegate-config.schema.json}, with the
 * first error said at the line to edit, naming the zone and the dotted key
 * ({@code zone 'example.com.': live.axfr.port: ...}).
 */
final class ConfigSchema {
  private static final String SCHEMA = "zonegate-config.schema.json";
  private static final Map<String, List<String>> NESTED_KEYS =
      Map.of(
          "axfr", List.of("server", "port", "tsig", "timeout"),
          "query", List.of("servers", "tsig", "timeout"),
          "tsig", List.of("name", "algorithm", "secretEnv"));

  private ConfigSchema() {}

  static void check(ConfigDoc doc) throws ConfigException {
    List<Error> errors = Schemas.validate(SCHEMA, doc.root);
    if (errors.isEmpty()) {
      return;
    }
    Error e = errors.get(0);
    String pointer = e.getInstanceLocation().toString().replace("$", "");
    String problem = problem(e, pointer);
    // For a key the schema does not allow, point at the key, not at the map holding it.
    if (e.getProperty() != null && "additionalProperties".equals(e.getKeyword())) {
      pointer = pointer + ConfigDoc.segment(e.getProperty());
    }
    String inside = dotted(e.getInstanceLocation().toString().replace("$", ""));
    int more = errors.size() - 1;
    throw doc.error(
        pointer,
        zoneOf(doc, pointer)
            + (inside.isEmpty() ? "" : inside + ": ")
            + problem
            + (more > 0 ? " (and " + more + " more problem" + (more == 1 ? ")" : "s)") : ""));
  }

  /**
   * The validator's words where they are plain enough; in YAML's words (map, list) and the user's
   * where they are not: an unknown key with the keys allowed, a value outside an enum with the
   * choices, the two patterns people trip on.
   */
  private static String problem(Error e, String pointer) {
    String keyword = String.valueOf(e.getKeyword());
    String last = pointer.substring(pointer.lastIndexOf('/') + 1);
    JsonNode value = e.getInstanceNode();
    switch (keyword) {
      case "additionalProperties" -> {
        List<String> known = NESTED_KEYS.get(last);
        return "unknown key '" + e.getProperty() + "'"
            + (known == null ? "" : " (" + last + " takes " + String.join(", ", known) + ")");
      }
      case "enum" -> {
        List<String> choices = new ArrayList<>();
        e.getSchemaNode().forEach(c -> choices.add(c.asString()));
        return "'" + (value == null ? "" : value.asString("")) + "' is not one of " + String.join(", ", choices);
      }
      case "pattern" -> {
        String v = value == null ? "" : value.asString("");
        if (last.equals("secretEnv")) {
          return "'" + v + "' is not an environment variable name (capitals, digits and _, as in ZONEGATE_TSIG)";
        }
        if (last.equals("server")) {
          return "'" + v + "' is not a host name or address (the port goes in port:)";
        }
        return "'" + v + "' " + Schemas.message(e);
      }
      default -> {
        return Schemas.message(e)
            .replace("object found", "map found")
            .replace("object expected", "map expected")
            .replace("array found", "list found")
            .replace("array expected", "list expected");
      }
    }
  }

  /** {@code /zones/0/live/axfr/port} as {@code live.axfr.port}; the zone is named separately. */
  private static String dotted(String pointer) {
    String p = pointer.replaceFirst("^/zones/\\d+", "");
    return p.isEmpty() ? "" : p.substring(1).replace('/', '.').replace("~1", "/").replace("~0", "~");
  }

  /** {@code zone 'example.com.': } when the pointer is inside a zone entry, else nothing. */
  static String zoneOf(ConfigDoc doc, String pointer) {
    Matcher m = Pattern.compile("^/zones/(\\d+)").matcher(pointer);
    if (!m.find() || !doc.root.path("zones").isArray()) {
      return "";
    }
    int i = Integer.parseInt(m.group(1));
    JsonNode z = doc.root.get("zones").get(i);
    return z == null ? "" : zoneLabel(z, i);
  }

  static String zoneLabel(JsonNode zone, int index) {
    JsonNode name = zone.path("name");
    return name.isString() ? "zone '" + name.asString() + "': " : "zone #" + (index + 1) + ": ";
  }
}
