package dev.zonegate.report;

import java.io.Writer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * The JSON writer of the JSON, codequality and SARIF reports: indented with {@code \n} whatever the
 * platform (Jackson's default indenter uses the system line separator, which would make the bytes
 * differ between Windows and Linux), and leaving the caller's writer open. The reports are
 * streamed token by token, so a plain generator does it: a data-binding mapper, which a run would
 * spend a twentieth of a second building, would only hand out the same generator
 * ({@code ReportJsonTest} holds the bytes to a mapper's).
 */
final class ReportJson {
  private ReportJson() {}

  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  /** A generator writing to {@code out}, indented, that leaves {@code out} open when closed. */
  static JsonGenerator generator(Writer out) {
    return FACTORY.createGenerator(
        new ObjectWriteContext.Base() {
          @Override
          public PrettyPrinter getPrettyPrinter() {
            return new Indented();
          }

          @Override
          public boolean hasPrettyPrinter() {
            return true;
          }
        },
        out);
  }

  /**
   * Jackson's default pretty printer with a {@code \n} and two spaces a level for objects and
   * arrays alike: {@code "name" : value}, a comma ending the line, {@code { }} and {@code [ ]} when
   * empty, a space between root values. Written out because Jackson's own builds its separators by
   * string concatenation, whose first use links an invokedynamic site: 5 ms of every run that
   * writes JSON ({@code ReportJsonTest} holds its bytes to Jackson's).
   */
  static final class Indented implements PrettyPrinter {
    private static final String SPACES = "                                                  ";
    private int nesting;

    private void indent(JsonGenerator g) {
      g.writeRaw('\n');
      for (int left = nesting * 2; left > 0; left -= SPACES.length()) {
        g.writeRaw(SPACES, 0, Math.min(left, SPACES.length()));
      }
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) {
      g.writeRaw(' ');
    }

    @Override
    public void writeStartObject(JsonGenerator g) {
      g.writeRaw('{');
      nesting++;
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) {
      indent(g);
    }

    @Override
    public void writeObjectNameValueSeparator(JsonGenerator g) {
      g.writeRaw(" : ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) {
      g.writeRaw(',');
      indent(g);
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) {
      nesting--;
      if (entries > 0) {
        indent(g);
      } else {
        g.writeRaw(' ');
      }
      g.writeRaw('}');
    }

    @Override
    public void writeStartArray(JsonGenerator g) {
      nesting++;
      g.writeRaw('[');
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) {
      indent(g);
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) {
      g.writeRaw(',');
      indent(g);
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) {
      nesting--;
      if (values > 0) {
        indent(g);
      } else {
        g.writeRaw(' ');
      }
      g.writeRaw(']');
    }
  }
}
