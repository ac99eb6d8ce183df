package dev.zonegate.report;

/** Escaping of untrusted record data, one method per output context. */
final class Escape {
  private Escape() {}

  /**
   * For a terminal: control characters (ESC sequences could rewrite the screen) become
   * {@code \DDD} as in zone files.
   */
  static String terminal(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
        if (sb == null) {
          sb = new StringBuilder(s.substring(0, i));
        }
        sb.append(String.format("\\%03d", (int) c));
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }

  /**
   * For record data in Markdown (GitLab and GitHub flavours): wrapped in {@code <code>} so GitLab
   * does not turn {@code @all}, {@code #12} or {@code !3} in a TXT record into mentions and links;
   * HTML-significant characters as entities and Markdown punctuation backslash-escaped, so the data
   * can neither inject markup nor break a table row.
   */
  static String markdownCode(String s) {
    String t = terminal(s);
    StringBuilder sb = new StringBuilder(t.length() + 16).append("<code>");
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      switch (c) {
        case '&':
          sb.append("&amp;");
          break;
        case '<':
          sb.append("&lt;");
          break;
        case '>':
          sb.append("&gt;");
          break;
        case '"':
          sb.append("&quot;");
          break;
        case '|':
          sb.append("&#124;");
          break;
        case '\\':
        case '`':
        case '*':
        case '_':
        case '[':
        case ']':
        case '(':
        case ')':
        case '#':
        case '!':
        case '~':
        case '{':
        case '}':
        case '$':
          sb.append('\\').append(c);
          break;
        default:
          sb.append(c);
      }
    }
    return sb.append("</code>").toString();
  }

  /**
   * For prose that carries record data (finding messages): the same escaping as
   * {@link #markdownCode} without the code element, with {@code @} and {@code #} defused so a name
   * like {@code @all} cannot mention anyone.
   */
  static String markdownText(String s) {
    String code = markdownCode(s);
    String inner = code.substring("<code>".length(), code.length() - "</code>".length());
    return inner.replace("@", "&#64;<!-- -->");
  }
}
