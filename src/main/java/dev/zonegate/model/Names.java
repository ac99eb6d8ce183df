package dev.zonegate.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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

  public static int compare(String a, String b) {
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

  /** True when {@code name} is {@code origin} or below it. Both absolute and lower-case. */
  public static boolean isAtOrBelow(String name, String origin) {
    if (origin.equals(".")) {
      return true;
    }
    if (name.equals(origin)) {
      return true;
    }
    if (!name.endsWith("." + origin)) {
      return false;
    }
    // "a\.example.com." ends with ".example.com." only through an escaped dot: not below it.
    int cut = name.length() - origin.length() - 1;
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
    String n = name.toLowerCase(java.util.Locale.ROOT);
    return n.endsWith(".") ? n : n + ".";
  }
}
