package dev.zonegate.zone;

import dev.zonegate.model.Notice;
import dev.zonegate.model.RRset;
import dev.zonegate.model.Zone;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xbill.DNS.Address;
import org.xbill.DNS.DNSInput;
import org.xbill.DNS.Name;
import tools.jackson.databind.JsonNode;

/**
 * What agreeing with octoDNS 1.22 means for one octoDNS YAML zone, shared by the differential
 * test over the fixed cases ({@link OctoDnsDifferentialTest}) and the one over fuzzed files
 * ({@code OctoDnsDifferentialFuzzTest}): each side's outcome in one form (the RRsets by owner and
 * type, or the refusal), the comparison, and the known differences, each with its reason
 * (docs/fidelity-octodns.md). Nothing else may differ.
 */
public final class OctoDnsAgreement {
  private OctoDnsAgreement() {}

  /** The known difference that explains {@code d}, or null when none (or several) do. */
  public static Known explain(Disagreement d) {
    List<Known> matches = KNOWN.stream().filter(k -> k.covers().test(d)).toList();
    return matches.size() == 1 ? matches.get(0) : null;
  }

  /** One case: a zone file, the zone it is read as, and the provider options. */
  public record Case(String id, String source, Path root, String file, String zone, OctoDnsOptions options) {}

  // ---------------------------------------------------------------- the known differences

  /** What a disagreement is, for the allow-list to match on. */
  public enum Kind {
    /** octoDNS loads the zone, zonegate refuses it. */
    ZONEGATE_REFUSES,
    /** octoDNS refuses the zone, zonegate reads it. */
    OCTODNS_REFUSES,
    /** Both load it, with different RRsets. */
    RECORDS_DIFFER
  }

  /** One disagreement, with both sides' outcomes. */
  public record Disagreement(Case c, Kind kind, Octo octo, Gate gate) {}

  /** A known, explained difference: its name, why it is so, and which disagreements it covers. */
  public record Known(String name, String reason, Predicate<Disagreement> covers) {}

  /**
   * THE allow-list. Every entry is also described in docs/fidelity-octodns.md. Nothing else may
   * differ.
   */
  public static final List<Known> KNOWN =
      List.of(
          // octoDNS's legacy validators let through values that are not DNS data at all: an MX
          // preference or SRV port above 65535, a TLSA association or SSHFP fingerprint that is
          // not hex, a negative SvcParam port, a TTL beyond 2^31-1, a name with an empty label.
          // octoDNS loads them, and the provider refuses them at deploy time; zonegate refuses
          // them when it reads, saying no provider can serve the value. Recognised by octoDNS's
          // own rendering of the record failing to parse as DNS presentation data.
          new Known(
              "not-dns-data",
              "octoDNS loads a value no DNS server or provider can hold; zonegate refuses it when reading",
              d -> d.kind() == Kind.ZONEGATE_REFUSES && d.octo().unservable() && d.gate().notDnsData()),
          // octoDNS loads a record whose octodns.included or excluded is no collection (~, a
          // number), and then fails planning it for every target ('x' in None): the deploy never
          // runs. zonegate refuses it when reading, saying so.
          new Known(
              "fails-at-plan",
              "octoDNS loads a record its planning then fails on; zonegate refuses it when reading",
              d -> d.kind() == Kind.ZONEGATE_REFUSES && d.gate().planFails()),
          // zonegate's YAML parser (YAML 1.2) takes a ':' (or '?', '%', '@', '`') right after an
          // anchor or alias name into the name; PyYAML ends the name there and reads on, so
          // "&a: 1" is to it a key anchored a. No octoDNS file writes an anchor so; zonegate
          // refuses it saying where to put a space.
          new Known(
              "anchor-glued",
              "an anchor or alias followed directly by ':' is read apart by PyYAML; zonegate refuses it",
              d -> d.kind() == Kind.ZONEGATE_REFUSES && d.gate().error().contains("YAML syntax error: the anchor or alias '")
                  && d.gate().error().contains("' is followed directly by '")));

  public static Disagreement compare(Case c, Octo o, Gate g) {
    if (!o.ok() && !g.ok()) {
      return null;
    }
    if (o.ok() && !g.ok()) {
      return new Disagreement(c, Kind.ZONEGATE_REFUSES, o, g);
    }
    if (!o.ok()) {
      return new Disagreement(c, Kind.OCTODNS_REFUSES, o, g);
    }
    return o.sets().equals(g.sets()) ? null : new Disagreement(c, Kind.RECORDS_DIFFER, o, g);
  }

  public static String describe(Disagreement d) {
    return d.c().id() + " (" + d.c().root().resolve(d.c().file()) + ", " + d.c().options() + "): " + d.kind()
        + "\n    octoDNS:  " + d.octo().summary() + "\n    zonegate: " + d.gate().summary();
  }

  // ---------------------------------------------------------------- both sides' outcomes

  /** octoDNS's outcome: RRsets by "owner TYPE" as "ttl rdata...", or its error. */
  public record Octo(boolean ok, Map<String, String> sets, String error, List<String> validators, boolean unservable) {
    public static Octo of(JsonNode r, String zone) {
      if (!r.get("ok").asBoolean()) {
        List<String> ids = new ArrayList<>();
        r.path("validators").forEach(v -> ids.add(v.asString()));
        return new Octo(false, Map.of(), r.get("error").asString(), ids, false);
      }
      Map<String, String> sets = new TreeMap<>();
      boolean unservable = false;
      for (JsonNode rec : r.get("records")) {
        String type = rec.get("type").asString();
        String owner = owner(rec.get("name").asString());
        BigInteger big = rec.get("ttl").bigIntegerValue();
        if (owner == null || big.signum() < 0 || big.compareTo(BigInteger.valueOf(2147483647L)) > 0
            || rec.get("values").isNull()) {
          unservable = true;
          continue;
        }
        TreeSet<String> rdata = new TreeSet<>();
        for (JsonNode v : rec.get("values")) {
          String canonical = canonical(owner, type, v.asString());
          if (canonical == null) {
            unservable = true;
          } else {
            rdata.add(canonical);
          }
        }
        if (!rdata.isEmpty()) {
          sets.put(owner + " " + type, big + " " + String.join(" | ", rdata));
        }
        for (String answer : routingValues(rec)) {
          if (canonical(owner, type, answer) == null || !addressLiteral(type, answer)) {
            unservable = true; // a geo answer or pool value a lenient zone loads as written
          }
        }
      }
      return new Octo(true, sets, null, List.of(), unservable);
    }

    public String summary() {
      return ok ? "loads " + sets : "refuses: " + error.replaceAll("\\s+", " ") + " " + validators;
    }

    /**
     * For A and AAAA, whether the value is an address literal as it stands: octoDNS hands a geo
     * answer to the provider as written, where the canonical form would forgive a blank.
     */
    private static boolean addressLiteral(String type, String value) {
      return switch (type) {
        case "A" -> Address.toByteArray(value, Address.IPv4) != null;
        case "AAAA" -> Address.toByteArray(value, Address.IPv6) != null;
        default -> true;
      };
    }

    /** The values of a record's geo answers and dynamic pools, as octoDNS holds them. */
    private static List<String> routingValues(JsonNode rec) {
      List<String> out = new ArrayList<>();
      rec.path("geo").forEach(answers -> answers.forEach(v -> out.add(v.asString())));
      rec.path("dynamic").path("pools").forEach(pool -> pool.path("values").forEach(v -> {
        if (v.path("value").isString()) {
          out.add(v.path("value").asString());
        }
      }));
      return out;
    }
  }

  /** zonegate's outcome, in the same form. */
  public record Gate(boolean ok, Map<String, String> sets, String error, List<Notice> notices) {
    public static Gate of(Case c) throws IOException {
      try {
        Zone z = new OctoDnsYamlReader(c.options()).read(new DirectoryTree(c.root()), c.file(), c.zone());
        return new Gate(true, sets(z), null, z.notices());
      } catch (ZoneReadException e) {
        return new Gate(false, Map.of(), e.getMessage(), List.of());
      }
    }

    public static Map<String, String> sets(Zone z) {
      Map<String, String> sets = new TreeMap<>();
      for (RRset s : z.rrsets().values()) {
        sets.put(s.name() + " " + s.type(), s.ttl() + " " + String.join(" | ", new TreeSet<>(s.rdata())));
      }
      return sets;
    }

    /** zonegate's refusal of an octodns.included/excluded octoDNS would fail planning with. */
    public boolean planFails() {
      return error != null && error.matches("(?s)[^\"]*: octodns\\.(included|excluded) is .*")
          && error.endsWith("not a list of provider names; octoDNS fails planning every target with it");
    }

    public boolean notDnsData() {
      return error != null
          && (error.contains("no provider can serve") || error.contains("is not a TTL a provider can serve")
              || error.contains("which no DNS name can have") || error.contains("is not a valid DNS name"));
    }

    public String summary() {
      return ok ? "loads " + sets : "refuses: " + error;
    }
  }

  /** An octoDNS owner name (plain text labels, IDNA already applied) as a canonical DNS name. */
  static String owner(String fqdn) {
    try {
      ByteArrayOutputStream wire = new ByteArrayOutputStream();
      String body = fqdn.endsWith(".") ? fqdn.substring(0, fqdn.length() - 1) : fqdn;
      if (!body.isEmpty()) {
        for (String label : body.split("\\.", -1)) {
          byte[] b = label.getBytes(StandardCharsets.UTF_8);
          if (b.length == 0 || b.length > 63) {
            return null;
          }
          wire.write(b.length);
          wire.write(b);
        }
      }
      wire.write(0);
      return Canonical.name(new Name(new DNSInput(wire.toByteArray())));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * octoDNS's URLFWD text, {@code "path" "target" code masking query}, written without escaping a
   * quote inside the path or target: read greedily, as only a path holding {@code " "} could
   * mislead it.
   */
  private static final Pattern URLFWD = Pattern.compile("\"(.*)\" \"(.*)\" (\\d+) (\\d+) (\\d+)", Pattern.DOTALL);

  /** octoDNS's presentation rdata, canonical as zonegate's is; null when it is not DNS data. */
  static String canonical(String owner, String type, String text) {
    try {
      switch (type) {
        case "ALIAS":
          return Canonical.name(Name.fromString(text, Name.root));
        case "URLFWD":
          Matcher m = URLFWD.matcher(text);
          return m.matches()
              ? OctoDnsValues.quote(m.group(1)) + " " + OctoDnsValues.quote(m.group(2)) + " " + m.group(3) + " "
                  + m.group(4) + " " + m.group(5)
              : null;
        default:
          // octoDNS writes non-ASCII text raw, meaning its UTF-8 octets; dnsjava wants escapes.
          return Canonical.rdata(owner, type, OctoDnsValues.utf8Escaped(text), ".");
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
