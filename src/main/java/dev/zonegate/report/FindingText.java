package dev.zonegate.report;

import dev.zonegate.rules.Finding;
import dev.zonegate.rules.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Plain-text pieces of a finding shared by the machine formats (junit, codequality, SARIF). Every
 * piece of record data goes through {@link #clean}, so what these formats carry is printable text
 * whatever the change under review put in its names and records.
 */
final class FindingText {
  private FindingText() {}

  /**
   * Untrusted data made printable and legal in XML 1.0 and UTF-8: control characters become
   * {@code \DDD} as in zone files ({@link Escape#terminal}); U+FFFE and U+FFFF (not XML characters),
   * lone surrogates (not encodable: a UTF-8 file writer would fail on them) and bidirectional
   * overrides (which make a name display reordered in a browser) become the {@code \DDD} of their
   * UTF-8 bytes (WTF-8 for surrogates, so nothing is lost).
   */
  static String clean(String s) {
    if (s == null) {
      return "";
    }
    String t = Escape.terminal(s);
    StringBuilder sb = null;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c) && i + 1 < t.length() && Character.isLowSurrogate(t.charAt(i + 1));
      if (pair) {
        if (sb != null) {
          sb.append(c).append(t.charAt(i + 1));
        }
        i++;
      } else if (unsafe(c)) {
        if (sb == null) {
          sb = new StringBuilder(t.substring(0, i));
        }
        for (byte b : wtf8(c)) {
          sb.append(String.format("\\%03d", b & 0xff));
        }
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? t : sb.toString();
  }

  private static boolean unsafe(char c) {
    return c == '\ufffe'
        || c == '\uffff'
        || Character.isSurrogate(c) // only lone ones reach here
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }

  /** The three-byte UTF-8 form of a BMP character, applied to surrogates too (WTF-8). */
  private static byte[] wtf8(char c) {
    if (!Character.isSurrogate(c)) {
      return String.valueOf(c).getBytes(StandardCharsets.UTF_8);
    }
    return new byte[] {(byte) (0xe0 | (c >> 12)), (byte) (0x80 | ((c >> 6) & 0x3f)), (byte) (0x80 | (c & 0x3f))};
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

  /** What a reader does about a finding: who allowed it, how to allow it, or that it cannot be. */
  static String allowHint(Finding f) {
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
    return "to allow: commit trailer 'Zonegate-Allow: " + spec + " <reason>', merge-request label 'zonegate-allow:"
        + clean(f.rule()) + "' or --allow " + spec;
  }

  /**
   * A finding as a few lines: severity, rule and subject, the message, where, the evidence and
   * the allow hint. Each line is cleaned data, so record data cannot add lines.
   */
  static String block(Finding f) {
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
    String hint = allowHint(f);
    if (!hint.isEmpty()) {
      sb.append("  ").append(hint).append('\n');
    }
    return sb.toString();
  }
}
