package dev.zonegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
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

  /**
   * The report's printer against Jackson's default one set up as the reports' used to be, on
   * random documents: objects and arrays nested and empty, scalars of every kind, several values
   * at the root, deeper than one run of spaces.
   */
  @Test
  void theReportsPrinterWritesWhatJacksonsDefaultPrinterWrites() {
    Random random = new Random(42);
    DefaultPrettyPrinter jacksons = new DefaultPrettyPrinter().withObjectIndenter(LF).withArrayIndenter(LF);
    JsonFactory factory = new JsonFactory();
    for (int round = 0; round < 500; round++) {
      long seed = random.nextLong();
      StringWriter ours = new StringWriter();
      StringWriter theirs = new StringWriter();
      try (var g = factory.createGenerator(context(new ReportJson.Indented()), ours)) {
        document(g, new Random(seed), round);
      }
      try (var g = factory.createGenerator(context(jacksons.createInstance()), theirs)) {
        document(g, new Random(seed), round);
      }
      assertThat(ours.toString()).as("seed %d", seed).isEqualTo(theirs.toString());
    }
  }

  private static ObjectWriteContext context(PrettyPrinter printer) {
    return new ObjectWriteContext.Base() {
      @Override
      public PrettyPrinter getPrettyPrinter() {
        return printer;
      }

      @Override
      public boolean hasPrettyPrinter() {
        return true;
      }
    };
  }

  /** One to three root values; round 0 nests 40 levels deep (more than one run of spaces). */
  private static void document(JsonGenerator g, Random r, int round) {
    int roots = 1 + r.nextInt(3);
    for (int i = 0; i < roots; i++) {
      if (round == 0) {
        for (int d = 0; d < 40; d++) {
          g.writeStartObject();
          g.writeName("n" + d);
        }
        g.writeStartArray();
        g.writeEndArray();
        for (int d = 0; d < 40; d++) {
          g.writeEndObject();
        }
      } else {
        value(g, r, 0);
      }
    }
  }

  private static void value(JsonGenerator g, Random r, int depth) {
    int kind = depth > 5 ? 2 + r.nextInt(5) : r.nextInt(7);
    switch (kind) {
      case 0 -> {
        g.writeStartObject();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
          g.writeName("k" + i);
          value(g, r, depth + 1);
        }
        g.writeEndObject();
      }
      case 1 -> {
        g.writeStartArray();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
          value(g, r, depth + 1);
        }
        g.writeEndArray();
      }
      case 2 -> g.writeString("s\"<" + r.nextInt(100));
      case 3 -> g.writeNumber(r.nextLong());
      case 4 -> g.writeBoolean(r.nextBoolean());
      case 5 -> g.writeNull();
      default -> g.writeNumber(r.nextInt(1000) / 8.0);
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
    static void replay(String json, JsonGenerator g) {
      try (var p = new JsonFactory().createParser(ObjectReadContext.empty(), json)) {
        while (p.nextToken() != null) {
          g.copyCurrentEvent(p);
        }
      }
    }
  }
}
