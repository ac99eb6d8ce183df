package dev.zonegate.report;

import java.nio.charset.StandardCharsets;

/** Escaping of untrusted record data, one method per output context. */
final class Escape {
  private Escape() {}

  /**
   * Untrusted data made safe to show anywhere (a terminal, a review page, an XML or JSON report),
   * the one neutraliser every format builds on. Control characters (ESC sequences could rewrite
   * the screen) become {@code \DDD} as in zone files. Characters that show nothing or show
   * something else become the {@code \DDD} of their UTF-8 bytes: format characters (bidirectional
   * overrides that reorder what a reviewer reads, zero-width spaces), line and paragraph
   * separators, noncharacters (U+FFFE and U+FFFF are not even legal XML), and lone surrogates (no
   * UTF-8 writer can encode them; their WTF-8 bytes, so nothing is lost).
   */
  static String terminal(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); ) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        // Printable ASCII, most of any report: shown as it is.
        if (sb != null) {
          sb.append(c);
        }
        i++;
        continue;
      }
      int cp = s.codePointAt(i);
      boolean control = cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0);
      if (control || hidden(cp)) {
        if (sb == null) {
          sb = new StringBuilder(s.substring(0, i));
        }
        if (control) {
          sb.append(String.format("\\%03d", cp));
        } else {
          for (byte b : wtf8(cp)) {
            sb.append(String.format("\\%03d", b & 0xff));
          }
        }
      } else if (sb != null) {
        sb.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return sb == null ? s : sb.toString();
  }

  private static boolean hidden(int cp) {
    int type = Character.getType(cp);
    return type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.SURROGATE // only lone ones: codePointAt joins the pairs
        || (cp & 0xfffe) == 0xfffe
        || (cp >= 0xfdd0 && cp <= 0xfdef);
  }

  /** UTF-8, applied to a lone surrogate too (WTF-8). */
  private static byte[] wtf8(int cp) {
    if (!Character.isSurrogate((char) cp) || cp > 0xffff) {
      return new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
    }
    return new byte[] {(byte) (0xe0 | (cp >> 12)), (byte) (0x80 | ((cp >> 6) & 0x3f)), (byte) (0x80 | (cp & 0x3f))};
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
      if (entity(sb, c)) {
        continue;
      }
      switch (c) {
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
   * Untrusted data as HTML element text: made visible by {@link #terminal} (control, invisible
   * and XML-forbidden characters as {@code \DDD}), then the five HTML-significant characters as
   * entities. The result is both valid HTML text and valid XML character data.
   */
  static String html(String s) {
    String t = terminal(s);
    StringBuilder sb = new StringBuilder(t.length() + 16);
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '\'') {
        sb.append("&#39;");
      } else if (!entity(sb, c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Appends the entity of {@code & < > "}, and says whether {@code c} was one of them. */
  private static boolean entity(StringBuilder sb, char c) {
    switch (c) {
      case '&':
        sb.append("&amp;");
        return true;
      case '<':
        sb.append("&lt;");
        return true;
      case '>':
        sb.append("&gt;");
        return true;
      case '"':
        sb.append("&quot;");
        return true;
      default:
        return false;
    }
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
