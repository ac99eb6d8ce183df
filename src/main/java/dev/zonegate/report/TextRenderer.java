package dev.zonegate.report;

import dev.zonegate.model.Change;
import dev.zonegate.model.Notice;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** A short terminal summary: one line per zone, then one line per change. */
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
    out.write(paint("zonegate: " + report.verdict(), report.verdict().equals("pass") ? "32" : "31"));
    out.write(" (" + plural(report.zones().size(), "zone") + ", " + plural(report.changes().size(), "change") + ")\n");
    for (Report.ZoneSummary z : report.zones()) {
      out.write(Escape.terminal(z.name()) + ": " + plural(z.adds(), "add") + ", "
          + plural(z.deletes(), "delete") + ", " + plural(z.updates(), "update") + "\n");
      for (Change c : report.changes()) {
        if (c.zone().equals(z.name())) {
          out.write(line(c));
        }
      }
    }
    for (Notice n : report.notices()) {
      out.write("warning: " + Escape.terminal(n.toString()) + "\n");
    }
  }

  private String line(Change c) {
    StringBuilder sb = new StringBuilder("  ");
    switch (c.action()) {
      case ADD:
        sb.append(paint("+ add   ", "32")).append(' ').append(key(c)).append(" ttl ").append(c.ttlAfter())
            .append("  ").append(records(c.afterRdata()));
        break;
      case DELETE:
        sb.append(paint("- delete", "31")).append(' ').append(key(c)).append(" ttl ").append(c.ttlBefore())
            .append("  ").append(records(c.beforeRdata()));
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
    }
    return sb.append('\n').toString();
  }

  private static String key(Change c) {
    return Escape.terminal(c.key().toString());
  }

  private static String records(List<String> rdata) {
    return Escape.terminal("[" + String.join(", ", rdata) + "]");
  }

  private String paint(String s, String sgr) {
    return color ? "\u001b[" + sgr + "m" + s + "\u001b[0m" : s;
  }

  static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
