package dev.zonegate.schema;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;

/**
 * A JSON document read into the tree {@code JsonMapper.readTree(bytes)} gives, without building a
 * data-binding mapper (several hundred classes, a tenth of a second of a short run): a provider's
 * API answers are read this way. {@code JsonTreeTest} holds the two to the same trees and the
 * same failures.
 */
public final class JsonTree {
  private static final JsonFactory JSON = new JsonFactory();

  private JsonTree() {}

  /**
   * The document's tree: {@link MissingNode} for no content; a {@code JacksonException} for text
   * that is not JSON, or that goes on after the first value.
   */
  public static JsonNode read(byte[] json) {
    try (JsonParser p = parser(json)) {
      TreeReader r = new TreeReader(JsonNodeFactory.instance, null);
      JsonToken first = r.next(p);
      if (first == null) {
        return MissingNode.getInstance();
      }
      JsonNode n = r.value(p, first, "");
      if (p.nextToken() != null) {
        throw new StreamReadException(p, "trailing token after the document's value");
      }
      return n;
    }
  }

  /**
   * The value at the parser's current token, read to its end, as {@code p.readValueAsTree()} reads
   * it through a mapper: for a parser that has none.
   */
  public static JsonNode value(JsonParser p) {
    return new TreeReader(JsonNodeFactory.instance, null).value(p, p.currentToken(), "");
  }

  /** A parser of {@code json} that needs no mapper: read values with {@link #value}. */
  public static JsonParser parser(byte[] json) {
    return JSON.createParser(ObjectReadContext.empty(), json);
  }
}
