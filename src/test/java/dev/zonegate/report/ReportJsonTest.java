package dev.zonegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON reports are written by a plain generator; a generator from a data-binding mapper set up
 * as the reports' was (indented with LF, the writer left open) writes the same bytes.
 */
class ReportJsonTest {
  private static final DefaultIndenter LF = new DefaultIndenter("  ", "\n");
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .defaultPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(LF).withArrayIndenter(LF))
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .build();

  @Test
  void everyJsonFormatWritesTheBytesAMappersGeneratorWrites() throws IOException {
    for (Report report : List.of(MachineFormatsFixture.report(), MachineFormatsFixture.hostile())) {
      for (Renderer r : List.of(new JsonRenderer(), new SarifRenderer(), new CodeQualityRenderer())) {
        String ours = MachineFormatsFixture.render(r, report);
        StringWriter theirs = new StringWriter();
        try (var g = MAPPER.createGenerator(theirs)) {
          // The same token stream, into a mapper's generator.
          ReplayingWriter.replay(ours, g);
        }
        // The renderers end the file with a newline after the JSON value.
        assertThat(ours).as(r.format()).isEqualTo(theirs + "\n").contains("\n  ");
      }
    }
  }

  @Test
  void theWriterIsLeftOpen() throws IOException {
    Writer out = new StringWriter() {
      @Override
      public void close() {
        throw new AssertionError("the report's writer was closed");
      }
    };
    new JsonRenderer().render(MachineFormatsFixture.report(), out);
    assertThat(out.toString()).startsWith("{\n  \"schemaVersion\"");
  }

  /** Copies a JSON document token by token into a generator. */
  static final class ReplayingWriter {
    static void replay(String json, tools.jackson.core.JsonGenerator g) {
      try (var p = new tools.jackson.core.json.JsonFactory().createParser(tools.jackson.core.ObjectReadContext.empty(), json)) {
        while (p.nextToken() != null) {
          g.copyCurrentEvent(p);
        }
      }
    }
  }
}
