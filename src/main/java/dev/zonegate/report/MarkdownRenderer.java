package dev.zonegate.report;

import dev.zonegate.model.Change;
import dev.zonegate.model.Notice;
import dev.zonegate.rules.Finding;
import dev.zonegate.rules.Outcome;
import dev.zonegate.rules.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A merge-request note: the verdict in the first line, a summary table, blocking findings with
 * what they guard against and the exact trailer or label that would allow them, then the changes
 * as {@code name type before → after (TTL)} rows, folded in {@code <details>} when long.
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

  /** GitLab refuses notes over 1,000,000 characters; keep well inside with room for the tail. */
  static final int NOTE_LIMIT = 1_000_000;

  @Override
  public void render(Report report, Writer out) throws IOException {
    StringWriter buf = new StringWriter();
    renderWhole(report, buf);
    out.write(fit(buf.toString(), NOTE_LIMIT));
  }

  /** Cuts a note that would be too long at a line end, closes what it leaves open, and says so. */
  static String fit(String note, int limit) {
    if (note.length() <= limit) {
      return note;
    }
    String tail = "\n\n**Report truncated**: it is longer than a merge-request note may be; the full report is in the job's artifacts.\n";
    int cut = note.lastIndexOf('\n', limit - tail.length() - 32);
    String head = note.substring(0, Math.max(cut, 0));
    int open = count(head, "<details>") - count(head, "</details>");
    StringBuilder sb = new StringBuilder(head);
    for (int i = 0; i < open; i++) {
      sb.append("\n</details>");
    }
    return sb.append(tail).toString();
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length())) {
      n++;
    }
    return n;
  }

  private void renderWhole(Report report, Writer out) throws IOException {
    boolean pass = report.verdict() == Outcome.PASS;
    out.write((pass ? ":white_check_mark:" : ":no_entry:") + " **zonegate: " + report.verdict().word() + "** — "
        + report.counts(report.blocking() == 1 ? "blocking finding" : "blocking findings", false) + ", "
        + TextRenderer.plural(report.changes().size(), "change") + " in "
        + TextRenderer.plural(report.zones().size(), "zone") + "\n\n");
    out.write("| zone | adds | deletes | updates | block | warn | info |\n|---|---:|---:|---:|---:|---:|---:|\n");
    for (Report.ZoneSummary z : report.zones()) {
      String live = report.live(z.name());
      out.write("| " + Escape.markdownCode(z.name()) + (live == null ? "" : "<br>live: " + Escape.markdownCode(live))
          + " | " + z.adds() + " | " + z.deletes() + " | "
          + z.updates() + " | " + z.block() + " | " + z.warn() + " | " + z.info() + " |\n");
    }
    section(out, report, "Blocking findings", f -> !f.allowed() && f.severity() == Severity.BLOCK, true);
    section(out, report, "Warnings", f -> !f.allowed() && f.severity() == Severity.WARN, false);
    section(out, report, "Allowed", Finding::allowed, false);
    section(out, report, "Notes", f -> !f.allowed() && f.severity() == Severity.INFO, false);
    changes(out, report.changes());
    if (!report.notices().isEmpty()) {
      out.write("\n### Reader warnings\n\n");
      for (Notice n : report.notices()) {
        out.write("- " + Escape.markdownCode(n.toString()) + "\n");
      }
    }
    if (!report.ignored().isEmpty()) {
      out.write("\n### Ignored records (not managed, not compared)\n\n");
      for (Notice n : report.ignored()) {
        out.write("- " + Escape.markdownCode(n.toString()) + "\n");
      }
    }
    if (!report.judged().isEmpty()) {
      out.write("\n<sub>Judged: " + Escape.markdownCode(report.judgedLine()) + "</sub>\n");
    }
    out.write("\n<sub>Rule packs: ");
    for (int i = 0; i < report.packs().size(); i++) {
      out.write((i == 0 ? "" : ", ") + Escape.markdownCode(report.packs().get(i)));
    }
    out.write("</sub>\n");
  }

  private static void section(
      Writer out, Report report, String title, Predicate<Finding> which, boolean explain)
      throws IOException {
    List<Finding> fs = new ArrayList<>();
    for (Finding f : report.findings()) {
      if (which.test(f)) {
        fs.add(f);
      }
    }
    if (fs.isEmpty()) {
      return;
    }
    out.write("\n### " + title + "\n\n");
    boolean fold = fs.size() > FOLD_ROWS;
    if (fold) {
      out.write("<details><summary>" + TextRenderer.plural(fs.size(), "finding") + "</summary>\n\n");
    }
    for (Finding f : fs) {
      out.write("- **" + f.rule() + "** " + (f.name() == null ? "" : Escape.markdownCode(f.name()) + " ")
          + (f.type() == null ? "" : Escape.markdownCode(f.type()) + " ")
          + (f.location() == null ? "" : "(" + Escape.markdownCode(f.location().toString()) + ")")
          + "<br>" + Escape.markdownText(f.message()) + "\n");
      if (explain && !report.description(f.rule()).isEmpty()) {
        out.write("  <br>_Why it blocks:_ " + Escape.markdownText(report.description(f.rule())) + "\n");
      }
      if (f.allowed()) {
        out.write("  <br>Allowed by " + Escape.markdownText(f.allowedBy().toString()) + "\n");
      } else if (f.severity() == Severity.BLOCK) {
        if (!f.overridable()) {
          out.write("  <br>This rule cannot be allowed (`overridable: false`).\n");
        } else if (report.allows(Report.AllowRoute.TRAILER) || report.allows(Report.AllowRoute.LABEL)) {
          List<String> ways = new ArrayList<>();
          if (report.allows(Report.AllowRoute.TRAILER)) {
            ways.add("the commit trailer " + Escape.markdownCode("Zonegate-Allow: " + Report.allowSpec(f) + " <reason>"));
          }
          if (report.allows(Report.AllowRoute.LABEL)) {
            ways.add("the merge-request label " + Escape.markdownCode("zonegate-allow:" + f.rule()));
          }
          out.write("  <br>To allow it, add " + String.join(" or ", ways) + "\n");
        } else if (report.allows(Report.AllowRoute.FLAG)) {
          out.write("  <br>To allow it, run again with " + Escape.markdownCode("--allow " + Report.allowSpec(f)) + "\n");
        }
      }
    }
    if (fold) {
      out.write("\n</details>\n");
    }
  }

  private static void changes(Writer out, List<Change> changes) throws IOException {
    if (changes.isEmpty()) {
      return;
    }
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

  private static String row(Change c) {
    String sign = (c.action() == Change.Action.ADD ? "+" : c.action() == Change.Action.DELETE ? "−" : "~")
        + (c.drift() ? " **drift**" : "");
    String ttl = c.ttlBefore() == null ? "" + c.ttlAfter()
        : c.ttlAfter() == null ? "" + c.ttlBefore()
        : c.ttlBefore().equals(c.ttlAfter()) ? "" + c.ttlAfter() : c.ttlBefore() + " → " + c.ttlAfter();
    String type = c.type() + (c.key().setId() == null ? "" : " [" + c.key().setId() + "]");
    List<String> before = concat(c.removed(), c.extrasRemoved());
    List<String> after = concat(c.added(), c.extrasAdded());
    if (c.action() == Change.Action.UPDATE && before.isEmpty() && after.isEmpty()) {
      // A TTL-only update: the values it keeps, so the row says which records change TTL.
      before = c.afterRdata();
      after = c.afterRdata();
    }
    return "| " + sign + " | " + Escape.markdownCode(c.name()) + " | " + Escape.markdownCode(type)
        + " | " + cell(before) + " | " + cell(after) + " | " + ttl + " |\n";
  }

  private static List<String> concat(List<String> a, List<String> b) {
    if (b.isEmpty()) {
      return a;
    }
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static String cell(List<String> rdata) {
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
