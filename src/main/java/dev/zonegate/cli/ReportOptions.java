package dev.zonegate.cli;

import dev.zonegate.report.Report;
import dev.zonegate.report.ReportWriter;
import dev.zonegate.util.Timings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --format} and {@code --out}, shared by every command that writes a report. */
final class ReportOptions {
  @Option(names = "--format", paramLabel = "FORMAT", description = "Report format (repeatable): text, markdown, json, junit, codequality, sarif, html.")
  List<String> formats = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", description = "Directory for report files; without --format, every file format is written there (and text to standard output).")
  Path out;

  @Option(names = "--timestamp", description = "Add generatedAt to the JSON report (off: same input, same bytes).")
  boolean timestamp;

  void write(Report report) throws IOException {
    if (timestamp) {
      report = report.withGeneratedAt(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }
    long t = System.nanoTime();
    if (formats.isEmpty() && out != null) {
      Context.err().println("zonegate: no --format given: wrote the markdown, json, junit, codequality, sarif and html"
          + " reports to " + out + ", the text report to standard output");
    }
    ReportWriter.write(report, chosen(), out, Context.out(), color());
    Timings.add("render", t);
  }

  /** The formats to write: text alone by default; with --out alone, every report it can hold. */
  private List<String> chosen() {
    if (formats.isEmpty()) {
      // --out alone: every report, said, rather than a directory silently left empty.
      return out != null ? List.of("text", "markdown", "json", "junit", "codequality", "sarif", "html") : List.of("text");
    }
    return formats;
  }

  /** Whether a report written will carry the zones' fingerprints (so they are worth making). */
  boolean needsFingerprints() {
    return ReportWriter.needsFingerprints(chosen());
  }

  /** Colour only on a terminal, and never when NO_COLOR is set (no-color.org). */
  private static boolean color() {
    return Context.out() == System.out && System.console() != null && !Context.env().containsKey("NO_COLOR");
  }
}
