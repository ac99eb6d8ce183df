package dev.zonegate.gate;

import dev.zonegate.git.Trailer;
import dev.zonegate.rules.Allow;
import dev.zonegate.rules.Allowance;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The three ways to allow a blocked finding (SPEC §6), each recorded with who and where: commit
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

  /** A malformed trailer is an error, not ignored: the author meant to allow something. */
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
    }
    return out;
  }

  /** {@code $CI_MERGE_REQUEST_LABELS} is a comma-separated list; other labels are ignored. */
  public static List<Allow> labels(String labels) {
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
          // A label that names no rule allows nothing; labels are free text for other tools too.
        }
      }
    }
    return out;
  }
}
