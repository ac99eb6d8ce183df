package dev.zonegate.rules;

/**
 * Underscored names (RFC 8552): {@code _acme-challenge.www}, {@code _dmarc}, {@code _mta-sts},
 * {@code _443._tcp.www}, {@code _sip._tls}, and everything scoped below an underscored label, such
 * as the DKIM key {@code selector1._domainkey} (RFC 6376 §3.6.2.1) or an ACM validation name. They
 * hold attributes of a name (a token, a key, a policy, a service location) and are looked up for
 * those records only. Hostnames cannot start a label with {@code _} (RFC 952, RFC 1123 §2.1), so
 * no client resolves such a name to an address: rules about a name that stops resolving, or about
 * how long an address stays cached, do not apply to it.
 *
 * <p>One exception is known and accepted: Active Directory's {@code <guid>._msdcs} CNAMEs, which
 * domain controllers follow to find a replication partner. They live in zones AD writes itself.
 */
final class AttributeLeaf {
  private AttributeLeaf() {}

  /** True when a label of the absolute, presentation-form name starts with {@code _}. */
  static boolean is(String name) {
    for (int i = name.indexOf('_'); i >= 0; i = name.indexOf('_', i + 1)) {
      if (i == 0 || name.charAt(i - 1) == '.' && !escaped(name, i - 1)) {
        return true;
      }
    }
    return false;
  }

  /** True when the character at {@code at} follows an odd run of backslashes ({@code a\.b}). */
  private static boolean escaped(String name, int at) {
    int n = 0;
    for (int k = at - 1; k >= 0 && name.charAt(k) == '\\'; k--) {
      n++;
    }
    return n % 2 == 1;
  }
}
