package dev.zonegate.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * {@link YamlTree} against what it replaces: {@code YAMLMapper.readTree} (with duplicate keys
 * refused) for the tree, node class for node class, and a streaming pass of its own (the line map
 * zonegate used before) for the lines and the first alias. Every YAML file the project holds is read both ways, and documents written to
 * find the corners: number forms, tags, binary, nulls, empty documents, aliases, errors.
 */
class YamlTreeTest {
  private static final YAMLMapper MAPPER =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  static final List<String> DOCUMENTS = List.of(
      "", "# only a comment\n", "---\n", "...\n", "null\n", "~\n", "x\n", "42\n", "[]\n", "{}\n",
      "a: 0x1F\nb: 1_000\nc: 1.5\nd: .nan\ne: 12345678901\nf: 123456789012345678901234\ng: ~\nh: yes\n"
          + "i: !!binary aGVsbG8=\nj: 1e400\nk: !!float 3\nl: 007\nm: +12\nn: -0\no: 0o17\np: -.inf\nq: 2147483648\n"
          + "r: -2147483649\ns: 9223372036854775808\nt: 1.0e-400\nu: !!str 12\nv: !!int '7'\nw: 0.1\nx: true\ny: False\nz: NULL\n",
      "- 1\n- [a, {b: c}]\n- {}\n- []\n- - nested\n  - list\n",
      "zones:\n  - name: example.com.\n    file: zones/example.com.zone\n    live: {axfr: {server: 192.0.2.1, port: 53}}\n",
      "key/with/slash: 1\n'til~de': {inner/x: [1, 2]}\n\"\": empty key\n",
      "base: &b {x: 1}\nother: *b\n",
      "list:\n  - &a one\n  - *a\n",
      "a: 1\na: 2\n",
      "a: 1\n---\nb: 2\n",
      "x\n---\ny\n",
      "a: [1, 2\n",
      "a: b: c\n",
      "\t- tab\n",
      "a: 'unterminated\n",
      "? complex key\n: value\n",
      "multi: |\n  line one\n  line two\nfolded: >\n  folded\n  text\n",
      "%YAML 1.2\n---\na: 1\n",
      "a: !custom tagged\n",
      "a: 1 # comment\n# trailing comment\n");

  @Test
  void readsEveryCraftedDocumentAsReadTreeAndNodeLinesDo() {
    for (String d : DOCUMENTS) {
      agree(d, d.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void readsEveryYamlFileOfTheProjectAsReadTreeAndNodeLinesDo() throws IOException {
    List<Path> roots = new ArrayList<>(List.of(Path.of("testdata"), Path.of("rules"), Path.of("src/test/resources"), Path.of("docs")));
    Path corpus = Path.of("../shared/corpus");
    if (Files.isDirectory(corpus)) {
      roots.add(corpus);
    }
    int files = 0;
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : walk.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList()) {
          agree(p.toString(), Files.readAllBytes(p));
          files++;
        }
      }
    }
    assertThat(files).isGreaterThan(100);
  }

  @Test
  void aSecondDocumentIsRefusedAtItsLine() {
    assertThatThrownBy(() -> YamlTree.read("a: 1\n---\nb: 2\n".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(JacksonException.class)
        .hasMessageContaining("a second YAML document follows the first")
        .satisfies(e -> assertThat(((JacksonException) e).getLocation().getLineNr()).isEqualTo(3));
  }

  private static void agree(String name, byte[] bytes) {
    JsonNode expected;
    JacksonException expectedError = null;
    try {
      expected = MAPPER.readTree(bytes);
    } catch (JacksonException e) {
      expected = null;
      expectedError = e;
    }
    YamlTree.Document actual;
    try {
      actual = YamlTree.read(bytes);
    } catch (JacksonException e) {
      assertThat(expectedError).as(name + ": YamlTree refused what readTree read: " + e.getOriginalMessage()).isNotNull();
      assertThat(e.getLocation().getLineNr()).as(name + ": the line of the error").isEqualTo(expectedError.getLocation().getLineNr());
      if (!expectedError.getOriginalMessage().startsWith("Trailing token")) {
        assertThat(e.getOriginalMessage()).as(name).isEqualTo(expectedError.getOriginalMessage());
      }
      return;
    }
    assertThat(expectedError).as(name + ": readTree refused what YamlTree read").isNull();
    sameTree(name, "", expected, actual.root());
    NodeLines old = linesByAStreamingPass(bytes);
    assertThat(actual.lines().firstAlias()).as(name + ": first alias").isEqualTo(old.firstAlias());
    for (String pointer : pointers(expected, "", new ArrayList<>())) {
      assertThat(actual.lines().line(pointer)).as(name + ": line of " + pointer).isEqualTo(old.line(pointer));
    }
  }

  private static void sameTree(String name, String at, JsonNode expected, JsonNode actual) {
    assertThat(actual.getClass()).as(name + " at '" + at + "'").isEqualTo(expected.getClass());
    assertThat(actual).as(name + " at '" + at + "'").isEqualTo(expected);
    if (expected.isObject()) {
      assertThat(List.copyOf(actual.propertyNames())).as(name + " key order at '" + at + "'").isEqualTo(List.copyOf(expected.propertyNames()));
      for (Map.Entry<String, JsonNode> e : expected.properties()) {
        sameTree(name, at + "/" + e.getKey(), e.getValue(), actual.get(e.getKey()));
      }
    } else if (expected.isArray()) {
      Iterator<JsonNode> a = actual.iterator();
      int i = 0;
      for (JsonNode e : expected) {
        sameTree(name, at + "/" + i++, e, a.next());
      }
    }
  }

  private static List<String> pointers(JsonNode n, String at, List<String> out) {
    out.add(at);
    if (n.isObject()) {
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        pointers(e.getValue(), at + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), out);
      }
    } else if (n.isArray()) {
      int i = 0;
      for (JsonNode e : n) {
        pointers(e, at + "/" + i++, out);
      }
    }
    return out;
  }

  /** The lines and first alias as zonegate mapped them before, in a pass of their own. */
  private static NodeLines linesByAStreamingPass(byte[] document) {
    Map<String, Integer> lines = new HashMap<>();
    Deque<String[]> open = new ArrayDeque<>(); // {pointer, "array"/"object", next index}
    int alias = 0;
    try (JsonParser p = MAPPER.tokenStreamFactory().createParser(document)) {
      JsonToken t;
      String name = null;
      while ((t = p.nextToken()) != null) {
        if (alias == 0 && ((YAMLParser) p).isCurrentAlias()) {
          alias = Math.max(1, p.currentTokenLocation().getLineNr());
        }
        if (t == JsonToken.PROPERTY_NAME) {
          name = p.currentName();
          continue;
        }
        if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          open.pop();
          continue;
        }
        String[] parent = open.peek();
        String here;
        if (parent == null) {
          here = "";
        } else if (parent[1].equals("array")) {
          here = parent[0] + "/" + parent[2];
          parent[2] = String.valueOf(Integer.parseInt(parent[2]) + 1);
        } else {
          here = parent[0] + "/" + name.replace("~", "~0").replace("/", "~1");
        }
        lines.putIfAbsent(here, (int) p.currentTokenLocation().getLineNr());
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          open.push(new String[] {here, t == JsonToken.START_ARRAY ? "array" : "object", "0"});
        }
      }
    } catch (RuntimeException e) {
      // Syntax errors were for the tree to report; keep what was mapped.
    }
    return new NodeLines(lines, alias);
  }
}
