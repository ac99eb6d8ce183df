package dev.zonegate.rules;

import dev.zonegate.model.Names;
import dev.zonegate.model.RRset;
import dev.zonegate.model.Zone;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-zone name references of one snapshot, indexed by target: which CNAME, DNAME, MX, NS, SRV,
 * SVCB/HTTPS and ALIAS records point at a name. Built once per snapshot, so rules that ask "who
 * points here?" for each change never scan the zone per change.
 */
public final class References {
  /** One record that names a target. */
  public record Reference(String owner, String type, String rdata, String target) {}

  private final Map<String, List<Reference>> byTarget = new HashMap<>();

  References(Zone z) {
    if (z == null) {
      return;
    }
    for (RRset s : z.rrsets().values()) {
      for (String rdata : s.rdata()) {
        String t = target(s.type(), rdata);
        if (t != null && Names.isAtOrBelow(t, z.origin())) {
          byTarget.computeIfAbsent(t, k -> new ArrayList<>()).add(new Reference(s.name(), s.type(), rdata, t));
        }
      }
    }
  }

  /** Records in the zone whose target is {@code name}. */
  public List<Reference> to(String name) {
    return byTarget.getOrDefault(name, List.of());
  }

  /**
   * The name a record points at, or null for types that point nowhere or a null target
   * ({@code .} in MX/SRV means "no service", RFC 7505 and RFC 2782).
   */
  public static String target(String type, String rdata) {
    String[] f;
    switch (type) {
      case "CNAME":
      case "DNAME":
      case "NS":
        return real(rdata.trim());
      case "MX":
        f = rdata.trim().split("\\s+");
        return f.length == 2 ? real(f[1]) : null;
      case "SRV":
        f = rdata.trim().split("\\s+");
        return f.length == 4 ? real(f[3]) : null;
      case "SVCB":
      case "HTTPS":
        f = rdata.trim().split("\\s+");
        return f.length >= 2 ? real(f[1]) : null;
      case "ALIAS":
        f = rdata.trim().split("\\s+");
        return real(f[f.length - 1]);
      default:
        return null;
    }
  }

  private static String real(String name) {
    return name.equals(".") || name.isEmpty() ? null : name;
  }
}
