package dev.zonegate.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an RRset carries beyond its records that a deploy acts on: provider settings (octoDNS's
 * {@code octodns: {cloudflare: {proxied: true}}}, Route 53 health checks) and {@link Routing}. Part
 * of the RRset's identity: flipping one is a change the report shows. Immutable; attribute keys are
 * flattened ({@code cloudflare.proxied}) and sorted, values are text with control characters
 * written as {@code \DDD}, so a line never breaks a report or a snapshot file.
 */
public final class Extras {
  private final SortedMap<String, String> attributes;
  private final Routing routing;

  public Extras(Map<String, String> attributes, Routing routing) {
    TreeMap<String, String> a = new TreeMap<>();
    attributes.forEach((k, v) -> a.put(clean(k), clean(v)));
    this.attributes = Collections.unmodifiableSortedMap(a);
    this.routing = routing;
  }

  /** Null when there is nothing beyond the records. */
  public static Extras of(Map<String, String> attributes, Routing routing) {
    return attributes.isEmpty() && routing == null ? null : new Extras(attributes, routing);
  }

  public SortedMap<String, String> attributes() {
    return attributes;
  }

  /** The routing, or null. */
  public Routing routing() {
    return routing;
  }

  /** One line per fact, sorted attributes first, then routing: what reports show and fingerprints hash. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    attributes.forEach((k, v) -> out.add(k + ": " + v));
    if (routing != null) {
      out.addAll(routing.lines());
    }
    return out;
  }

  /** Lines of {@code e}, or none for null. */
  public static List<String> lines(Extras e) {
    return e == null ? List.of() : e.lines();
  }

  private static String clean(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        if (sb == null) {
          sb = new StringBuilder(s.length() + 8).append(s, 0, i);
        }
        sb.append('\\').append(String.format(Locale.ROOT, "%03d", (int) c));
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Extras && ((Extras) o).attributes.equals(attributes) && Objects.equals(((Extras) o).routing, routing);
  }

  @Override
  public int hashCode() {
    return attributes.hashCode() * 31 + Objects.hashCode(routing);
  }

  @Override
  public String toString() {
    return String.join("; ", lines());
  }
}
