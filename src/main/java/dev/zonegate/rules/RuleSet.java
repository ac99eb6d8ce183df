package dev.zonegate.rules;

import dev.zonegate.model.Location;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rules in force: packs merged in order (a later rule with the same id replaces the earlier
 * one, {@code enabled: false} switches it off), each made into a {@link Rule} at load time so a
 * broken expression fails before any zone is judged.
 */
public final class RuleSet {
  /** A rule with the spec it came from. */
  public record Active(RuleSpec spec, Rule rule) {}

  private final List<Active> active;
  private final List<RuleSpec> specs;
  private final List<String> packs;

  private RuleSet(List<Active> active, List<RuleSpec> specs, List<String> packs) {
    this.active = List.copyOf(active);
    this.specs = List.copyOf(specs);
    this.packs = List.copyOf(packs);
  }

  public static RuleSet of(List<RulePack> packs) throws RulePackException {
    Map<String, RuleSpec> merged = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    for (RulePack p : packs) {
      names.add(p.path());
      for (RuleSpec s : p.rules()) {
        merged.remove(s.id());
        merged.put(s.id(), s);
      }
    }
    if (!merged.containsKey(ZoneParseError.ID)) {
      // Part of the gate whatever the packs: listed, explained and described like the others.
      merged.put(
          ZoneParseError.ID,
          new RuleSpec(ZoneParseError.ID, ZoneParseError.ID, Severity.BLOCK, Scope.ALL, Map.of(), false, true,
              ZoneParseError.DESCRIPTION, new Location("builtin", 0)));
    }
    List<Active> active = new ArrayList<>();
    List<RuleSpec> all = new ArrayList<>(merged.values());
    for (RuleSpec s : all) {
      if (!s.enabled() || s.id().equals(ZoneParseError.ID)) {
        continue; // a parse error is the gate's own finding (Gate), whatever the packs say
      }
      try {
        active.add(new Active(s, RuleCatalog.type(s.type()).factory().apply(s)));
      } catch (IllegalArgumentException e) {
        // The exception names the rule already; the pack error names it once.
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String own = "rule '" + s.id() + "': ";
        throw new RulePackException(s.where(), s.id(), m.startsWith(own) ? m.substring(own.length()) : m);
      }
    }
    return new RuleSet(active, all, names);
  }

  /** The same rules limited to some types: {@code lint} runs only those that judge a snapshot. */
  public RuleSet only(Set<String> types) {
    List<Active> a = new ArrayList<>();
    for (Active x : active) {
      if (types.contains(x.spec().type())) {
        a.add(x);
      }
    }
    return new RuleSet(a, specs, packs);
  }

  /**
   * A digest of the rules in force (each rule's id, type, severity, scope, params, overridable,
   * enabled), sorted by id: two runs with the same digest judged with the same rules, whatever
   * the packs' file names or layout.
   */
  public String digest() {
    StringBuilder b = new StringBuilder();
    specs.stream().sorted(Comparator.comparing(RuleSpec::id)).forEach(s -> b.append(s.id()).append('|')
        .append(s.type()).append('|').append(s.severity()).append('|').append(s.scope()).append('|')
        .append(new TreeMap<>(s.params())).append('|').append(s.overridable()).append('|').append(s.enabled())
        .append('\n'));
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(h, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The packs in force, in layering order: {@code builtin:default}, {@code builtin:none} or paths. */
  public List<String> packs() {
    return packs;
  }

  /**
   * What reports say a rule guards against, for every rule that can fire: the enabled rules and
   * the gate's own {@code zone-parse-error}.
   */
  public Map<String, String> descriptions() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put(ZoneParseError.ID, spec(ZoneParseError.ID).description());
    for (Active a : active) {
      out.put(a.spec().id(), a.spec().description());
    }
    return out;
  }

  /** True when a finding of rule {@code id} can come out of this set (an allow must name one). */
  public boolean fires(String id) {
    if (id.equals(ZoneParseError.ID)) {
      return true;
    }
    for (Active a : active) {
      if (a.spec().id().equals(id)) {
        return true;
      }
    }
    return false;
  }

  /** Enabled rules, in pack order. */
  public List<Active> active() {
    return active;
  }

  /** Every merged rule, switched off ones included, in pack order. */
  public List<RuleSpec> specs() {
    return specs;
  }

  public RuleSpec spec(String id) {
    for (RuleSpec s : specs) {
      if (s.id().equals(id)) {
        return s;
      }
    }
    return null;
  }
}
