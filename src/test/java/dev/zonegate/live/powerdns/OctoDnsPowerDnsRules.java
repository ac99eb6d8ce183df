package dev.zonegate.live.powerdns;

import dev.zonegate.model.Zone;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What octoDNS 1.22 with octodns-powerdns 1.2 does not manage on a PowerDNS zone, found in its code
 * and confirmed by {@link OctoDnsPowerDnsParityTest}: a change zonegate reports (the head against
 * pdns as live) that falls under one of these rules is one octoDNS never plans. The PowerDNS source
 * reports what pdns serves, so these belong where the gate knows the head is octoDNS YAML deployed
 * to PowerDNS; until then a comparison applies them as here.
 *
 * <ol>
 *   <li><b>SOA</b>: octoDNS has no SOA type (pdns keeps its own); zonegate already compares no SOA
 *       when the head has none.
 *   <li><b>Apex NS only when the head has one</b>: {@code BaseProvider._process_existing_zone}
 *       drops the existing root NS when the desired zone has none ({@code SUPPORTS_ROOT_NS} is
 *       true for PowerDNS, so a head that has one is managed, changes and all).
 *   <li><b>Only the provider's types</b>: {@code populate} skips RRsets whose type is not in
 *       {@code PowerDnsBaseProvider.SUPPORTS} (A, AAAA, ALIAS, CAA, CNAME, DS, LOC, MX, NAPTR, NS,
 *       PTR, SSHFP, SRV, TLSA, TXT, HTTPS, SVCB, URI, and LUA as PowerDnsProvider/LUA), so a set
 *       of any other type on pdns (HINFO, SPF, RP, DNAME, OPENPGPKEY, CDS, presigned DNSSEC ...)
 *       is never updated or deleted; in a head such a type fails octoDNS's plan outright
 *       (SupportsException under strict_supports, its default).
 *   <li><b>Values and TTL only</b>: octoDNS compares a record's values and TTL; other providers'
 *       settings under {@code octodns:} (cloudflare.proxied, route53 health checks) mean nothing to
 *       PowerDNS and change no plan, where zonegate's extras compare them.
 *   <li><b>ignored</b> records: neither side compares them (zonegate's reader already marks them).
 * </ol>
 *
 * <p>Not a rule but a known difference: octodns-powerdns reads {@code disabled} records as if
 * they were served (it never looks at the flag), so it plans an update to drop a disabled record
 * the head does not list; zonegate leaves disabled records out, as pdns does when it answers.
 */
final class OctoDnsPowerDnsRules {
  private OctoDnsPowerDnsRules() {}

  static final Set<String> SUPPORTS = Set.of(
      "A", "AAAA", "ALIAS", "CAA", "CNAME", "DS", "LOC", "MX", "NAPTR", "NS", "PTR", "SSHFP", "SRV", "TLSA",
      "TXT", "HTTPS", "SVCB", "URI");

  /** True when octoDNS would plan {@code change} (one entry of a zonegate JSON report) too. */
  static boolean managed(JsonNode change, Zone head) {
    String type = change.get("rrtype").asString();
    String name = change.get("name").asString();
    if (type.equals("SOA")) {
      return false;
    }
    if (type.equals("NS") && name.equals(head.origin()) && head.get(head.origin(), "NS") == null) {
      return false;
    }
    if (!SUPPORTS.contains(type)) {
      return false;
    }
    if (change.get("action").asString().equals("update")
        && change.get("ttlBefore").equals(change.get("ttlAfter"))
        && change.get("before").equals(change.get("after"))) {
      return false; // only what lies beyond the records (extras) differs
    }
    return true;
  }
}
