package dev.zonegate.cli;

import java.util.Locale;

/** Zone names as users type them: {@code example.com} and {@code Example.COM.} mean the same zone. */
final class Origins {
  private Origins() {}

  static String absolute(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    if (n.isEmpty()) {
      throw new IllegalArgumentException("--origin needs a zone name");
    }
    return n.endsWith(".") ? n : n + ".";
  }
}
