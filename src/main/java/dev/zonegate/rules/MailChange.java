package dev.zonegate.rules;

import dev.zonegate.model.Change;
import dev.zonegate.model.Names;
import dev.zonegate.model.RRset;
import dev.zonegate.model.Zone;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

// Risk: Losing the MX stops inbound mail; losing or breaking SPF/DMARC lets spoofed mail through or gets real mail rejected.
// Source: RFC 5321 §5.1, RFC 7208 (SPF), RFC 7489 (DMARC).
//
// Trigger, as re-read: the apex MX set loses every real exchange (blocks: inbound mail stops), or
// SPF/DMARC is removed or malformed (warns). A provider migration replaces every exchange at once
// (Google to Microsoft 365, say): routine and planned, but mail goes to the new servers as soon as
// caches expire, so it warns with what must be ready. Adding a backup MX, reordering preferences,
// tightening DMARC (p=none to quarantine to reject) and changing SPF includes stay quiet.
final class MailChange implements Rule {
  static final RuleType TYPE =
      new RuleType(
          "mail-change",
          Severity.BLOCK,
          "the apex MX set is emptied (block); every apex MX replaced at once, or SPF/DMARC TXT removed or malformed (warn)",
          List.of(),
          MailChange::new,
          new RuleType.Example("@ MX 10 mx1.example.net.\n", "\n"));

  private final RuleSpec spec;

  MailChange(RuleSpec spec) {
    this.spec = spec;
  }

  private static final Pattern SPF = Pattern.compile("(?i)^v=spf1( .*)?$", Pattern.DOTALL);
  private static final Pattern DMARC = Pattern.compile("(?i)^\\s*v\\s*=\\s*dmarc.*", Pattern.DOTALL);
  private static final Pattern MODIFIER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");
  private static final Set<String> POLICIES = Set.of("none", "quarantine", "reject");

  @Override
  public void check(RuleInput in, Findings out) {
    String apex = in.zone();
    checkMx(in, in.change(apex, "MX"), out);
    checkSpf(in.change(apex, "TXT"), out);
    checkDmarc(in.change("_dmarc." + apex, "TXT"), out);
  }

  /**
   * Losing every real MX stops inbound mail: the configured severity (block by default). Replacing
   * every exchange at once is a provider move: a warning at most.
   */
  private static void checkMx(RuleInput in, Change c, Findings out) {
    if (c == null || realMx(c.beforeRdata()).isEmpty()) {
      return;
    }
    List<String> now = realMx(c.afterRdata());
    if (!now.isEmpty()) {
      // The same server under another name (an in-zone alias, a shared address) is no move.
      Set<String> kept = servers(in.before(), realMx(c.beforeRdata()));
      kept.retainAll(servers(in.after(), now));
      if (kept.isEmpty()) {
        out.add(Severity.WARN, c.name(), c.type(), "every MX of " + c.name() + " is replaced at once ("
            + String.join(", ", exchanges(realMx(c.beforeRdata()))) + " by " + String.join(", ", exchanges(now))
            + "): senders switch as their caches expire, so the new servers must already accept mail for the"
            + " domain, and SPF and DKIM must name them", c.beforeRdata(), c.afterRdata(), c.location());
      }
      return;
    }
    String had = " (had " + String.join(", ", realMx(c.beforeRdata())) + ")";
    if (c.afterRdata().isEmpty()) {
      out.add(c, "apex MX set deleted" + had + ": mail for " + c.name()
          + " falls back to the apex address (RFC 5321 \u00a75.1) or bounces");
    } else {
      out.add(c, "apex MX set left with only a null MX (RFC 7505)" + had + ": " + c.name() + " stops accepting mail");
    }
  }

  /** The exchange hosts of MX records, in order. */
  private static Set<String> exchanges(List<String> mx) {
    Set<String> out = new LinkedHashSet<>();
    for (String r : mx) {
      String t = References.target("MX", r);
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * What identifies the servers behind MX records: each exchange, the names its in-zone CNAMEs
   * lead to, and the addresses the zone gives the last of them.
   */
  private static Set<String> servers(Zone z, List<String> mx) {
    Set<String> out = new HashSet<>();
    for (String name : exchanges(mx)) {
      out.add(name);
      for (int hop = 0; hop < 8 && z != null && Names.isAtOrBelow(name, z.origin()); hop++) {
        RRset alias = z.get(name, "CNAME");
        if (alias == null || alias.rdata().isEmpty()) {
          break;
        }
        name = References.target("CNAME", alias.rdata().get(0));
        out.add(name);
      }
      out.addAll(AddressEmptied.addressesAt(z, name));
    }
    return out;
  }

  /** MX records with a real target; {@code 0 .} is the null MX, "no mail here" (RFC 7505). */
  private static List<String> realMx(List<String> rdata) {
    List<String> out = new ArrayList<>();
    for (String r : rdata) {
      String[] f = r.trim().split("\\s+");
      if (!(f.length == 2 && f[1].equals("."))) {
        out.add(r);
      }
    }
    return out;
  }

  /** SPF removed or changed into something receivers reject: warn at most. */
  private static void checkSpf(Change c, Findings out) {
    if (c == null) {
      return;
    }
    List<String> was = matching(c.beforeRdata(), SPF);
    List<String> now = matching(c.afterRdata(), SPF);
    if (was.equals(now)) {
      return; // the TXT change left SPF alone: an old problem is not this change's
    }
    String where = "SPF record at " + c.name();
    String msg = null;
    if (now.isEmpty()) {
      msg = where + " removed: receivers can no longer tell real mail from spoofed (RFC 7208)";
    } else if (now.size() > 1) {
      msg = c.name() + " has " + now.size() + " v=spf1 records: receivers treat that as a permanent error"
          + " (RFC 7208 \u00a73.2, \u00a74.5)";
    } else {
      List<String> problems = spfProblems(text(now.get(0)));
      if (!problems.isEmpty()) {
        msg = where + " is malformed: " + String.join("; ", problems);
      }
    }
    if (msg != null) {
      out.add(Severity.WARN, c.name(), c.type(), msg, was, now, c.location());
    }
  }

  /** DMARC removed or changed into something receivers ignore: warn at most. */
  private static void checkDmarc(Change c, Findings out) {
    if (c == null) {
      return;
    }
    List<String> was = matching(c.beforeRdata(), DMARC);
    List<String> now = matching(c.afterRdata(), DMARC);
    if (was.equals(now)) {
      return;
    }
    String where = "DMARC record at " + c.name();
    String msg = null;
    if (now.isEmpty()) {
      msg = where + " removed: receivers no longer get the domain's policy for spoofed mail (RFC 7489)";
    } else if (now.size() > 1) {
      msg = c.name() + " has " + now.size() + " DMARC records: receivers apply none of them (RFC 7489 \u00a76.6.3)";
    } else {
      String problem = dmarcProblem(text(now.get(0)));
      if (problem != null) {
        msg = where + " is malformed: " + problem + " (RFC 7489 \u00a76.3)";
      }
    }
    if (msg != null) {
      out.add(Severity.WARN, c.name(), c.type(), msg, was, now, c.location());
    }
  }

  private static List<String> matching(List<String> txt, Pattern p) {
    List<String> out = new ArrayList<>();
    for (String r : txt) {
      if (p.matcher(text(r)).matches()) {
        out.add(r);
      }
    }
    return out;
  }

  /** A basic RFC 7208 §4.6.1/§5/§6 syntax check; macros and lookup counts are not judged. */
  static List<String> spfProblems(String spf) {
    List<String> problems = new ArrayList<>();
    String[] terms = spf.trim().split(" +");
    boolean all = false;
    boolean redirect = false;
    boolean afterAll = false;
    Set<String> modifiers = new HashSet<>();
    for (int i = 1; i < terms.length; i++) {
      String t = terms[i];
      int eq = t.indexOf('=');
      int colon = t.indexOf(':');
      int slash = t.indexOf('/');
      if (eq > 0 && (colon < 0 || eq < colon) && (slash < 0 || eq < slash)) {
        String name = t.substring(0, eq).toLowerCase(Locale.ROOT);
        if (!MODIFIER_NAME.matcher(name).matches()) {
          problems.add("'" + t + "' is neither a mechanism nor a modifier");
        } else if ((name.equals("redirect") || name.equals("exp")) && !modifiers.add(name)) {
          problems.add("'" + name + "=' appears more than once");
        } else if ((name.equals("redirect") || name.equals("exp")) && eq == t.length() - 1) {
          problems.add("'" + name + "=' names no domain");
        }
        redirect |= name.equals("redirect");
        continue;
      }
      if (all) {
        afterAll = true;
      }
      String m = t;
      char q = m.isEmpty() ? ' ' : m.charAt(0);
      if (q == '+' || q == '-' || q == '~' || q == '?') {
        m = m.substring(1);
      }
      int end = 0;
      while (end < m.length() && Character.isLetterOrDigit(m.charAt(end))) {
        end++;
      }
      String mech = m.substring(0, end).toLowerCase(Locale.ROOT);
      String arg = m.substring(end);
      String bad = mechanismProblem(mech, arg);
      if (bad != null) {
        problems.add("'" + t + "' " + bad);
      }
      if (mech.equals("all")) {
        all = true;
        if (q == '+' || q == 'a' || q == 'A') {
          problems.add("'" + t + "' lets every host on the internet send mail as the domain");
        }
      }
    }
    if (afterAll) {
      problems.add("mechanisms after 'all' are never evaluated");
    }
    if (!all && !redirect) {
      problems.add("no trailing 'all' or 'redirect=': mail from unlisted hosts gets a neutral result");
    }
    return problems;
  }

  private static String mechanismProblem(String mech, String arg) {
    switch (mech) {
      case "all":
        return arg.isEmpty() ? null : "takes no argument";
      case "include":
      case "exists":
        return arg.startsWith(":") && arg.length() > 1 ? null : "needs ':domain'";
      case "a":
      case "mx":
        return arg.isEmpty() || arg.startsWith(":") && arg.length() > 1 || arg.startsWith("/") ? null : "is malformed";
      case "ptr":
        return arg.isEmpty() || arg.startsWith(":") && arg.length() > 1 ? null : "is malformed";
      case "ip4":
      case "ip6":
        return network(arg, mech.equals("ip4") ? 4 : 16) ? null : "needs ':address[/prefix]' with a valid " + mech + " address";
      default:
        return "is not an SPF mechanism";
    }
  }

  private static boolean network(String arg, int bytes) {
    if (!arg.startsWith(":")) {
      return false;
    }
    try {
      ReservedAddress.Block b = ReservedAddress.block(arg.substring(1), null);
      return b.net().length == bytes;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** RFC 7489 §6.3/§6.4: "v=DMARC1" first, then a p= policy; tags separated by ';'. */
  static String dmarcProblem(String dmarc) {
    String[] tags = dmarc.split(";", -1);
    String[] v = tags[0].split("=", 2);
    if (tags.length < 2 || v.length != 2 || !v[0].trim().equals("v") || !v[1].trim().equals("DMARC1")) {
      return "it must start with 'v=DMARC1;'";
    }
    String p = null;
    for (int i = 1; i < tags.length; i++) {
      String[] kv = tags[i].split("=", 2);
      String k = kv[0].trim().toLowerCase(Locale.ROOT);
      String val = kv.length == 2 ? kv[1].trim() : "";
      if (k.equals("p") && p == null) {
        p = val;
      } else if (k.equals("sp") && !POLICIES.contains(val.toLowerCase(Locale.ROOT))) {
        return "sp=" + val + " is not none, quarantine or reject";
      }
    }
    if (p == null) {
      return "it has no p= policy tag";
    }
    if (!POLICIES.contains(p.toLowerCase(Locale.ROOT))) {
      return "p=" + p + " is not none, quarantine or reject";
    }
    return null;
  }

  /**
   * The text of TXT rdata as receivers see it: the quoted strings with their escapes resolved,
   * concatenated without spaces (RFC 7208 §3.3, RFC 7489 §6.6.3).
   */
  static String text(String rdata) {
    StringBuilder out = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < rdata.length(); i++) {
      char ch = rdata.charAt(i);
      if (ch == '"') {
        quoted = !quoted;
      } else if (ch == '\\' && i + 1 < rdata.length()) {
        if (i + 3 < rdata.length() && isDigits(rdata, i + 1, i + 4)) {
          out.append((char) Integer.parseInt(rdata.substring(i + 1, i + 4)));
          i += 3;
        } else {
          out.append(rdata.charAt(++i));
        }
      } else if (quoted || !Character.isWhitespace(ch)) {
        out.append(ch);
      }
    }
    return out.toString();
  }

  private static boolean isDigits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
