package dev.zonegate.rules;

import java.util.Locale;

/** How much a finding weighs: {@code block} stops the deploy, {@code warn} and {@code info} inform. */
public enum Severity {
  BLOCK,
  WARN,
  INFO;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
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
