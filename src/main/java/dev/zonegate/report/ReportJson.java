package dev.zonegate.report;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON writer of the JSON, codequality and SARIF reports: indented with {@code \n} whatever the
 * platform (Jackson's default indenter uses the system line separator, which would make the bytes
 * differ between Windows and Linux), and leaving the caller's writer open.
 */
final class ReportJson {
  private ReportJson() {}

  private static final DefaultIndenter LF = new DefaultIndenter("  ", "\n");

  static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .defaultPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(LF).withArrayIndenter(LF))
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .build();
}
