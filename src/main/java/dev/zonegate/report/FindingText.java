package dev.zonegate.report;

import dev.zonegate.rules.Finding;
import dev.zonegate.rules.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain-text pieces of a finding shared by the machine formats (junit, codequality, SARIF). Every
 * piece of record data goes through {@link #clean}, so what these formats carry is printable text
 * whatever the change under review put in its names and records.
 */
final class FindingText {
  private FindingText() {}

  /** Untrusted data made printable and legal in XML 1.0 and UTF-8 ({@link Escape#terminal}). */
  static String clean(String s) {
    return s == null ? "" : Escape.terminal(s);
  }

  /** {@code name type}, or the zone for a zone-wide finding; cleaned. */
  static String subject(Finding f) {
    if (f.name() == null) {
      return clean(f.zone());
    }
    return clean(f.name()) + (f.type() == null ? "" : " " + clean(f.type()));
  }

  /** {@code [before…] → [after…]}, or empty when the finding carries no records; cleaned. */
  static String evidence(Finding f) {
    if (f.before().isEmpty() && f.after().isEmpty()) {
      return "";
    }
    return records(f.before()) + " → " + records(f.after());
  }

  private static String records(List<String> rdata) {
    StringBuilder sb = new StringBuilder("[");
    for (String r : rdata) {
      sb.append(sb.length() > 1 ? ", " : "").append(clean(r));
    }
    return sb.append(']').toString();
  }

  /** {@code a}, {@code a or b}, {@code a, b or c}: choices in a sentence. */
  static String oneOf(List<String> ways) {
    int n = ways.size();
    return n <= 1 ? String.join("", ways) : String.join(", ", ways.subList(0, n - 1)) + " or " + ways.get(n - 1);
  }

  /** What a reader does about a finding: who allowed it, how to allow it, or that it cannot be. */
  static String allowHint(Report report, Finding f) {
    if (f.allowed()) {
      return "allowed by " + clean(f.allowedBy().toString());
    }
    if (f.severity() != Severity.BLOCK) {
      return "";
    }
    if (!f.overridable()) {
      return "this rule cannot be allowed (overridable: false)";
    }
    String spec = clean(Report.allowSpec(f));
    List<String> ways = new ArrayList<>();
    if (report.allows(Report.AllowRoute.TRAILER)) {
      ways.add("commit trailer 'Zonegate-Allow: " + spec + " <reason>'");
    }
    if (report.allows(Report.AllowRoute.LABEL)) {
      ways.add("merge-request label 'zonegate-allow:" + clean(f.rule()) + "'");
    }
    if (report.allows(Report.AllowRoute.FLAG)) {
      ways.add("--allow " + spec);
    }
    return ways.isEmpty() ? "" : "to allow: " + oneOf(ways);
  }

  /**
   * A finding as a few lines: severity, rule and subject, the message, where, the evidence and
   * the allow hint. Each line is cleaned data, so record data cannot add lines.
   */
  static String block(Report report, Finding f) {
    StringBuilder sb = new StringBuilder();
    sb.append(f.allowed() ? "allowed " + f.severity().word() : f.severity().word())
        .append(' ').append(clean(f.rule())).append(' ').append(subject(f)).append('\n');
    sb.append("  ").append(clean(f.message())).append('\n');
    if (f.location() != null) {
      sb.append("  at ").append(clean(FindingIds.normalize(f.location().path())))
          .append(f.location().line() > 0 ? ":" + f.location().line() : "").append('\n');
    }
    String ev = evidence(f);
    if (!ev.isEmpty()) {
      sb.append("  ").append(ev).append('\n');
    }
    String hint = allowHint(report, f);
    if (!hint.isEmpty()) {
      sb.append("  ").append(hint).append('\n');
    }
    return sb.toString();
  }
}
