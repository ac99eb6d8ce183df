package dev.zonegate.rules;

import java.util.List;

// Risk: A zone file that does not parse cannot be deployed, or worse, is deployed half-read.
// Source: RFC 1035 §5 (master files); named-checkzone refuses the same files.
//
// Part of the gate, not of a pack (docs/configuration.md): RuleEngine reports it for every zone whose proposed
// file did not parse, whatever the packs say, and RulePack refuses a pack that would switch it off,
// lower it or make it overridable. Its type stays in the catalogue so `rules list` and `rules
// explain` show it and a pack may restate it with its own description.
final class ZoneParseError implements Rule {
  static final String ID = "zone-parse-error";

  static final String DESCRIPTION =
      "A proposed zone file does not parse. It cannot be deployed as written; the finding names the file and line.";

  static final RuleType TYPE =
      new RuleType(
          ID,
          Severity.BLOCK,
          "a head zone file does not parse",
          List.of(),
          ZoneParseError::new,
          new RuleType.Example("www A 192.0.2.1\n", "www A 192.0.2.300\n"));

  ZoneParseError(RuleSpec spec) {}

  /** As RuleEngine reports it; here for {@code rules explain}, which runs every type's example. */
  @Override
  public void check(RuleInput in, Findings out) {
    if (in.parseError() != null) {
      Finding f = finding(in);
      out.add(f.name(), f.type(), f.message(), f.before(), f.after(), f.location());
    }
  }

  /** The blocking, non-overridable finding for a proposed file that did not parse, where it broke. */
  static Finding finding(RuleInput in) {
    var e = in.parseError();
    return new Finding(
        ID,
        Severity.BLOCK,
        in.zone(),
        in.zone(),
        null,
        e.problem(),
        List.of(),
        List.of(),
        e.location() != null ? e.location() : in.afterFile(),
        false,
        null);
  }
}
