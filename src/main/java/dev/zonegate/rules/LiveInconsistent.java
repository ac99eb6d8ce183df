package dev.zonegate.rules;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

// Risk: the zone's authoritative servers answer differently (a secondary that stopped
// transferring, a provider half-way through an update); the change is judged against one of them.
// Source: RFC 1034 §4.3.5 (all of a zone's servers should serve the same data), RFC 1996.
final class LiveInconsistent implements Rule {
  static final RuleType TYPE =
      new RuleType(
          "live-inconsistent",
          Severity.WARN,
          "the zone's live servers disagree about an RRset (query mode)",
          List.of(),
          LiveInconsistent::new,
          new RuleType.Example(
              "www A 93.184.215.14\n",
              "www A 93.184.215.14\n",
              Map.of(),
              null,
              List.of(
                  new RuleInput.Disagreement(
                      "www.example.com.",
                      "A",
                      new TreeMap<>(
                          Map.of("192.0.2.53:53", List.of("93.184.215.14"), "198.51.100.53:53", List.of("93.184.215.9"))),
                      "192.0.2.53:53"))));

  private final RuleSpec spec;

  LiveInconsistent(RuleSpec spec) {
    this.spec = spec;
  }

  @Override
  public void check(RuleInput in, Findings out) {
    for (RuleInput.Disagreement d : in.disagreements()) {
      StringBuilder msg = new StringBuilder("the live servers disagree about " + d.name() + " " + d.type() + ":");
      for (Map.Entry<String, List<String>> e : d.answers().entrySet()) {
        msg.append(' ').append(e.getKey()).append(" has ").append(e.getValue().isEmpty() ? "nothing" : e.getValue()).append(';');
      }
      msg.append(" the change was judged against ").append(d.judgedAgainst());
      out.add(d.name(), d.type(), msg.toString(), List.of(), List.of(), null);
    }
  }
}
