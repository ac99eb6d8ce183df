package dev.zonegate.report;

import dev.zonegate.model.Change;
import dev.zonegate.model.Notice;
import dev.zonegate.rules.Finding;
import dev.zonegate.rules.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * One self-contained page (docs/report.schema.json) a reviewer can open from a CI artifact: the verdict, a summary
 * per zone, findings blocking first with the way to allow them, then each zone's changes.
 *
 * <p>Record data is untrusted and this page is opened in a browser, so the page carries no script,
 * no link and no external resource at all, data only ever lands in element text (never in an
 * attribute), and every piece of it goes through {@link #text}. A Content-Security-Policy that
 * forbids scripts backs that up. The markup is XHTML-compatible so tests can parse it as XML, and
 * nothing in it depends on the clock: the same report gives the same bytes.
 */
public final class HtmlRenderer implements Renderer {
  /** Rows above which a table folds into {@code <details>}, as in the Markdown note. */
  static final int FOLD_ROWS = MarkdownRenderer.FOLD_ROWS;

  // Meaning is carried by words (BLOCK, WARN, drift, <del>/<ins>) and borders, never by background
  // alone, so a black-and-white printout without backgrounds reads the same.
  private static final String CSS = String.join("\n",
      "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1f2328;margin:0 auto;padding:1em 2em;max-width:80em}",
      "code,.rd{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:92%}",
      "code,td,dd{overflow-wrap:anywhere;word-break:break-word}",
      ".verdict{border:3px solid;border-radius:6px;padding:.6em 1em;margin-bottom:1em}",
      ".verdict h1{margin:0;font-size:1.6em}",
      ".verdict p{margin:.3em 0 0}",
      ".verdict.pass{border-color:#1a7f37;background:#dafbe1}",
      ".verdict.block{border-color:#cf222e;background:#ffebe9}",
      "table{border-collapse:collapse;margin:.5em 0 1em;width:100%}",
      "th,td{border:1px solid #d0d7de;padding:.25em .5em;text-align:left;vertical-align:top}",
      "th{background:#f6f8fa}",
      "td.n{text-align:right;font-variant-numeric:tabular-nums}",
      ".finding{border:1px solid #d0d7de;border-left:6px solid;border-radius:4px;padding:.4em .9em;margin:.6em 0}",
      ".finding h4{margin:.2em 0 .4em;font-size:1.05em}",
      ".finding.block{border-left-color:#cf222e}",
      ".finding.warn{border-left-color:#bf8700}",
      ".finding.info{border-left-color:#0969da}",
      ".finding.allowed{border-left-color:#8c959f;border-left-style:dashed}",
      ".sev{display:inline-block;min-width:4.5em;font-weight:bold}",
      ".block .sev{color:#cf222e}.warn .sev{color:#9a6700}.info .sev{color:#0969da}.allowed .sev{color:#57606a}",
      "dl{display:grid;grid-template-columns:max-content 1fr;gap:.15em 1em;margin:0}",
      "dt{font-weight:600;color:#57606a}dd{margin:0}",
      "ul.rd{list-style:none;margin:0;padding:0}",
      ".ev{display:flex;gap:.8em;align-items:flex-start}",
      "del{color:#cf222e}ins{color:#1a7f37}",
      ".drift{font-weight:bold;color:#8250df}",
      "summary{cursor:pointer;font-weight:600}",
      "@media print{body{padding:0;max-width:none}.verdict,th{background:none}",
      "thead{display:table-header-group}tr,.finding{break-inside:avoid}}",
      // Opens folded tables on paper where the browser supports it; elsewhere the rule is ignored.
      "@media print{details::details-content{content-visibility:visible;display:contents}}");

  @Override
  public String format() {
    return "html";
  }

  @Override
  public String fileName() {
    return "zonegate-report.html";
  }

  @Override
  public void render(Report report, Writer out) throws IOException {
    String verdict = report.verdict().word();
    String counts = report.counts(report.blocking() == 1 ? "blocking finding" : "blocking findings", true) + ", "
        + TextRenderer.plural(report.changes().size(), "change") + " in "
        + TextRenderer.plural(report.zones().size(), "zone");
    out.write("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n"
        + "<meta charset=\"utf-8\" />\n"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\" />\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n"
        + "<title>zonegate: " + verdict + " (" + counts + ")</title>\n"
        + "<style>\n" + CSS + "\n</style>\n</head>\n<body>\n");
    long allowed = report.findings().stream().filter(Finding::allowed).count();
    out.write("<header class=\"verdict " + verdict + "\">\n<h1>zonegate: " + verdict.toUpperCase(Locale.ROOT)
        + "</h1>\n<p>" + counts + (allowed == 0 ? "" : ", " + allowed + " allowed") + "</p>\n</header>\n");
    summary(out, report);
    out.write("<h2>Findings</h2>\n");
    if (report.findings().isEmpty()) {
      out.write("<p>No findings.</p>\n");
    }
    findings(out, report, "Blocking findings", f -> !f.allowed() && f.severity() == Severity.BLOCK);
    findings(out, report, "Warnings", f -> !f.allowed() && f.severity() == Severity.WARN);
    findings(out, report, "Allowed", Finding::allowed);
    findings(out, report, "Notes", f -> !f.allowed() && f.severity() == Severity.INFO);
    changes(out, report.changes());
    if (!report.notices().isEmpty()) {
      out.write("<h2>Reader warnings</h2>\n<ul>\n");
      for (Notice n : report.notices()) {
        out.write("<li>" + code(n.location().toString()) + " " + Escape.html(n.message()) + "</li>\n");
      }
      out.write("</ul>\n");
    }
    if (!report.ignored().isEmpty()) {
      out.write("<h2>Ignored records (not managed, not compared)</h2>\n<ul>\n");
      for (Notice n : report.ignored()) {
        out.write("<li>" + code(n.location().toString()) + " " + Escape.html(n.message()) + "</li>\n");
      }
      out.write("</ul>\n");
    }
    out.write("<footer>");
    if (!report.judged().isEmpty()) {
      out.write("<p>Judged: " + code(report.judgedLine()) + "</p>");
    }
    for (Report.ZoneSummary z : report.zones()) {
      if (report.live(z.name()) != null) {
        out.write("<p>Live for " + code(z.name()) + ": " + code(report.live(z.name())) + "</p>");
      }
    }
    out.write("<p>Rule packs:");
    for (String p : report.packs()) {
      out.write(" " + code(p));
    }
    out.write("</p></footer>\n");
    out.write("</body>\n</html>\n");
  }

  private static void summary(Writer out, Report report) throws IOException {
    out.write("<h2>Summary</h2>\n<table>\n<thead><tr><th>zone</th><th>adds</th><th>deletes</th><th>updates</th>"
        + "<th>block</th><th>warn</th><th>info</th></tr></thead>\n<tbody>\n");
    for (Report.ZoneSummary z : report.zones()) {
      out.write("<tr><td>" + code(z.name()) + "</td>" + num(z.adds()) + num(z.deletes()) + num(z.updates())
          + num(z.block()) + num(z.warn()) + num(z.info()) + "</tr>\n");
    }
    out.write("</tbody>\n</table>\n");
  }

  private static void findings(Writer out, Report report, String title, Predicate<Finding> which)
      throws IOException {
    List<Finding> fs = report.findings().stream().filter(which).toList();
    if (fs.isEmpty()) {
      return;
    }
    out.write("<h3>" + title + " (" + fs.size() + ")</h3>\n");
    boolean fold = fs.size() > FOLD_ROWS;
    if (fold) {
      out.write("<details><summary>" + TextRenderer.plural(fs.size(), "finding") + "</summary>\n");
    }
    for (Finding f : fs) {
      finding(out, report, f);
    }
    if (fold) {
      out.write("</details>\n");
    }
  }

  private static void finding(Writer out, Report report, Finding f) throws IOException {
    // The class comes from a fixed set of words, never from data.
    String cls = f.allowed() ? "allowed" : f.severity().word();
    out.write("<section class=\"finding " + cls + "\">\n<h4><span class=\"sev\">"
        + (f.allowed() ? "ALLOWED" : f.severity().word().toUpperCase(Locale.ROOT)) + "</span> "
        + code(f.rule()) + (f.name() == null ? "" : " " + code(f.name()))
        + (f.type() == null ? "" : " " + code(f.type())) + "</h4>\n<dl>\n");
    row(out, "rule", code(f.rule()) + " (" + f.severity().word() + ")");
    row(out, "zone", code(f.zone()));
    if (f.name() != null) {
      row(out, "name", code(f.name()));
    }
    if (f.type() != null) {
      row(out, "type", code(f.type()));
    }
    if (f.location() != null) {
      row(out, "location", code(f.location().toString()));
    }
    row(out, "message", Escape.html(f.message()));
    if (!report.description(f.rule()).isEmpty()) {
      row(out, "why", Escape.html(report.description(f.rule())));
    }
    if (!f.before().isEmpty() || !f.after().isEmpty()) {
      row(out, "evidence", "<div class=\"ev\">" + records(f.before(), List.of(), null) + "<span>&#8594;</span>"
          + records(f.after(), List.of(), null) + "</div>");
    }
    if (f.allowed()) {
      row(out, "allowed by", Escape.html(f.allowedBy().kind()) + ": " + Escape.html(f.allowedBy().toString()));
    } else if (f.severity() == Severity.BLOCK) {
      if (!f.overridable()) {
        row(out, "to allow", "this rule cannot be allowed (" + code("overridable: false") + ")");
      } else {
        List<String> ways = new ArrayList<>();
        if (report.allows(Report.AllowRoute.TRAILER)) {
          ways.add("commit trailer " + code("Zonegate-Allow: " + Report.allowSpec(f) + " <reason>"));
        }
        if (report.allows(Report.AllowRoute.LABEL)) {
          ways.add("merge-request label " + code("zonegate-allow:" + f.rule()));
        }
        if (report.allows(Report.AllowRoute.FLAG) && ways.isEmpty()) {
          ways.add(code("--allow " + Report.allowSpec(f)));
        }
        if (!ways.isEmpty()) {
          row(out, "to allow", String.join(" or ", ways));
        }
      }
    }
    out.write("</dl>\n</section>\n");
  }

  private static void row(Writer out, String term, String html) throws IOException {
    out.write("<dt>" + term + "</dt><dd>" + html + "</dd>\n");
  }

  /** One table per zone; changes arrive sorted by zone, so each zone's rows are contiguous. */
  private static void changes(Writer out, List<Change> changes) throws IOException {
    if (changes.isEmpty()) {
      return;
    }
    out.write("<h2>Changes</h2>\n");
    int from = 0;
    while (from < changes.size()) {
      String zone = changes.get(from).zone();
      int to = from;
      while (to < changes.size() && changes.get(to).zone().equals(zone)) {
        to++;
      }
      zoneChanges(out, zone, changes.subList(from, to));
      from = to;
    }
  }

  private static void zoneChanges(Writer out, String zone, List<Change> cs) throws IOException {
    out.write("<h3>" + code(zone) + " (" + TextRenderer.plural(cs.size(), "change") + ")</h3>\n");
    boolean fold = cs.size() > FOLD_ROWS;
    if (fold) {
      out.write("<details><summary>" + TextRenderer.plural(cs.size(), "change") + "</summary>\n");
    }
    out.write("<table>\n<thead><tr><th>action</th><th>name</th><th>type</th><th>before</th><th>after</th>"
        + "<th>TTL</th></tr></thead>\n<tbody>\n");
    for (Change c : cs) {
      String type = c.type() + (c.key().setId() == null ? "" : " [" + c.key().setId() + "]");
      out.write("<tr><td>" + c.action().word()
          + (c.drift() ? " <span class=\"drift\">drift: undoes a live change</span>" : "") + "</td><td>"
          + code(c.name()) + "</td><td>" + code(type) + "</td><td>"
          + records(concat(c.beforeRdata(), c.extrasBefore()), concat(c.removed(), c.extrasRemoved()), "del")
          + "</td><td>" + records(concat(c.afterRdata(), c.extrasAfter()), concat(c.added(), c.extrasAdded()), "ins")
          + "</td><td>" + ttl(c) + "</td></tr>\n");
    }
    out.write("</tbody>\n</table>\n");
    if (fold) {
      out.write("</details>\n");
    }
  }

  /** Records, then what the set carries beyond them (provider settings, routing). */
  private static List<String> concat(List<String> a, List<String> b) {
    if (b.isEmpty()) {
      return a;
    }
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static String ttl(Change c) {
    if (c.ttlBefore() == null || c.ttlAfter() == null) {
      return "" + (c.ttlBefore() == null ? c.ttlAfter() : c.ttlBefore());
    }
    return c.ttlBefore().equals(c.ttlAfter()) ? "" + c.ttlAfter() : c.ttlBefore() + " &#8594; " + c.ttlAfter();
  }

  /**
   * A list of records; those in {@code marked} are wrapped in {@code tag} ({@code del} on the
   * before side, {@code ins} on the after side) so an update shows what stays and what goes, in
   * print too.
   */
  private static String records(List<String> rdata, List<String> marked, String tag) {
    if (rdata.isEmpty()) {
      return "<span class=\"rd\">(none)</span>";
    }
    StringBuilder sb = new StringBuilder("<ul class=\"rd\">");
    for (String r : rdata) {
      String t = Escape.html(r);
      sb.append("<li>").append(marked.contains(r) ? "<" + tag + ">" + t + "</" + tag + ">" : t).append("</li>");
    }
    return sb.append("</ul>").toString();
  }

  private static String num(long n) {
    return "<td class=\"n\">" + n + "</td>";
  }

  private static String code(String s) {
    return "<code>" + Escape.html(s) + "</code>";
  }
}
