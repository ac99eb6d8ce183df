package dev.zonegate.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Sends each requested format where the README ("Reading the report") says: {@code text} to standard output; others to
 * {@code --out DIR} under their fixed names, or to standard output when only one is asked for.
 */
public final class ReportWriter {
  private ReportWriter() {}

  /**
   * Whether any of the formats carries the zones' fingerprints; an unknown format says yes, and
   * {@link #write} then refuses it as before.
   */
  public static boolean needsFingerprints(List<String> formats) {
    for (String f : formats) {
      try {
        if (Renderer.forFormat(f).needsFingerprints()) {
          return true;
        }
      } catch (IllegalArgumentException e) {
        return true;
      }
    }
    return false;
  }

  public static void write(Report report, List<String> formats, Path outDir, PrintStream stdout)
      throws IOException {
    write(report, formats, outDir, stdout, false);
  }

  /** As above; {@code color} paints the text report (a terminal without NO_COLOR). */
  public static void write(Report report, List<String> formats, Path outDir, PrintStream stdout, boolean color)
      throws IOException {
    List<Renderer> renderers =
        formats.stream().distinct().map(f -> f.equals("text") ? new TextRenderer(color) : Renderer.forFormat(f)).toList();
    long nonText = renderers.stream().filter(r -> !r.format().equals("text")).count();
    if (outDir == null && renderers.size() > 1) {
      // Two formats on one standard output would interleave into something no tool can read.
      throw new IllegalArgumentException("several report formats need --out DIR");
    }
    if (outDir != null) {
      Files.createDirectories(outDir);
    }
    for (Renderer r : renderers) {
      if (r.format().equals("text") || outDir == null) {
        Writer w = new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
        r.render(report, w);
        w.flush();
      } else {
        try (Writer w = Files.newBufferedWriter(outDir.resolve(r.fileName()), StandardCharsets.UTF_8)) {
          r.render(report, w);
        }
      }
    }
  }
}
