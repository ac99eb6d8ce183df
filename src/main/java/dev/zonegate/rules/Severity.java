package dev.zonegate.rules;

import java.util.Locale;

/** How much a finding weighs: {@code block} stops the deploy, {@code warn} and {@code info} inform. */
public enum Severity {
  BLOCK,
  WARN,
  INFO;

  private final String word = name().toLowerCase(Locale.ROOT);

  /** The lower-case name reports print; one string per severity, not one per finding printed. */
  public String word() {
    return word;
  }

  public static Severity parse(String word) {
    for (Severity s : values()) {
      if (s.word().equals(word)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown severity '" + word + "' (expected block, warn or info)");
  }
}
