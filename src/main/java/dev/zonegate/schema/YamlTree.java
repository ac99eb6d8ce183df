package dev.zonegate.schema;

import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * A YAML document (a config file, a rule pack) read into a Jackson tree and the line of each node,
 * in one pass of Jackson's YAML parser. It builds the tree {@code YAMLMapper.readTree} builds,
 * node type for node type ({@code YamlTreeTest} holds the two together), without a mapper: making
 * one sets up all of Jackson's data binding, which took a fifth of a pre-push hook's time, for a
 * tree that needs none of it. Duplicate keys are errors (YAML would keep the last, hiding half an
 * edit); a second document after the first is refused, as {@code readTree} refuses it.
 */
public final class YamlTree {
  private static final YAMLFactory FACTORY =
      YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The document's root (a missing node when it holds nothing) and the lines of its nodes. */
  public record Document(JsonNode root, NodeLines lines) {}

  private YamlTree() {}

  /** The parser's own {@link JacksonException} (with its location) when the YAML is not valid. */
  public static Document read(byte[] bytes) {
    Map<String, Integer> lines = new HashMap<>();
    Reader r = new Reader(lines);
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), bytes)) {
      JsonToken first = r.next(p);
      if (first == null) {
        return new Document(MissingNode.getInstance(), new NodeLines(lines, r.alias));
      }
      JsonNode root = r.value(p, first, "");
      JsonToken trailing = r.next(p);
      if (trailing != null) {
        throw new StreamReadException(p, "a second YAML document follows the first; the file holds one");
      }
      return new Document(root, new NodeLines(lines, r.alias));
    }
  }

  /** One pass: nodes built, lines recorded, the first alias noted. */
  private static final class Reader {
    final Map<String, Integer> lines;
    int alias;

    Reader(Map<String, Integer> lines) {
      this.lines = lines;
    }

    JsonToken next(JsonParser p) {
      JsonToken t = p.nextToken();
      if (alias == 0 && t != null && ((YAMLParser) p).isCurrentAlias()) {
        alias = Math.max(1, p.currentTokenLocation().getLineNr());
      }
      return t;
    }

    /** The value whose first token is {@code t}, at JSON Pointer {@code at}. */
    JsonNode value(JsonParser p, JsonToken t, String at) {
      lines.putIfAbsent(at, p.currentTokenLocation().getLineNr());
      switch (t) {
        case START_OBJECT -> {
          ObjectNode o = NODES.objectNode();
          for (JsonToken k = next(p); k != JsonToken.END_OBJECT; k = next(p)) {
            String name = p.currentName();
            o.set(name, value(p, next(p), at + "/" + name.replace("~", "~0").replace("/", "~1")));
          }
          return o;
        }
        case START_ARRAY -> {
          ArrayNode a = NODES.arrayNode();
          for (JsonToken k = next(p); k != JsonToken.END_ARRAY; k = next(p)) {
            a.add(value(p, k, at + "/" + a.size()));
          }
          return a;
        }
        case VALUE_STRING -> {
          return NODES.stringNode(p.getString());
        }
        case VALUE_NUMBER_INT -> {
          return switch (p.getNumberType()) {
            case INT -> NODES.numberNode(p.getIntValue());
            case LONG -> NODES.numberNode(p.getLongValue());
            default -> NODES.numberNode(p.getBigIntegerValue());
          };
        }
        case VALUE_NUMBER_FLOAT -> {
          return switch (p.getNumberType()) {
            case BIG_DECIMAL -> NODES.numberNode(p.getDecimalValue());
            case FLOAT -> NODES.numberNode(p.getFloatValue());
            default -> NODES.numberNode(p.getDoubleValue());
          };
        }
        case VALUE_TRUE -> {
          return NODES.booleanNode(true);
        }
        case VALUE_FALSE -> {
          return NODES.booleanNode(false);
        }
        case VALUE_NULL -> {
          return NODES.nullNode();
        }
        case VALUE_EMBEDDED_OBJECT -> {
          Object o = p.getEmbeddedObject();
          return o == null ? NODES.nullNode() : o instanceof byte[] b ? NODES.binaryNode(b) : NODES.pojoNode(o);
        }
        default -> throw new StreamReadException(p, "unexpected " + t + " in a YAML document");
      }
    }
  }
}
