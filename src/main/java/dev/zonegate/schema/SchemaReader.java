package dev.zonegate.schema;

import com.networknt.schema.InputFormat;
import com.networknt.schema.serialization.NodeReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.StringNode;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * How the validator reads the schemas shipped in the jar: Jackson's streaming parser into a tree
 * ({@link TreeReader}) whose strings print themselves as JSON, as Jackson's own string nodes do
 * through a whole data-binding mapper. The validator prints every enum of a schema while loading
 * it (for its error message), so with Jackson's nodes, loading the config schema set up that
 * mapper: a tenth of a second of a short run, for a few strings. {@code SchemasTest} holds the
 * trees to the validator's own reader, every string's text to Jackson's, and the validation of
 * every config and rule pack the project holds to what the validator's own reader gives.
 */
final class SchemaReader implements NodeReader {
  static final SchemaReader INSTANCE = new SchemaReader();

  private static final TokenStreamFactory JSON = new JsonFactory();
  private static final TokenStreamFactory YAML = new YAMLFactory();
  private static final JsonNodeFactory NODES = new JsonNodeFactory() {
    private static final long serialVersionUID = 1L;

    @Override
    public StringNode stringNode(String text) {
      return text == null ? null : new JsonText(text);
    }
  };

  private SchemaReader() {}

  /** A string node that prints as Jackson prints one, quoted and escaped, without a mapper. */
  static final class JsonText extends StringNode {
    private static final long serialVersionUID = 1L;

    JsonText(String text) {
      super(text);
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder(_value.length() + 2).append('"');
      JsonStringEncoder.getInstance().quoteAsString(_value, sb);
      return sb.append('"').toString();
    }
  }

  @Override
  public JsonNode readTree(String content, InputFormat format) {
    return read(content.getBytes(StandardCharsets.UTF_8), format);
  }

  @Override
  public JsonNode readTree(InputStream content, InputFormat format) {
    try {
      return read(content.readAllBytes(), format);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public JsonNode readSchema(String content, InputFormat format) {
    return readTree(content, format);
  }

  @Override
  public JsonNode readSchema(InputStream content, InputFormat format) {
    return readTree(content, format);
  }

  private static JsonNode read(byte[] bytes, InputFormat format) {
    TokenStreamFactory factory = format == InputFormat.YAML ? YAML : JSON;
    try (JsonParser p = factory.createParser(ObjectReadContext.empty(), bytes)) {
      TreeReader r = new TreeReader(NODES, null);
      JsonToken first = r.next(p);
      return first == null ? MissingNode.getInstance() : r.value(p, first, "");
    }
  }
}
