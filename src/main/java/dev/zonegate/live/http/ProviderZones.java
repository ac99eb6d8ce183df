package dev.zonegate.live.http;

import dev.zonegate.config.LiveConfig;
import dev.zonegate.live.LiveException;
import dev.zonegate.model.Names;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** What the provider API sources share besides the HTTP exchange. */
public final class ProviderZones {
  private ProviderZones() {}

  /** The zone's name, absolute and lower-case, as reports name it. */
  public static String origin(String zone) {
    return Names.absolute(zone.trim()).toLowerCase(Locale.ROOT);
  }

  /**
   * The credential in {@code variable} of {@code env}; a missing or empty one fails naming the
   * variable (never its value). {@code what} says what it is, e.g. {@code the PowerDNS API key}.
   */
  public static String secret(String zone, String what, String variable, Map<String, String> env)
      throws LiveException {
    String v = variable == null ? null : env.get(variable);
    if (v == null || v.isBlank()) {
      throw new LiveException(zone, null, what + " variable " + variable + " is not set");
    }
    v = v.strip();
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        // A header cannot carry it; say so without showing any of it.
        throw new LiveException(zone, null, what + " in " + variable + " holds a character an HTTP header cannot carry");
      }
    }
    return v;
  }

  /** The configured timeout, or the default. */
  public static Duration timeout(int seconds) {
    return Duration.ofSeconds(seconds > 0 ? seconds : LiveConfig.DEFAULT_TIMEOUT_SECONDS);
  }

  /** Text from the server in a message: quoted, cut short, control characters as escapes. */
  public static String show(String s) {
    String t = s.length() > 80 ? s.substring(0, 77) + "..." : s;
    StringBuilder sb = new StringBuilder("'");
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      sb.append(c < 0x20 || c == 0x7f ? String.format(Locale.ROOT, "\\%03d", (int) c) : String.valueOf(c));
    }
    return sb.append('\'').toString();
  }

  /** {@code url} without trailing slashes. */
  public static String base(String url) {
    String u = url.strip();
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    return u;
  }
}
