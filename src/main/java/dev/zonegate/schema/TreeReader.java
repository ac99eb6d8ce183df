package dev.zonegate.schema;

import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * A Jackson tree built from a parser's tokens the way {@code ObjectMapper.readTree} builds it
 * (the same node for each kind of scalar), with no mapper: for a YAML document it can also record
 * the line of every node by JSON Pointer and the line of the first alias.
 */
final class TreeReader {
  private final JsonNodeFactory nodes;
  private final Map<String, Integer> lines;
  private int alias;

  /** {@code lines} null: no lines are recorded. */
  TreeReader(JsonNodeFactory nodes, Map<String, Integer> lines) {
    this.nodes = nodes;
    this.lines = lines;
  }

  /** The line of the first alias ({@code *name}) seen, or 0. */
  int alias() {
    return alias;
  }

  JsonToken next(JsonParser p) {
    JsonToken t = p.nextToken();
    if (alias == 0 && t != null && p instanceof YAMLParser y && y.isCurrentAlias()) {
      alias = Math.max(1, p.currentTokenLocation().getLineNr());
    }
    return t;
  }

  /** The value whose first token is {@code t}, at JSON Pointer {@code at}. */
  JsonNode value(JsonParser p, JsonToken t, String at) {
    if (lines != null) {
      lines.putIfAbsent(at, p.currentTokenLocation().getLineNr());
    }
    switch (t) {
      case START_OBJECT -> {
        ObjectNode o = nodes.objectNode();
        for (JsonToken k = next(p); k != JsonToken.END_OBJECT; k = next(p)) {
          String name = p.currentName();
          o.set(name, value(p, next(p), lines == null ? at : at + "/" + name.replace("~", "~0").replace("/", "~1")));
        }
        return o;
      }
      case START_ARRAY -> {
        ArrayNode a = nodes.arrayNode();
        for (JsonToken k = next(p); k != JsonToken.END_ARRAY; k = next(p)) {
          a.add(value(p, k, lines == null ? at : at + "/" + a.size()));
        }
        return a;
      }
      case VALUE_STRING -> {
        return nodes.stringNode(p.getString());
      }
      case VALUE_NUMBER_INT -> {
        return switch (p.getNumberType()) {
          case INT -> nodes.numberNode(p.getIntValue());
          case LONG -> nodes.numberNode(p.getLongValue());
          default -> nodes.numberNode(p.getBigIntegerValue());
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        return switch (p.getNumberType()) {
          case BIG_DECIMAL -> nodes.numberNode(p.getDecimalValue());
          case FLOAT -> nodes.numberNode(p.getFloatValue());
          default -> nodes.numberNode(p.getDoubleValue());
        };
      }
      case VALUE_TRUE -> {
        return nodes.booleanNode(true);
      }
      case VALUE_FALSE -> {
        return nodes.booleanNode(false);
      }
      case VALUE_NULL -> {
        return nodes.nullNode();
      }
      case VALUE_EMBEDDED_OBJECT -> {
        Object o = p.getEmbeddedObject();
        return o == null ? nodes.nullNode() : o instanceof byte[] b ? nodes.binaryNode(b) : nodes.pojoNode(o);
      }
      default -> throw new StreamReadException(p, "unexpected " + t + " in a document");
    }
  }
}
