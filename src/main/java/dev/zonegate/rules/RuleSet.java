package dev.zonegate.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  private RuleSet(List<Active> active, List<RuleSpec> specs) {
    this.active = List.copyOf(active);
    this.specs = List.copyOf(specs);
  }

  public static RuleSet of(List<RulePack> packs) throws RulePackException {
    Map<String, RuleSpec> merged = new LinkedHashMap<>();
    for (RulePack p : packs) {
      for (RuleSpec s : p.rules()) {
        merged.remove(s.id());
        merged.put(s.id(), s);
      }
    }
    List<Active> active = new ArrayList<>();
    List<RuleSpec> all = new ArrayList<>(merged.values());
    for (RuleSpec s : all) {
      if (!s.enabled()) {
        continue;
      }
      try {
        active.add(new Active(s, RuleCatalog.type(s.type()).factory().apply(s)));
      } catch (IllegalArgumentException e) {
        throw new RulePackException(s.where(), s.id(), e.getMessage());
      }
    }
    return new RuleSet(active, all);
  }

  /** The same rules limited to some types: {@code lint} runs only those that judge a snapshot. */
  public RuleSet only(java.util.Set<String> types) {
    List<Active> a = new ArrayList<>();
    for (Active x : active) {
      if (types.contains(x.spec().type())) {
        a.add(x);
      }
    }
    return new RuleSet(a, specs);
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
