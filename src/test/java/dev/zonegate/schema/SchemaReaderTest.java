package dev.zonegate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.serialization.BasicNodeReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * {@link SchemaReader} against the validator's own reader: the same schema trees, strings that
 * print as Jackson's print, and the same errors for every config and rule pack the project holds.
 */
class SchemaReaderTest {
  static final List<String> SCHEMAS =
      List.of("zonegate-config.schema.json", "rule-pack.schema.json", "route53-zone.schema.json", "report.schema.json");

  @Test
  void readsEveryShippedSchemaAsTheValidatorsOwnReaderDoes() throws IOException {
    for (String name : SCHEMAS) {
      String text = new String(resource(name).readAllBytes(), StandardCharsets.UTF_8);
      JsonNode theirs = BasicNodeReader.getInstance().readSchema(text, InputFormat.JSON);
      JsonNode ours = SchemaReader.INSTANCE.readSchema(text, InputFormat.JSON);
      assertThat(ours).as(name).isEqualTo(theirs);
      assertThat(ours.toString()).as(name).isEqualTo(theirs.toString());
    }
  }

  @Test
  void stringsPrintAsJacksonPrintsThem() {
    for (String s : List.of("", "plain", "quote \" and back\\slash", "tab\there\nnewline\r", "\u0000\u001f\u007f",
        "é ü 日本 😀", "</script>", "\u2028\u2029", "a/b")) {
      assertThat(new SchemaReader.JsonText(s).toString()).as(s).isEqualTo(JsonNodeFactory.instance.stringNode(s).toString());
      assertThat(new SchemaReader.JsonText(s)).isEqualTo(JsonNodeFactory.instance.stringNode(s));
    }
  }

  /** Every YAML document here, against every shipped schema it could be: the same errors both ways. */
  @Test
  void validatesEveryDocumentAsWithTheValidatorsOwnReader() throws IOException {
    List<Path> docs = new ArrayList<>();
    for (Path root : List.of(Path.of("testdata"), Path.of("rules"), Path.of("src/test/resources"), Path.of("docs"))) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> walk = Files.walk(root)) {
          walk.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().forEach(docs::add);
        }
      }
    }
    int errors = 0;
    for (String name : List.of("zonegate-config.schema.json", "rule-pack.schema.json")) {
      Schema theirs = theirRegistry().getSchema(SchemaLocation.of("classpath:dev/zonegate/schema/" + name));
      Schema ours = Schemas.get(name);
      for (Path doc : docs) {
        JsonNode root;
        try {
          root = YamlTree.read(Files.readAllBytes(doc)).root();
        } catch (RuntimeException notYaml) {
          continue;
        }
        List<String> expected = describe(theirs.validate(root));
        assertThat(describe(ours.validate(root))).as(doc + " against " + name).isEqualTo(expected);
        errors += expected.size();
      }
    }
    assertThat(docs).hasSizeGreaterThan(100);
    assertThat(errors).as("documents that break a schema, so its messages are compared too").isGreaterThan(100);
  }

  /** A registry as {@link Schemas} makes one, with the validator's own reader. */
  private static SchemaRegistry theirRegistry() {
    SchemaRegistryConfig config = SchemaRegistryConfig.builder().locale(Locale.ENGLISH).build();
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemaRegistryConfig(config));
  }

  private static List<String> describe(List<Error> errors) {
    List<String> out = new ArrayList<>();
    for (Error e : errors) {
      out.add(e.getKeyword() + " " + e.getInstanceLocation() + " " + e.getMessage() + " " + e.getProperty());
    }
    return out;
  }

  private static InputStream resource(String name) {
    return SchemaReaderTest.class.getClassLoader().getResourceAsStream("dev/zonegate/schema/" + name);
  }
}
