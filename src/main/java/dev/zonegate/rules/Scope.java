package dev.zonegate.rules;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which zones, names and types a rule looks at. Globs: {@code *} matches any run of characters,
 * dots included, and {@code ?} one character; a name glob not ending in a dot is relative to the
 * zone ({@code api.*}, {@code @} for the apex). Empty lists mean everything.
 */
public record Scope(List<String> zones, List<String> names, List<String> types) {
  public static final Scope ALL = new Scope(List.of(), List.of(), List.of());

  public Scope {
    zones = zones == null ? List.of() : List.copyOf(zones);
    names = names == null ? List.of() : List.copyOf(names);
    types = types == null ? List.of() : List.copyOf(types);
  }

  public boolean coversZone(String zone) {
    return zones.isEmpty() || zones.stream().anyMatch(g -> glob(absolute(g, ".")).matcher(zone).matches());
  }

  public boolean covers(String zone, String name, String type) {
    if (!coversZone(zone)) {
      return false;
    }
    if (name != null && !names.isEmpty() && !matchesAny(names, name, zone)) {
      return false;
    }
    return type == null || types.isEmpty() || types.stream().anyMatch(t -> t.equalsIgnoreCase(type));
  }

  /** True when {@code name} matches one of the globs, relative ones taken under {@code zone}. */
  public static boolean matchesAny(List<String> globs, String name, String zone) {
    for (String g : globs) {
      if (glob(absolute(g, zone)).matcher(name).matches()) {
        return true;
      }
    }
    return false;
  }

  static String absolute(String glob, String zone) {
    String g = glob.trim().toLowerCase(Locale.ROOT);
    if (g.equals("@")) {
      return zone;
    }
    if (g.equals("*")) {
      return "*";
    }
    if (g.endsWith(".")) {
      return g;
    }
    return zone.equals(".") ? g + "." : g + "." + zone;
  }

  /** Checks a glob is usable: no empty labels, no characters a name cannot hold. */
  public static String problem(String glob) {
    String g = glob.trim();
    if (g.isEmpty()) {
      return "empty name glob";
    }
    if (g.contains("..") || (g.startsWith(".") && !g.equals("."))) {
      return "name glob '" + glob + "' has an empty label";
    }
    for (char c : g.toCharArray()) {
      if (c <= ' ' || c == '/' || c == '[' || c == ']' || c == '{' || c == '}' || c > 0x7e) {
        return "name glob '" + glob + "' has the character '" + c + "', which names do not hold";
      }
    }
    return null;
  }

  static Pattern glob(String g) {
    StringBuilder re = new StringBuilder();
    for (char c : g.toCharArray()) {
      if (c == '*') {
        re.append(".*");
      } else if (c == '?') {
        re.append('.');
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }

  /**
   * As a record's own {@code toString} writes it (the rules' digest is made of it, so it must not
   * change), without the method-handle bootstrap that builds that one on its first call.
   */
  @Override
  public String toString() {
    return "Scope[zones=" + zones + ", names=" + names + ", types=" + types + "]";
  }
}
