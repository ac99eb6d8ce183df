package dev.zonegate.report;

import dev.zonegate.model.Change;
import dev.zonegate.model.Notice;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * A merge-request note: the verdict in the first line, a summary table, then the changes as
 * {@code name type before → after (TTL)} rows, folded in {@code <details>} when long.
 */
public final class MarkdownRenderer implements Renderer {
  static final int FOLD_ROWS = 50;

  @Override
  public String format() {
    return "markdown";
  }

  @Override
  public String fileName() {
    return "zonegate-report.md";
  }

  @Override
  public void render(Report report, Writer out) throws IOException {
    String icon = report.verdict().equals("pass") ? ":white_check_mark:" : ":no_entry:";
    out.write(icon + " **zonegate: " + report.verdict() + "** — "
        + TextRenderer.plural(report.zones().size(), "zone") + ", "
        + TextRenderer.plural(report.changes().size(), "change") + "\n\n");
    out.write("| zone | adds | deletes | updates |\n|---|---:|---:|---:|\n");
    for (Report.ZoneSummary z : report.zones()) {
      out.write("| " + Escape.markdownCode(z.name()) + " | " + z.adds() + " | " + z.deletes() + " | "
          + z.updates() + " |\n");
    }
    List<Change> changes = report.changes();
    if (!changes.isEmpty()) {
      out.write("\n### Changes\n\n");
      boolean fold = changes.size() > FOLD_ROWS;
      if (fold) {
        out.write("<details><summary>" + TextRenderer.plural(changes.size(), "change") + "</summary>\n\n");
      }
      out.write("| | name | type | before | after | TTL |\n|---|---|---|---|---|---|\n");
      for (Change c : changes) {
        out.write(row(c));
      }
      if (fold) {
        out.write("\n</details>\n");
      }
    }
    if (!report.notices().isEmpty()) {
      out.write("\n### Warnings\n\n");
      for (Notice n : report.notices()) {
        out.write("- " + Escape.markdownCode(n.toString()) + "\n");
      }
    }
  }

  private static String row(Change c) {
    String sign = c.action() == Change.Action.ADD ? "+" : c.action() == Change.Action.DELETE ? "−" : "~";
    String ttl = c.ttlBefore() == null ? "" + c.ttlAfter()
        : c.ttlAfter() == null ? "" + c.ttlBefore()
        : c.ttlBefore().equals(c.ttlAfter()) ? "" + c.ttlAfter() : c.ttlBefore() + " → " + c.ttlAfter();
    String type = c.type() + (c.key().setId() == null ? "" : " [" + c.key().setId() + "]");
    return "| " + sign + " | " + Escape.markdownCode(c.name()) + " | " + Escape.markdownCode(type)
        + " | " + cell(c.removed()) + " | " + cell(c.added()) + " | " + ttl + " |\n";
  }

  private static String cell(List<String> rdata) {
    if (rdata.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (String r : rdata) {
      if (sb.length() > 0) {
        sb.append("<br>");
      }
      sb.append(Escape.markdownCode(r));
    }
    return sb.toString();
  }
}
