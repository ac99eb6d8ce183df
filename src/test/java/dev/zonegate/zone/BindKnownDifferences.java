package dev.zonegate.zone;

import java.util.List;

/**
 * The known differences from named of docs/fidelity-bind.md, as classes a fuzzer can recognise
 * from the two verdicts alone (it has no case ids): each class names the doc's entry and says how
 * it shows. BindDifferentialTest pins the same differences to case ids.
 */
public final class BindKnownDifferences {
  private BindKnownDifferences() {}

  /** One class: named's and zonegate's verdicts, and the words that show it. */
  private record Known(String entry, boolean namedAccepts, List<String> namedWords, List<String> zonegateWords) {}

  private static final List<Known> KNOWN =
      List.of(
          // $INCLUDE: confined to the repository, relative to the including file.
          new Known("$INCLUDE", true, List.of(), List.of("$INCLUDE")),
          // Rare malformed rdata dnsjava reads (base64 of key records and CERT).
          new Known("lenient rdata", false, List.of("bad base64 encoding"), List.of()),
          // Obsolete forms zonegate does not read.
          new Known("WKS, ATMA, KEY", true, List.of(), List.of("Invalid TCP/UDP service", "Invalid flags")));

  /**
   * The doc entry that explains this disagreement, or null when it is unexplained. {@code
   * zonegateError} is null when zonegate accepted.
   */
  public static String explain(boolean namedAccepts, String namedMessages, String zonegateError) {
    for (Known k : KNOWN) {
      if (k.namedAccepts() != namedAccepts || (zonegateError == null) == namedAccepts) {
        continue;
      }
      List<String> words = namedAccepts ? k.zonegateWords() : k.namedWords();
      String text = namedAccepts ? zonegateError : namedMessages;
      for (String w : words) {
        if (text.contains(w)) {
          return k.entry();
        }
      }
    }
    return null;
  }
}
