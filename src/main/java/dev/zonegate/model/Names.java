package dev.zonegate.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Domain names as the model keeps them: absolute, lower-case presentation form, as dnsjava prints
 * them (non-printable octets as {@code \DDD}). Ordering follows RFC 4034 §6.1 (label by label from
 * the right), so a zone sorts into the tree a reader expects.
 */
public final class Names {
  private Names() {}

  public static final Comparator<String> CANONICAL_ORDER = Names::compare;

  /** Splits an absolute name into its labels, honouring {@code \.} escapes; the root has none. */
  public static List<String> labels(String name) {
    List<String> out = new ArrayList<>();
    StringBuilder label = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '\\' && i + 1 < name.length()) {
        label.append(c).append(name.charAt(++i));
      } else if (c == '.') {
        out.add(label.toString());
        label.setLength(0);
      } else {
        label.append(c);
      }
    }
    if (label.length() > 0) {
      out.add(label.toString());
    }
    return out;
  }

  /**
   * RFC 4034 §6.1 order: labels compared from the right as strings; a name that runs out of
   * labels first sorts first. Allocation-free for the names the model holds (absolute, without
   * escapes); anything else takes the label-list path of {@link #compareLabels}.
   */
  public static int compare(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    int na = a.length();
    int nb = b.length();
    if (na == 0 || nb == 0 || a.charAt(na - 1) != '.' || b.charAt(nb - 1) != '.'
        || a.indexOf('\\') >= 0 || b.indexOf('\\') >= 0) {
      return compareLabels(a, b);
    }
    // Both end with '.', so every dot ends a label. Skip the common tail: the labels wholly inside
    // it are equal; the first differing label from the right is the one holding the mismatch.
    int i = na - 1;
    int j = nb - 1;
    while (i >= 0 && j >= 0 && a.charAt(i) == b.charAt(j)) {
      i--;
      j--;
    }
    int endA = a.indexOf('.', i + 1);
    int endB = b.indexOf('.', j + 1);
    int startA = i < 0 ? 0 : a.lastIndexOf('.', i) + 1;
    int startB = j < 0 ? 0 : b.lastIndexOf('.', j) + 1;
    int la = endA - startA;
    int lb = endB - startB;
    int n = Math.min(la, lb);
    for (int k = 0; k < n; k++) {
      int c = a.charAt(startA + k) - b.charAt(startB + k);
      if (c != 0) {
        return c;
      }
    }
    if (la != lb) {
      return la - lb;
    }
    // Equal labels: one name ran out exactly at a label boundary, so it has fewer labels.
    return i >= 0 ? 1 : -1;
  }

  /** The reference order: both names split into labels, the lists compared from the right. */
  static int compareLabels(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    List<String> la = labels(a);
    List<String> lb = labels(b);
    int i = la.size() - 1;
    int j = lb.size() - 1;
    while (i >= 0 && j >= 0) {
      int c = la.get(i).compareTo(lb.get(j));
      if (c != 0) {
        return c;
      }
      i--;
      j--;
    }
    return Integer.compare(la.size(), lb.size());
  }

  /**
   * A string whose natural order ({@link String#compareTo}) is {@link #compare}'s order: the
   * labels from the right, each followed by U+0000, which sorts below every character a label can
   * hold. Null for a name that holds U+0000 itself (only {@link #compare} orders that). For sorting
   * many names at once: one key per name instead of label work in every comparison.
   */
  public static String sortKey(String name) {
    if (name.indexOf('\0') >= 0) {
      return null;
    }
    int n = name.length();
    if (name.indexOf('\\') >= 0) {
      List<String> labels = labels(name);
      StringBuilder sb = new StringBuilder(n + 1);
      for (int k = labels.size() - 1; k >= 0; k--) {
        sb.append(labels.get(k)).append('\0');
      }
      return sb.toString();
    }
    char[] out = new char[n + 1];
    int o = 0;
    int end = n - 1; // the dot that ends the current label
    if (n > 0 && name.charAt(n - 1) != '.') {
      // A relative name: its last label has no dot after it.
      int start = name.lastIndexOf('.') + 1;
      name.getChars(start, n, out, o);
      o += n - start;
      out[o++] = '\0';
      end = start - 1;
    }
    while (end >= 0) {
      int start = end == 0 ? 0 : name.lastIndexOf('.', end - 1) + 1;
      name.getChars(start, end, out, o);
      o += end - start;
      out[o++] = '\0';
      end = start - 1;
    }
    return new String(out, 0, o);
  }

  /** The name one label up, or null above the root. Escaped dots stay inside their label. */
  public static String parent(String name) {
    int n = name.length();
    if (n > 1 && name.charAt(n - 1) == '.' && name.indexOf('\\') < 0) {
      // An absolute name without escapes: every dot ends a label (lint asks this of every target
      // that names nothing, to look for a wildcard).
      int dot = name.indexOf('.');
      return dot == n - 1 ? "." : name.substring(dot + 1);
    }
    List<String> labels = labels(name);
    if (labels.isEmpty() || name.equals(".")) {
      return null;
    }
    return labels.size() == 1 ? "." : String.join(".", labels.subList(1, labels.size())) + ".";
  }

  /** True when {@code name} is {@code origin} or below it. Both absolute and lower-case. */
  public static boolean isAtOrBelow(String name, String origin) {
    if (origin.equals(".")) {
      return true;
    }
    if (name.equals(origin)) {
      return true;
    }
    int cut = name.length() - origin.length() - 1;
    if (cut < 0 || name.charAt(cut) != '.' || !name.endsWith(origin)) {
      return false;
    }
    // "a\.example.com." ends with ".example.com." only through an escaped dot: not below it.
    int backslashes = 0;
    for (int k = cut - 1; k >= 0 && name.charAt(k) == '\\'; k--) {
      backslashes++;
    }
    return backslashes % 2 == 0;
  }

  /** The name relative to the origin: {@code @} for the apex, as people write it in zone files. */
  public static String relative(String name, String origin) {
    if (name.equals(origin)) {
      return "@";
    }
    if (!origin.equals(".") && isAtOrBelow(name, origin)) {
      return name.substring(0, name.length() - origin.length() - 1);
    }
    return name;
  }

  /** Makes a name absolute and lower-case without parsing escapes (input already in dnsjava form). */
  public static String absolute(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n : n + ".";
  }
}
