package dev.zonegate.live;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One (name, type) that the configured servers answer differently. {@code answers} maps each
 * server ({@code host:port}) to its sorted canonical rdata, in label order so a report is the same
 * every run; an empty list means the server says the set does not exist (NXDOMAIN or NODATA).
 * {@code judgedAgainst} is the server whose answer the zone was built from: the first configured,
 * which label order need not put first. TTLs are not compared: servers on different versions of a
 * zone also differ in the SOA serial, which is reported here when the SOA is among the keys.
 */
public record Disagreement(String name, String type, SortedMap<String, List<String>> answers, String judgedAgainst) {
  public Disagreement {
    TreeMap<String, List<String>> copy = new TreeMap<>();
    answers.forEach((server, rdata) -> copy.put(server, List.copyOf(rdata)));
    answers = Collections.unmodifiableSortedMap(copy);
  }
}
