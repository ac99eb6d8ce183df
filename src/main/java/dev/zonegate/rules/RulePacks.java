package dev.zonegate.rules;

import dev.zonegate.model.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * The packs in force, from a config's {@code rules:} list or the {@code --rules} flags (docs/configuration.md).
 * Packs layer on the built-in default pack and override its ids; they never silently replace it.
 * Starting from nothing takes {@link #NONE} as the first entry, and the packs in force (that entry
 * included) are printed by every report, so a gate with fewer rules than usual says so.
 */
public final class RulePacks {
  /** The shipped pack ({@code rules/default.yaml}), by name, anywhere in the list. */
  public static final String DEFAULT = "builtin:default";

  /** As the first entry: start from no rules instead of the default pack. */
  public static final String NONE = "builtin:none";

  /** Reads a named pack file (from a git tree, a directory, the file system). */
  @FunctionalInterface
  public interface Source {
    RulePack read(String path) throws RulePackException;
  }

  private RulePacks() {}

  /** The rules of {@code entries} layered in order on the default pack (or on nothing). */
  public static RuleSet load(List<String> entries, Source source) throws RulePackException {
    return RuleSet.of(packs(entries, source));
  }

  /** The packs {@code entries} stand for, in order, the implicit default pack first. */
  public static List<RulePack> packs(List<String> entries, Source source) throws RulePackException {
    List<RulePack> out = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String e = entries.get(i);
      if (e.equals(NONE)) {
        if (i != 0) {
          throw new RulePackException(
              new Location(e, 0), null, NONE + " must be the first entry: it means \"start from no rules\", and later packs add to it");
        }
        out.add(RulePack.none());
        continue;
      }
      if (i == 0 && !e.equals(DEFAULT)) {
        out.add(RulePack.defaults()); // layered on, not replaced
      }
      if (e.equals(DEFAULT)) {
        out.add(RulePack.defaults());
      } else if (e.startsWith("builtin:")) {
        throw new RulePackException(
            new Location(e, 0), null, "unknown built-in pack; there are " + DEFAULT + " and " + NONE);
      } else {
        out.add(source.read(e));
      }
    }
    if (out.isEmpty()) {
      out.add(RulePack.defaults());
    }
    return out;
  }
}
