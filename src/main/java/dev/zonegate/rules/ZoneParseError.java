package dev.zonegate.rules;

import java.util.List;

// Risk: A zone file that does not parse cannot be deployed, or worse, is deployed half-read.
// Source: RFC 1035 §5 (master files); named-checkzone does the same check.
final class ZoneParseError implements Rule {
  static final RuleType TYPE =
      new RuleType(
          "zone-parse-error",
          Severity.BLOCK,
          "a head zone file does not parse",
          List.of(),
          ZoneParseError::new,
          new RuleType.Example("www A 192.0.2.1\n", "www A 192.0.2.300\n"));

  private final RuleSpec spec;

  ZoneParseError(RuleSpec spec) {
    this.spec = spec;
  }

  @Override
  public void check(RuleInput in, Findings out) {
    // A file that does not parse has no changes to judge: report the error itself, where it is.
    var e = in.parseError();
    if (e == null) {
      return;
    }
    out.add(in.zone(), null, e.problem(), List.of(), List.of(), e.location() != null ? e.location() : in.afterFile());
  }
}
