package dev.zonegate.gate;

import dev.zonegate.git.Trailer;
import dev.zonegate.rules.Allow;
import dev.zonegate.rules.Allowance;
import dev.zonegate.rules.RuleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The three ways to allow a blocked finding (docs/ci-and-hooks.md), each recorded with who and where: commit
 * trailers {@code Zonegate-Allow: RULE[:NAME] reason}, GitLab merge-request labels
 * {@code zonegate-allow:RULE[:NAME]}, and {@code --allow} flags.
 */
public final class Allows {
  public static final String TRAILER = "Zonegate-Allow";
  static final String LABEL_PREFIX = "zonegate-allow:";

  private Allows() {}

  public static List<Allow> flags(List<String> specs) {
    List<Allow> out = new ArrayList<>();
    for (String s : specs) {
      out.add(Allow.parse(s, Allowance.flag(s)));
    }
    return out;
  }

  /**
   * Every allow must name a rule that can fire with these rules (docs/ci-and-hooks.md): a typo in an allow that
   * silently allows nothing would leave its author believing the block is handled, and one that
   * names a rule left out of the packs is stale. The error names where the allow came from.
   */
  public static void requireKnown(List<Allow> allows, RuleSet rules) throws CheckException {
    for (Allow a : allows) {
      if (!rules.fires(a.rule())) {
        throw new CheckException(
            a.source().by() + " allows '" + a.rule() + "', which is no rule of the packs in force ("
                + String.join(", ", rules.packs()) + "); `zonegate rules list` shows them");
      }
    }
  }

  /**
   * A malformed trailer is an error, not ignored: the author meant to allow something. So is one
   * without a reason: the report shows who allowed a block and why, and "why" cannot be empty.
   */
  public static List<Allow> trailers(List<Trailer> trailers) throws CheckException {
    List<Allow> out = new ArrayList<>();
    for (Trailer t : trailers) {
      String v = t.value().trim();
      int space = v.indexOf(' ');
      String spec = space < 0 ? v : v.substring(0, space);
      String reason = space < 0 ? "" : v.substring(space + 1).trim();
      try {
        out.add(Allow.parse(spec, new Allowance("trailer", "commit " + t.commit() + " by " + t.author(), reason)));
      } catch (IllegalArgumentException e) {
        throw new CheckException("commit " + t.commit() + ": trailer '" + TRAILER + ": " + v + "' is not RULE-ID[:NAME] reason");
      }
      if (reason.isEmpty()) {
        throw new CheckException(
            "commit " + t.commit() + ": trailer '" + TRAILER + ": " + v + "' gives no reason; write '" + TRAILER + ": "
                + spec + " <why this is safe>'");
      }
    }
    return out;
  }

  /**
   * {@code $CI_MERGE_REQUEST_LABELS} is a comma-separated list; labels without the
   * {@code zonegate-allow:} prefix belong to other tools and are ignored, ours must be well formed.
   */
  public static List<Allow> labels(String labels) throws CheckException {
    List<Allow> out = new ArrayList<>();
    if (labels == null) {
      return out;
    }
    for (String label : labels.split(",")) {
      String l = label.trim();
      if (l.toLowerCase(Locale.ROOT).startsWith(LABEL_PREFIX) && l.length() > LABEL_PREFIX.length()) {
        String spec = l.substring(LABEL_PREFIX.length());
        try {
          out.add(Allow.parse(spec, new Allowance("label", "merge-request label " + l, null)));
        } catch (IllegalArgumentException e) {
          throw new CheckException("merge-request label '" + l + "' is not " + LABEL_PREFIX + "RULE-ID[:NAME]");
        }
      }
    }
    return out;
  }
}
