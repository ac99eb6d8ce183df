package dev.zonegate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * API answers are read without a mapper: each document gives the tree, or the failure, that
 * {@code JsonMapper.readTree} gives; each value read from a parser is what
 * {@code readValueAsTree} reads through a mapper.
 */
class JsonTreeTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private static List<byte[]> documents() throws Exception {
    List<byte[]> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("testdata"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        out.add(Files.readAllBytes(p));
      }
    }
    for (String s : List.of("", "  \n", "{}", "[]", "null", "true", "12", "-0", "1.5", "1e400", "-1E-400",
        "12345678901234567890123", "123456789012", "{\"a\":1,\"a\":2}", "{\"a\":{\"b\":[1,2,{\"c\":null}]}}",
        "{\"s\":\"\\u00e9\\ud83d\\ude00\\n\"}", "\"text\"", "{} {}", "{} x", "{", "{\"a\":}", "[1,]", "{\"a\" 1}",
        "nul", "{\"a\":1}\n", "\ufeff{\"a\":1}", "[1.0, 2.50, 3e2, -4.5E-3]")) {
      out.add(s.getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }

  /** A reader's tree of a document, or null when it fails on it. */
  private static JsonNode treeOrNull(Function<byte[], JsonNode> reader, byte[] doc) {
    try {
      return reader.apply(doc);
    } catch (JacksonException e) {
      return null;
    }
  }

  @Test
  void aDocumentIsTheTreeOrTheFailureTheMapperGives() throws Exception {
    for (byte[] doc : documents()) {
      String shown = new String(doc, 0, Math.min(doc.length, 60), StandardCharsets.UTF_8);
      JsonNode want = treeOrNull(MAPPER::readTree, doc);
      JsonNode got = treeOrNull(JsonTree::read, doc);
      assertThat(got == null).as("fails: %s", shown).isEqualTo(want == null);
      if (want != null) {
        assertThat(got).as("tree of %s", shown).isEqualTo(want);
        assertThat(got.getClass()).as("node of %s", shown).isEqualTo(want.getClass());
        assertThat(got.toString()).as("text of %s", shown).isEqualTo(want.toString());
      }
    }
  }

  @Test
  void aValueReadFromAParserIsWhatTheMapperReads() throws Exception {
    // As a provider listing is read: the sets of an array, one value at a time.
    byte[] doc = ("{\"rrsets\":[{\"name\":\"a.\",\"type\":\"A\",\"records\":[{\"content\":\"192.0.2.1\",\"disabled\":false}],"
        + "\"ttl\":300},{\"name\":\"b.\",\"ttl\":1.5e3,\"comments\":[],\"x\":{\"y\":[null,true,12345678901234567890]}}]}")
        .getBytes(StandardCharsets.UTF_8);
    List<JsonNode> got = sets(JsonTree.parser(doc), JsonTree::value);
    List<JsonNode> want = sets(MAPPER.createParser(doc), JsonParser::readValueAsTree);
    assertThat(got).hasSize(2).isEqualTo(want);
    assertThat(got.toString()).isEqualTo(want.toString());
  }

  /** The objects of the array that is the first property of the document, each read by {@code read}. */
  private static List<JsonNode> sets(JsonParser parser, Function<JsonParser, JsonNode> read) {
    List<JsonNode> out = new ArrayList<>();
    try (JsonParser p = parser) {
      p.nextToken(); // the document's object
      p.nextToken(); // its first property
      p.nextToken(); // that property's array
      while (p.nextToken() == JsonToken.START_OBJECT) {
        out.add(read.apply(p));
      }
    }
    return out;
  }
}
