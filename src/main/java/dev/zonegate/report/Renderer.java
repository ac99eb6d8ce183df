package dev.zonegate.report;

import java.io.IOException;
import java.io.Writer;

/** Writes a {@link Report} in one format. Record data is untrusted: each format escapes it. */
public interface Renderer {
  /** The word users pass to {@code --format}. */
  String format();

  /** The file name under {@code --out DIR} (docs/exit-codes.md). */
  String fileName();

  void render(Report report, Writer out) throws IOException;

  /**
   * Whether the format carries the zones' stale-plan fingerprints ({@link Report#fingerprints}):
   * hashing a large zone is a pass over all of it, made only when a report will show it.
   */
  default boolean needsFingerprints() {
    return false;
  }

  static Renderer forFormat(String format) {
    switch (format) {
      case "text":
        return new TextRenderer(false);
      case "json":
        return new JsonRenderer();
      case "markdown":
        return new MarkdownRenderer();
      case "html":
        return new HtmlRenderer();
      case "junit":
        return new JunitRenderer();
      case "codequality":
        return new CodeQualityRenderer();
      case "sarif":
        return new SarifRenderer();
      default:
        throw new IllegalArgumentException(
            "unknown report format '" + format + "' (text, markdown, json, junit, codequality, sarif or html)");
    }
  }
}
