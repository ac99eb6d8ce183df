package dev.zonegate.cli;

import dev.zonegate.report.Report;
import dev.zonegate.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --format} and {@code --out}, shared by every command that writes a report. */
final class ReportOptions {
  @Option(names = "--format", paramLabel = "FORMAT", description = "Report format: text, json, markdown (repeatable).")
  List<String> formats = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", description = "Directory for report files.")
  Path out;

  void write(Report report) throws IOException {
    ReportWriter.write(report, formats.isEmpty() ? List.of("text") : formats, out, Context.out());
  }
}
