package dev.zonegate.zone;

import java.util.Locale;

/** The zone file formats zonegate reads, and how a file name picks one (docs/inputs.md). */
public enum ZoneFormat {
  MASTER("master"),
  OCTODNS("octodns"),
  ROUTE53("route53");

  private final String word;

  ZoneFormat(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }

  /** By extension: {@code .zone}, {@code .db}, {@code db.*} are master files, and so is anything else. */
  public static ZoneFormat fromFileName(String path) {
    String base = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    if (base.endsWith(".yaml") || base.endsWith(".yml")) {
      return OCTODNS;
    }
    if (base.endsWith(".json")) {
      return ROUTE53;
    }
    return MASTER;
  }

  /** Accepts the words users type: master, bind, zone, octodns, yaml, route53, json. */
  public static ZoneFormat parse(String word) {
    switch (word.toLowerCase(Locale.ROOT)) {
      case "master":
      case "bind":
      case "zone":
        return MASTER;
      case "octodns":
      case "yaml":
        return OCTODNS;
      case "route53":
      case "json":
        return ROUTE53;
      default:
        throw new IllegalArgumentException(
            "unknown zone format '" + word + "' (expected master, octodns or route53)");
    }
  }

  /**
   * The origin a file name implies: {@code example.com.zone}, {@code db.example.com} and
   * {@code example.com.yaml} all name {@code example.com.}.
   */
  public static String originFromFileName(String path) {
    String base = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    if (base.startsWith("db.")) {
      base = base.substring(3);
    }
    for (String ext : new String[] {".zone", ".db", ".yaml", ".yml", ".json", ".tst"}) {
      if (base.endsWith(ext)) {
        base = base.substring(0, base.length() - ext.length());
        break;
      }
    }
    if (base.isEmpty() || base.equals(".")) {
      return ".";
    }
    return base.endsWith(".") ? base : base + ".";
  }
}
