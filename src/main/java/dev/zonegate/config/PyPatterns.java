package dev.zonegate.config;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The two ways an octoDNS dynamic zone entry filters the zones it lists, as Python does them:
 * {@code glob:} with {@code fnmatch.filter} (POSIX: case-sensitive) and {@code regex:} with {@code
 * re.search}.
 */
final class PyPatterns {
  private PyPatterns() {}

  /** {@code fnmatch.fnmatchcase(name, glob)}: {@code *}, {@code ?}, {@code [seq]}, {@code [!seq]}, whole name. */
  static boolean fnmatch(String name, String glob) {
    return Pattern.compile(translate(glob), Pattern.DOTALL).matcher(name).matches();
  }

  /** {@code fnmatch.translate}, to a Java regular expression matched against the whole name. */
  static String translate(String glob) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    int n = glob.length();
    while (i < n) {
      char c = glob.charAt(i++);
      if (c == '*') {
        if (out.length() < 2 || !out.substring(out.length() - 2).equals(".*")) {
          out.append(".*");
        }
      } else if (c == '?') {
        out.append('.');
      } else if (c == '[') {
        int j = i;
        if (j < n && glob.charAt(j) == '!') {
          j++;
        }
        if (j < n && glob.charAt(j) == ']') {
          j++;
        }
        while (j < n && glob.charAt(j) != ']') {
          j++;
        }
        if (j >= n) {
          out.append("\\[");
        } else {
          String set = glob.substring(i, j);
          i = j + 1;
          boolean negate = set.startsWith("!");
          if (negate) {
            set = set.substring(1);
          }
          StringBuilder cls = new StringBuilder();
          for (int k = 0; k < set.length(); k++) {
            char x = set.charAt(k);
            // In a Java class these mean more than themselves; Python's fnmatch takes them as written.
            if (x == '\\' || x == '[' || x == ']' || x == '&' || x == '^') {
              cls.append('\\');
            }
            cls.append(x);
          }
          if (cls.length() == 0) {
            out.append(negate ? "." : "(?!)"); // [!] matches any one character, [] (never closed) nothing
          } else {
            out.append('[').append(negate ? "^" : "").append(cls).append(']');
          }
        }
      } else {
        out.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return out.toString();
  }

  /**
   * A Python regular expression as Java reads it, for {@code find()} ({@code re.search}): the
   * spellings that differ ({@code (?P<name>}, {@code (?P=name)}, {@code \Z}) rewritten; null when
   * Java cannot compile it.
   */
  static Pattern regex(String python) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < python.length(); i++) {
      char c = python.charAt(i);
      if (c == '\\' && i + 1 < python.length()) {
        char d = python.charAt(i + 1);
        out.append(d == 'Z' ? "\\z" : "\\" + d);
        i++;
      } else if (python.startsWith("(?P<", i)) {
        out.append("(?<");
        i += 3;
      } else if (python.startsWith("(?P=", i)) {
        int end = python.indexOf(')', i);
        if (end < 0) {
          return null;
        }
        out.append("\\k<").append(python, i + 4, end).append('>');
        i = end;
      } else {
        out.append(c);
      }
    }
    try {
      return Pattern.compile(out.toString());
    } catch (PatternSyntaxException e) {
      return null;
    }
  }
}
