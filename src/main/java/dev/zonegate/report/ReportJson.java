package dev.zonegate.report;

import java.io.Writer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;

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

  private static final DefaultIndenter LF = new DefaultIndenter("  ", "\n");
  private static final DefaultPrettyPrinter PRINTER =
      new DefaultPrettyPrinter().withObjectIndenter(LF).withArrayIndenter(LF);
  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  /** A generator writing to {@code out}, indented, that leaves {@code out} open when closed. */
  static JsonGenerator generator(Writer out) {
    return FACTORY.createGenerator(
        new ObjectWriteContext.Base() {
          @Override
          public PrettyPrinter getPrettyPrinter() {
            return PRINTER.createInstance();
          }

          @Override
          public boolean hasPrettyPrinter() {
            return true;
          }
        },
        out);
  }
}
