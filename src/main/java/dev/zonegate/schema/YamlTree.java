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
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.dataformat.yaml.YAMLFactory;

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

  /** The document's root (a missing node when it holds nothing) and the lines of its nodes. */
  public record Document(JsonNode root, NodeLines lines) {}

  private YamlTree() {}

  /** The parser's own {@link JacksonException} (with its location) when the YAML is not valid. */
  public static Document read(byte[] bytes) {
    Map<String, Integer> lines = new HashMap<>();
    TreeReader r = new TreeReader(JsonNodeFactory.instance, lines);
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), bytes)) {
      JsonToken first = r.next(p);
      if (first == null) {
        return new Document(MissingNode.getInstance(), new NodeLines(lines, r.alias()));
      }
      JsonNode root = r.value(p, first, "");
      JsonToken trailing = r.next(p);
      if (trailing != null) {
        throw new StreamReadException(p, "a second YAML document follows the first; the file holds one");
      }
      return new Document(root, new NodeLines(lines, r.alias()));
    }
  }
}
