package dev.zonegate.zone;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.zonegate.model.Location;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Checks an octoDNS zone document against the shipped JSON Schema ({@code
 * dev/zonegate/schema/octodns-zone.schema.json}) and turns the first violation into one sentence
 * with the record, the field and the line, e.g. {@code 'mx' MX: values[0] is missing "exchange"}.
 * The validator's own messages name JSON paths, which mean little to someone editing YAML.
 */
final class OctoDnsSchema {
  static final String RESOURCE = "/dev/zonegate/schema/octodns-zone.schema.json";

  private OctoDnsSchema() {}

  /** Loaded on first use and shared: building the validator is the slow part. */
  private static final class Holder {
    static final Schema SCHEMA = load();

    private static Schema load() {
      SchemaRegistryConfig config =
          SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
      SchemaRegistry registry =
          SchemaRegistry.withDefaultDialect(
              SpecificationVersion.DRAFT_2020_12, b -> b.schemaRegistryConfig(config));
      try (InputStream in = OctoDnsSchema.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + RESOURCE);
        }
        return registry.getSchema(in);
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + RESOURCE, e);
      }
    }
  }

  static void check(OctoDnsYaml.Doc doc, String path) throws ZoneReadException {
    List<Error> errors = new ArrayList<>(Holder.SCHEMA.validate(doc.root()));
    if (errors.isEmpty()) {
      return;
    }
    errors.sort(Comparator.comparingInt((Error e) -> doc.line(pointer(e.getInstanceLocation()))));
    Error first = errors.get(0);
    String more =
        errors.size() == 1
            ? ""
            : " (and " + (errors.size() - 1) + " more problem" + (errors.size() > 2 ? "s" : "") + ")";
    throw new ZoneReadException(
        new Location(path, doc.line(pointer(first.getInstanceLocation()))),
        describe(first, doc.root()) + more);
  }

  /** The instance location in the {@link OctoDnsYaml} path form. */
  static String pointer(NodePath at) {
    String p = "";
    for (int i = 0; i < at.getNameCount(); i++) {
      Object el = at.getElement(i);
      p = el instanceof Integer ? OctoDnsYaml.child(p, (Integer) el) : OctoDnsYaml.child(p, String.valueOf(el));
    }
    return p;
  }

  private static String describe(Error e, JsonNode root) {
    NodePath at = e.getInstanceLocation();
    List<Object> path = new ArrayList<>();
    for (int i = 0; i < at.getNameCount(); i++) {
      path.add(at.getElement(i));
    }
    if (path.isEmpty()) {
      return "the document must be a map of names to records";
    }
    String name = String.valueOf(path.get(0));
    JsonNode record = root.get(name);
    int rest = 1;
    if (record != null && record.isArray() && path.size() > 1 && path.get(1) instanceof Integer) {
      record = record.get((Integer) path.get(1));
      rest = 2;
    }
    String type =
        record != null && record.isObject() && record.path("type").isString()
            ? record.get("type").asString()
            : null;
    String prefix = "'" + name + "'" + (type == null ? "" : " " + type) + ": ";
    String field = field(path.subList(rest, path.size()));
    JsonNode instance = e.getInstanceNode();
    JsonNode rule = e.getSchemaNode();
    String subject = field.isEmpty() ? "the record" : field;
    switch (e.getKeyword()) {
      case "required":
        {
          String missing = e.getProperty() != null ? e.getProperty() : arg(e, 0);
          if (field.isEmpty() && missing.equals("value")) {
            if (type != null && OctoDnsValues.SINGLE_VALUE.contains(type)) {
              return prefix + "the record has no \"value\" (" + type + " takes exactly one value)";
            }
            return prefix + "the record has no \"value\" or \"values\"";
          }
          return prefix + subject + " is missing \"" + missing + "\"";
        }
      case "enum":
      case "const":
        if (field.equals("type")) {
          return prefix
              + "unknown type "
              + OctoDnsValues.show(instance)
              + " (octoDNS supports "
              + String.join(", ", new java.util.TreeSet<>(OctoDnsValues.TYPES))
              + ")";
        }
        return prefix + subject + " " + OctoDnsValues.show(instance) + " must be one of " + rule;
      case "type":
        return prefix
            + (field.isEmpty() && instance != null && !instance.isObject()
                ? "a record must be a map with \"type\" and \"value\"/\"values\", not "
                    + OctoDnsValues.show(instance)
                : subject + " must be " + article(rule) + ", not " + OctoDnsValues.show(instance));
      case "minimum":
      case "exclusiveMinimum":
        return prefix + subject + " " + instance + " is below the minimum " + rule;
      case "maximum":
      case "exclusiveMaximum":
        return prefix + subject + " " + instance + " is above the maximum " + rule;
      case "format":
        return prefix
            + subject
            + " "
            + OctoDnsValues.show(instance)
            + " is not a valid "
            + (rule.asString().equals("ipv6") ? "IPv6" : rule.asString().equals("ipv4") ? "IPv4" : rule.asString())
            + " address";
      case "pattern":
        {
          String where = e.getSchemaLocation().toString();
          if (where.contains("/fqdn/") || where.contains("/target/")) {
            String v = instance == null ? "" : instance.asString();
            return prefix
                + subject
                + " "
                + OctoDnsValues.show(instance)
                + (v.equals(".") ? " is not allowed here" : " missing trailing . (names in values must be absolute)");
          }
          return prefix + subject + " " + OctoDnsValues.show(instance) + " does not match " + rule;
        }
      case "minItems":
        return prefix + subject + " is an empty list";
      case "minLength":
        return prefix + subject + " is empty";
      default:
        return prefix + subject + ": " + stripPath(e.getMessage());
    }
  }

  /** {@code values[1].port}: how the field reads in the YAML, relative to the record. */
  private static String field(List<Object> rest) {
    StringBuilder out = new StringBuilder();
    for (Object o : rest) {
      if (o instanceof Integer) {
        out.append('[').append(o).append(']');
      } else {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(o);
      }
    }
    return out.toString();
  }

  private static String article(JsonNode types) {
    List<String> words = new ArrayList<>();
    if (types.isArray()) {
      types.forEach(t -> words.add(typeWord(t.asString())));
    } else {
      words.add(typeWord(types.asString()));
    }
    return String.join(" or ", words);
  }

  private static String typeWord(String t) {
    switch (t) {
      case "integer":
        return "an integer";
      case "object":
        return "a map";
      case "array":
        return "a list";
      default:
        return "a " + t;
    }
  }

  private static String arg(Error e, int i) {
    Object[] args = e.getArguments();
    return args != null && args.length > i ? String.valueOf(args[i]) : "?";
  }

  /** networknt prefixes messages with the instance path; ours already names the field. */
  private static String stripPath(String message) {
    return OctoDnsYaml.oneLine(message.replaceFirst("^\\S+:\\s+", ""));
  }
}
