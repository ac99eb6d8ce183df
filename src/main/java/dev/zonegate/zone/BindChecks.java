package dev.zonegate.zone;

import dev.zonegate.model.RRset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * What named refuses in a record that dnsjava reads, checked on the canonical text both reader
 * paths produce. named's defaults for a primary zone count (docs/fidelity-bind.md):
 *
 * <ul>
 *   <li>{@code check-names primary fail}: the owner of an A, AAAA, A6, MX or WKS record must be a
 *       host name (letters, digits, inner hyphens; {@code *} only as the whole first label), and
 *       so must the name an NS, MX, SRV, AFSDB, RT, SVCB or HTTPS record points at and an SOA's
 *       primary server; an SOA's mailbox may have anything printable in its first label. A zone
 *       whose server is set to warn or ignore instead ({@link CheckNames}) is read without them.
 *   <li>Types named will not load from a file: meta types (OPT, TKEY, TSIG, IXFR, AXFR, MAILB,
 *       MAILA, ANY, TYPE0) and the obsolete MD and MF.
 *   <li>An NS record at a wildcard owner.
 * </ul>
 *
 * {@link #zone} adds what depends on the zone's name: an SOA only at the apex, a DS never there.
 */
final class BindChecks {
  private BindChecks() {}

  /** Type numbers by mnemonic: dnsjava's lookup upper-cases its argument, twice per record here. */
  private static final ConcurrentHashMap<String, Integer> TYPES = new ConcurrentHashMap<>();

  private static int typeValue(String type) {
    return TYPES.computeIfAbsent(type, Type::value);
  }

  /** The problem with a type named will not load from a file, or null. */
  static String type(String type) {
    return type(typeValue(type), type);
  }

  private static String type(int t, String type) {
    if (t == 0 || t == Type.OPT || (t >= 128 && t <= 255)) {
      return "type " + type + " is a meta type, which named refuses in a zone file";
    }
    if (t == Type.MD || t == Type.MF) {
      return "type " + type + " is obsolete (RFC 973, use MX); named refuses it";
    }
    return null;
  }

  /** The problem with one canonical record, in words, or null when named takes it. */
  static String record(String owner, String type, String rdata) {
    return record(owner, null, type, rdata);
  }

  /**
   * As {@link #record(String, String, String)}, with whether the owner is a host name already
   * known ({@code ownerIsHost} non-null): the fast reader works it out on the bytes it reads.
   */
  static String record(String owner, Boolean ownerIsHost, String type, String rdata) {
    return record(owner, ownerIsHost, type, rdata, true);
  }

  /** What check-names adds to a problem it finds, when it refuses the zone. */
  static final String REFUSED = "; named refuses it (check-names)";

  /**
   * As {@link #record(String, Boolean, String, String)}; with {@code names} false, without the
   * checks of check-names (a zone whose server does not fail on them, {@link CheckNames}).
   */
  static String record(String owner, Boolean ownerIsHost, String type, String rdata, boolean names) {
    int t = typeValue(type);
    String typeProblem = type(t, type);
    if (typeProblem != null) {
      return typeProblem;
    }
    String shape = shape(t, rdata);
    if (shape != null) {
      return shape;
    }
    if (t == Type.NS && owner.startsWith("*.")) {
      return "an NS record cannot have a wildcard owner (" + owner + "); named refuses it";
    }
    if (!names) {
      return null;
    }
    String problem = names(t, owner, ownerIsHost, type, rdata);
    return problem == null ? null : problem + REFUSED;
  }

  /**
   * What check-names finds in one canonical record, without what named does about it, or null:
   * a name that must be a host name and is not, an SOA mailbox that is not a mailbox.
   */
  static String names(String owner, Boolean ownerIsHost, String type, String rdata) {
    return names(typeValue(type), owner, ownerIsHost, type, rdata);
  }

  private static String names(int t, String owner, Boolean ownerIsHost, String type, String rdata) {
    switch (t) {
      case Type.A:
      case Type.AAAA:
      case Type.A6:
      case Type.WKS:
        return ownerCheck(owner, ownerIsHost, type);
      case Type.MX:
        String o = ownerCheck(owner, ownerIsHost, type);
        return o != null ? o : targetCheck(word(rdata, 1), type, "mail exchange");
      case Type.NS:
        return targetCheck(word(rdata, 0), type, "name server");
      case Type.SRV:
        return targetCheck(word(rdata, 3), type, "target");
      case Type.AFSDB:
      case Type.RT:
        return targetCheck(word(rdata, 1), type, "host");
      case Type.SVCB:
      case Type.HTTPS:
        // named checks a ServiceMode target only: an AliasMode one (priority 0) is an alias's
        // target, as a CNAME's is (found by fuzzing).
        return word(rdata, 0).equals("0") ? null : targetCheck(word(rdata, 1), type, "target");
      case Type.SOA:
        String mname = word(rdata, 0);
        if (!isHostName(mname, false)) {
          return "the SOA's primary server " + mname + " is not a host name";
        }
        String rname = word(rdata, 1);
        if (!isMailbox(rname)) {
          return "the SOA's mailbox " + rname + " is not a mailbox name";
        }
        return null;
      default:
        return null;
    }
  }

  /**
   * Rdata dnsjava reads but named does not, seen in the canonical text: an X25 address that is not 4 or more digits, a key record without its key, an SSHFP fingerprint
   * whose length is not its type's, an IPSECKEY without a key, an NSEC without types.
   */
  private static String shape(int t, String rdata) {
    switch (t) {
      case Type.X25:
      case Type.DNSKEY:
      case Type.CDNSKEY:
      case Type.SSHFP:
      case Type.IPSECKEY:
      case Type.NSEC:
        return shape(t, rdata, rdata.isEmpty() ? new String[0] : rdata.split(" "));
      default:
        return null; // most records: no split of their rdata at all
    }
  }

  private static String shape(int t, String rdata, String[] f) {
    switch (t) {
      case Type.X25:
        return rdata.matches("\"[0-9]{4,}\"") ? null : "an X25 address is 4 or more digits (RFC 1183); named refuses " + rdata;
      case Type.DNSKEY:
      case Type.CDNSKEY:
        return f.length < 4 ? "the " + Type.string(t) + " record has no key data; named refuses it" : null;
      case Type.SSHFP:
        int want = f.length < 3 ? -1 : f[1].equals("1") ? 40 : f[1].equals("2") ? 64 : -1;
        return want > 0 && f[2].length() != want
            ? "an SSHFP fingerprint of type " + f[1] + " has " + want / 2 + " octets; named refuses " + f[2].length() / 2
            : null;
      case Type.IPSECKEY:
        return f.length < 5 ? "the IPSECKEY record has no public key; named refuses it" : null;
      case Type.NSEC:
        return f.length < 2 ? "the NSEC record lists no types; named refuses it" : null;
      default:
        return null;
    }
  }

  /** Placement named refuses: an SOA below the apex, a DS at it. */
  static boolean misplaced(RRset s, String origin) {
    return s != null
        && (s.type().equals("SOA") && !s.name().equals(origin) || s.type().equals("DS") && s.name().equals(origin));
  }

  static String misplacedProblem(RRset s) {
    return s.type().equals("SOA")
        ? "an SOA record at " + s.name() + ", below the top of the zone; named refuses it"
        : "a DS record at the top of the zone belongs in the parent zone; named refuses it";
  }

  private static String ownerCheck(String owner, Boolean known, String type) {
    if (known != null ? known : isHostName(owner, true)) {
      return null;
    }
    return "owner " + owner + " is not a host name, which a " + type
        + " record needs (letters, digits, inner hyphens)";
  }

  private static String targetCheck(String name, String type, String what) {
    if (name == null || isHostName(name, false)) {
      return null;
    }
    return "the " + what + " " + name + " of this " + type
        + " record is not a host name (letters, digits, inner hyphens)";
  }

  /**
   * The {@code i}th blank-separated word of canonical rdata, or null: what
   * {@code rdata.split(" ", i + 2)} gives at {@code i}, found without the split's list and array
   * (it is asked of every MX, NS, SRV and SOA read).
   */
  static String word(String rdata, int i) {
    int from = 0;
    for (int k = 0; k < i; k++) {
      int space = rdata.indexOf(' ', from);
      if (space < 0) {
        return null;
      }
      from = space + 1;
    }
    int end = rdata.indexOf(' ', from);
    return rdata.substring(from, end < 0 ? rdata.length() : end);
  }

  /**
   * BIND's {@code dns_name_ishostname} on a name in dnsjava's presentation form: every label of
   * letters and digits, with hyphens inside; a leading {@code *} label when {@code wildcard}.
   */
  static boolean isHostName(String name, boolean wildcard) {
    if (name.equals(".")) {
      return true;
    }
    if (name.indexOf('\\') < 0) {
      return isPlainHostName(name, wildcard); // no escapes: the text is the octets
    }
    List<String> labels = labels(name);
    if (labels == null) {
      return false;
    }
    int first = wildcard && !labels.isEmpty() && labels.get(0).equals("*") ? 1 : 0;
    for (int i = first; i < labels.size(); i++) {
      if (!isHostLabel(labels.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** BIND's {@code dns_name_ismailbox}: a first label of printable characters, then a host name. */
  static boolean isMailbox(String name) {
    if (name.equals(".")) {
      return true;
    }
    List<String> labels = labels(name);
    if (labels == null || labels.isEmpty()) {
      return false;
    }
    for (char c : labels.get(0).toCharArray()) {
      if (c <= 0x20 || c >= 0x7f) {
        return false;
      }
    }
    for (int i = 1; i < labels.size(); i++) {
      if (!isHostLabel(labels.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@link #isHostName} on a name written without escapes, label by label in place: it runs for
   * every address record of a zone, so no parse and no list of labels.
   */
  private static boolean isPlainHostName(String name, boolean wildcard) {
    int end = name.endsWith(".") ? name.length() - 1 : name.length();
    int start = 0;
    if (wildcard && name.startsWith("*.")) {
      start = 2;
    } else if (wildcard && end == 1 && name.charAt(0) == '*') {
      return true;
    }
    while (start < end) {
      int dot = name.indexOf('.', start);
      int labelEnd = dot < 0 || dot > end ? end : dot;
      if (labelEnd == start) {
        return false; // an empty label: not a name dnsjava would print
      }
      for (int k = start; k < labelEnd; k++) {
        char c = name.charAt(k);
        boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum && (k == start || k == labelEnd - 1 || c != '-')) {
          return false;
        }
      }
      start = labelEnd + 1;
    }
    return true;
  }

  private static boolean isHostLabel(String l) {
    for (int k = 0; k < l.length(); k++) {
      char c = l.charAt(k);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      boolean border = k == 0 || k == l.length() - 1;
      if (!alnum && (border || c != '-')) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@link #isHostName} with a leading wildcard allowed, on the canonical bytes of a name the
   * fast reader built ({@code len} bytes, lower case, absolute, no escapes).
   */
  static boolean isHostName(byte[] name, int len) {
    int start = 0;
    int end = len > 0 && name[len - 1] == '.' ? len - 1 : len;
    if (end >= 2 && name[0] == '*' && name[1] == '.') {
      start = 2;
    } else if (end == 1 && name[0] == '*') {
      return true;
    }
    int labelStart = start;
    for (int k = start; k <= end; k++) {
      byte c = k == end ? (byte) '.' : name[k];
      if (c == '.') {
        if (k == labelStart || name[labelStart] == '-' || name[k - 1] == '-') {
          return k == labelStart && k == end && end == 0; // only the root is empty
        }
        labelStart = k + 1;
      } else if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c >= 'A' && c <= 'Z')) {
        return false;
      }
    }
    return true;
  }

  /** The labels of an absolute presentation name as octets (dnsjava decodes the escapes); null if malformed. */
  private static List<String> labels(String name) {
    Name n;
    try {
      n = Name.fromString(name);
    } catch (TextParseException e) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n.labels() - 1; i++) {
      byte[] l = n.getLabel(i);
      out.add(new String(l, 1, l.length - 1, StandardCharsets.ISO_8859_1));
    }
    return out;
  }
}
