package dev.zonegate.report;

import dev.zonegate.model.Change;
import dev.zonegate.model.Notice;
import dev.zonegate.rules.Finding;
import dev.zonegate.rules.Outcome;
import dev.zonegate.rules.Severity;
import dev.zonegate.util.Background;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * A terminal summary: the verdict, findings (blocking first, each with the way to allow it), then
 * one line per change. Colour only when asked for (a TTY without NO_COLOR).
 */
public final class TextRenderer implements Renderer {
  private final boolean color;

  public TextRenderer(boolean color) {
    this.color = color;
  }

  @Override
  public String format() {
    return "text";
  }

  @Override
  public String fileName() {
    return "zonegate-report.txt";
  }

  @Override
  public void render(Report report, Writer out) throws IOException {
    boolean pass = report.verdict() == Outcome.PASS;
    out.write(paint("zonegate: " + report.verdict().word(), pass ? "1;32" : "1;31"));
    out.write(" (" + plural(report.zones().size(), "zone") + ", " + plural(report.changes().size(), "change")
        + ", " + report.counts("blocking", true) + ")\n");
    List<Finding> all = report.findings();
    if (all.size() < halves || Runtime.getRuntime().availableProcessors() < 2) {
      findings(report, all, out);
    } else {
      // A lint's tens of thousands of findings: the second half is written out on another core
      // while this one writes the first, then follows it.
      int cut = all.size() / 2;
      Background<StringBuilder, RuntimeException> second = Background.start(
          "zonegate-text-half", () -> {
            StringBuilder sb = new StringBuilder(1 << 20);
            for (Finding f : all.subList(cut, all.size())) {
              finding(report, f, sb);
            }
            return sb;
          });
      findings(report, all.subList(0, cut), out);
      out.append(second.join());
    }
    for (Report.ZoneSummary z : report.zones()) {
      out.write(Escape.terminal(z.name()) + ": " + plural(z.adds(), "add") + ", "
          + plural(z.deletes(), "delete") + ", " + plural(z.updates(), "update")
          + (report.live(z.name()) == null ? "" : " (live: " + Escape.terminal(report.live(z.name())) + ")") + "\n");
      for (Change c : report.changes()) {
        if (c.zone().equals(z.name())) {
          out.write(line(c));
        }
      }
    }
    for (Notice n : report.notices()) {
      out.write("warning: " + Escape.terminal(n.toString()) + "\n");
    }
    for (Notice n : report.ignored()) {
      out.write("ignored: " + Escape.terminal(n.toString()) + "\n");
    }
    if (!report.judged().isEmpty()) {
      out.write("judged: " + Escape.terminal(report.judgedLine()) + "\n");
    }
    out.write("rule packs: " + Escape.terminal(String.join(", ", report.packs())) + "\n");
  }

  /** Findings from this many on are written in two halves at once. */
  static int halves = 10_000; // not final: tests write a long report both ways

  private void findings(Report report, List<Finding> fs, Writer out) throws IOException {
    StringBuilder sb = new StringBuilder(1 << 16);
    for (Finding f : fs) {
      finding(report, f, sb);
      if (sb.length() >= 1 << 15) { // written in large pieces: a lint may print tens of thousands
        out.append(sb);
        sb.setLength(0);
      }
    }
    out.append(sb);
  }

  private void finding(Report report, Finding f, StringBuilder sb) {
    String sev = f.allowed() ? "allowed" : f.severity().word();
    String code = f.allowed() ? "36" : f.severity() == Severity.BLOCK ? "31" : f.severity() == Severity.WARN ? "33" : "2";
    if (color) {
      sb.append(paint(sev + "       ".substring(Math.min(7, sev.length())), code));
    } else {
      sb.append(sev).append("       ", Math.min(7, sev.length()), 7);
    }
    sb.append(' ').append(f.rule());
    if (f.name() != null) {
      sb.append(' ').append(Escape.terminal(f.name()));
    }
    if (f.type() != null) {
      sb.append(' ').append(Escape.terminal(f.type()));
    }
    if (f.location() != null) {
      // Location's text, path and line, escaped as one: the escape goes character by character.
      sb.append("  (").append(Escape.terminal(f.location().path()));
      if (f.location().line() > 0) {
        sb.append(':').append(f.location().line());
      }
      sb.append(')');
    }
    sb.append("\n        ").append(Escape.terminal(f.message())).append('\n');
    if (f.allowed()) {
      sb.append("        allowed by ").append(Escape.terminal(f.allowedBy().toString())).append('\n');
    } else if (f.severity() == Severity.BLOCK) {
      if (!f.overridable()) {
        sb.append("        this rule cannot be allowed (overridable: false)\n");
      } else {
        List<String> ways = new ArrayList<>();
        if (report.allows(Report.AllowRoute.FLAG)) {
          ways.add("--allow " + Escape.terminal(Report.allowSpec(f)));
        }
        if (report.allows(Report.AllowRoute.TRAILER)) {
          ways.add("commit trailer  Zonegate-Allow: " + Escape.terminal(Report.allowSpec(f)) + " <reason>");
        }
        if (!ways.isEmpty()) {
          sb.append("        to allow: ").append(String.join("  or ", ways)).append('\n');
        }
      }
    }
  }

  private String line(Change c) {
    StringBuilder sb = new StringBuilder("  ");
    switch (c.action()) {
      case ADD:
        sb.append(paint("+ add   ", "32")).append(' ').append(key(c)).append(" ttl ").append(c.ttlAfter())
            .append("  ").append(records(c.afterRdata())).append(extras("  ", c.extrasAfter()));
        break;
      case DELETE:
        sb.append(paint("- delete", "31")).append(' ').append(key(c)).append(" ttl ").append(c.ttlBefore())
            .append("  ").append(records(c.beforeRdata())).append(extras("  ", c.extrasBefore()));
        break;
      default:
        sb.append(paint("~ update", "33")).append(' ').append(key(c)).append(" ttl ");
        sb.append(c.ttlBefore().equals(c.ttlAfter()) ? "" + c.ttlAfter() : c.ttlBefore() + "->" + c.ttlAfter());
        if (!c.removed().isEmpty()) {
          sb.append("  -").append(records(c.removed()));
        }
        if (!c.added().isEmpty()) {
          sb.append("  +").append(records(c.added()));
        }
        sb.append(extras("  -", c.extrasRemoved())).append(extras("  +", c.extrasAdded()));
    }
    if (c.drift()) {
      sb.append(paint("  (undoes a live change)", "35"));
    }
    return sb.append('\n').toString();
  }

  private static String key(Change c) {
    return Escape.terminal(c.key().toString());
  }

  /** Provider settings and routing as {@code {a; b}}, or nothing when there are none. */
  private static String extras(String lead, List<String> lines) {
    return lines.isEmpty() ? "" : lead + Escape.terminal("{" + String.join("; ", lines) + "}");
  }

  private static String records(List<String> rdata) {
    return Escape.terminal("[" + String.join(", ", rdata) + "]");
  }

  private String paint(String s, String sgr) {
    return color ? "\u001b[" + sgr + "m" + s + "\u001b[0m" : s;
  }

  static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
