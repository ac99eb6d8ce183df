package dev.zonegate.zone;

import dev.zonegate.model.Location;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One of octoDNS 1.22's processors that zonegate runs: the filters of {@code
 * octodns.processor.filter}, and the ownership, meta, TTL, ACME and trailing-dot processors (each
 * described at its factory), as octoDNS runs it on a zone: on the zone its sources fill ({@code
 * process_source_zone}, before the zone is validated and planned) and, for most filters, on the
 * zone its target holds ({@code process_target_zone}, when it plans). A record a filter removes from the sources' zone is not deployed; one it removes from the
 * target's zone is left alone there. So a filter that runs on both sides and decides by name and
 * type alone (type, name, root NS, zone name) makes octoDNS leave the records it matches alone
 * at the target, whatever the files say; one that runs on the sources' side only ({@code
 * include_target: false}) makes octoDNS delete them there.
 *
 * <p>What each matches, as octoDNS writes it:
 * <ul>
 *   <li>{@code TypeAllowlistFilter} / {@code TypeRejectlistFilter}: the record's type is in the list;
 *   <li>{@code NameAllowlistFilter} / {@code NameRejectlistFilter}: the record's name (relative,
 *       {@code ''} for the apex, IDNA, lower case) equals an entry, or an entry written
 *       {@code /regex/} finds a match in it ({@code re.search});
 *   <li>{@code NetworkValueAllowlistFilter} / {@code NetworkValueRejectlistFilter}: an A or AAAA
 *       record with some value inside one of the networks; other types are left as they are;
 *   <li>{@code IgnoreRootNsFilter}: the NS at the apex;
 *   <li>{@code ZoneNameFilter}: a name that ends with the zone's name, with or without its dot
 *       ({@code www.example.com} in {@code example.com.}, a name written absolute without its dot);
 *       with {@code error} (the default), octoDNS refuses such a record instead of removing it.
 * </ul>
 * An allowlist removes what does not match; a rejectlist what does. What the other processors do
 * with a zone's records ({@code OctoDnsYamlReader}) and its target ({@code OctoDnsTarget}) is done
 * there, by {@link #kind}.
 */
public final class OctoDnsFilter {
  /** Which filter. */
  public enum Kind {
    TYPE,
    NAME,
    NETWORK,
    ROOT_NS,
    ZONE_NAME,
    /** {@code ExcludeRootNsChanges} without {@code error}: a root NS change is taken out of the plan. */
    ROOT_NS_CHANGES,
    /** {@code MetaProcessor}: a TXT record of octoDNS's own bookkeeping, added when it plans. */
    META,
    /** {@code OwnershipProcessor}: a TXT record marking each record octoDNS owns; it changes only those. */
    OWNERSHIP,
    /** {@code TtlRestrictionFilter}: a TTL outside the allowed range or set fails the zone. */
    TTL,
    /** {@code AcmeManagingProcessor}: octoDNS's ACME challenge records carry a marker value; others are left alone. */
    ACME,
    /** {@code TtlClampProcessor}: each TTL brought into a range. */
    CLAMP,
    /** {@code EnsureTrailingDots}: a target without its trailing dot gets it. */
    TRAILING_DOTS
  }

  /** The value {@code AcmeManagingProcessor} adds to each {@code _acme-challenge} TXT record octoDNS manages. */
  public static final String ACME_MARKER = "*octoDNS*";

  /** What a filter does with one record. */
  public enum Action {
    KEEP,
    REMOVE,
    /** octoDNS raises (ZoneNameFilter with {@code error}): the zone is refused. */
    REFUSE
  }

  /** A record as a filter sees it: its relative name ({@code ""} at the apex), its type, its values' text. */
  public record Record(String name, String type, List<String> values, long ttl, boolean lenient) {
    /** A record whose TTL and lenient flag no filter of the target's side asks about. */
    public Record(String name, String type, List<String> values) {
      this(name, type, values, -1, false);
    }
  }

  private final String id;
  private final String cls;
  private final Location where;
  private final Kind kind;
  /** An allowlist (removes what does not match), else a rejectlist. */
  private final boolean allow;
  private final Set<String> exact;
  private final List<Pattern> regex;
  private final List<PyIpNetwork.Net> networks;
  private final boolean includeTarget;
  private final boolean error;
  /** {@code MetaProcessor}'s record_name; null for the others. */
  private final String metaName;
  /** {@code OwnershipProcessor}'s settings; null for the others. */
  private final Ownership ownership;
  /** {@code TtlRestrictionFilter}'s settings; null for the others. */
  private final TtlRange ttls;

  /**
   * {@code TtlRestrictionFilter}'s settings: {@code min_ttl} and {@code max_ttl}, or the set
   * {@code allowed_ttls} instead when given (as numbers: nothing else equals a TTL); {@code broken}
   * says why octoDNS fails on every record it judges (a limit that is not a number), else null.
   */
  public record TtlRange(double min, double max, Set<Long> allowed, String broken) {}

  /**
   * {@code OwnershipProcessor}'s settings: the prefix of its records' names ({@code txt_name}),
   * their one value ({@code txt_value}) and TTL, whether its record replaces one already there
   * ({@code should_replace}), and whether a record another owner marks may be taken over.
   */
  public record Ownership(String txtName, String txtValue, long txtTtl, boolean shouldReplace, boolean allowTakeover) {
    /**
     * The name of the record marking {@code name}'s records of {@code type} as octoDNS's: {@code
     * _owner.A.www}, {@code _owner.A} at the apex, {@code *} written {@code _wildcard}.
     */
    public String recordFor(String name, String type) {
      return name.isEmpty() ? txtName + "." + type : txtName + "." + type + "." + name.replace("*", "_wildcard");
    }

    /** {@code _is_ownership}: a TXT record under the prefix whose one value is ours (values as TXT rdata). */
    public boolean isOwnership(String name, String type, List<String> values) {
      return type.equals("TXT") && name.startsWith(txtName) && values.size() == 1
          && values.get(0).equals(OctoDnsValues.txt(txtValue));
    }

    /**
     * Why octoDNS's validation refuses {@code txt_value} in a record ({@code ChunkedValueValidator}:
     * empty, an unescaped or doubly escaped {@code ;}, not ASCII), or null when it takes it.
     */
    public String badValue() {
      if (txtValue.isEmpty()) {
        return "missing value(s)";
      }
      List<String> problems = OctoDnsValues.chunkedProblems(txtValue);
      return problems.isEmpty() ? null : problems.get(0);
    }

    /** {@code _is_ownership_name}: a TXT record under the prefix, whatever its value. */
    public boolean isOwnershipName(String name, String type) {
      return type.equals("TXT") && name.startsWith(txtName);
    }

    /**
     * {@code _decode_ownership_name}: the name and type an ownership record marks, as
     * {@code name + "\0" + TYPE}; null where octoDNS fails decoding it.
     */
    public String marked(String name) {
      String[] pieces = name.split("\\.", 3);
      if (pieces.length < 2) {
        return null;
      }
      String type = pieces[1].toUpperCase(Locale.ROOT);
      String owner = pieces.length > 2 ? pieces[2].replace("_wildcard", "*") : "";
      return owner + "\u0000" + type;
    }
  }

  private OctoDnsFilter(
      String id, String cls, Location where, Kind kind, boolean allow, Set<String> exact, List<Pattern> regex,
      List<PyIpNetwork.Net> networks, boolean includeTarget, boolean error) {
    this(id, cls, where, kind, allow, exact, regex, networks, includeTarget, error, null, null, null);
  }

  private OctoDnsFilter(
      String id, String cls, Location where, Kind kind, boolean allow, Set<String> exact, List<Pattern> regex,
      List<PyIpNetwork.Net> networks, boolean includeTarget, boolean error, String metaName, Ownership ownership,
      TtlRange ttls) {
    this.metaName = metaName;
    this.ownership = ownership;
    this.ttls = ttls;
    this.id = id;
    this.cls = cls;
    this.where = where;
    this.kind = kind;
    this.allow = allow;
    this.exact = Set.copyOf(exact);
    this.regex = List.copyOf(regex);
    this.networks = List.copyOf(networks);
    this.includeTarget = includeTarget;
    this.error = error;
  }

  /** {@code TypeAllowlistFilter} ({@code allow}) or {@code TypeRejectlistFilter} of {@code types}. */
  public static OctoDnsFilter types(String id, String cls, Location where, boolean allow, Set<String> types, boolean includeTarget) {
    return new OctoDnsFilter(id, cls, where, Kind.TYPE, allow, types, List.of(), List.of(), includeTarget, false);
  }

  /** {@code NameAllowlistFilter} or {@code NameRejectlistFilter}: exact names and {@code /regex/} entries. */
  public static OctoDnsFilter names(
      String id, String cls, Location where, boolean allow, Set<String> exact, List<Pattern> regex, boolean includeTarget) {
    return new OctoDnsFilter(id, cls, where, Kind.NAME, allow, exact, regex, List.of(), includeTarget, false);
  }

  /**
   * {@code NetworkValueAllowlistFilter} or {@code NetworkValueRejectlistFilter}: each network as
   * the config gives it to Python's {@code ip_network} (a String, or a BigInteger for an int).
   *
   * @throws IllegalArgumentException naming the first that is no network, as octoDNS raises
   */
  public static OctoDnsFilter networks(String id, String cls, Location where, boolean allow, List<Object> values) {
    List<PyIpNetwork.Net> nets = new ArrayList<>();
    for (Object v : values) {
      PyIpNetwork.Net n = v instanceof String s ? PyIpNetwork.parse(s) : v instanceof BigInteger i ? PyIpNetwork.parse(i) : null;
      if (n == null) {
        throw new IllegalArgumentException(v + " is not a valid CIDR to use");
      }
      nets.add(n);
    }
    // Network filters run on the target too, always: they take no include_target.
    return new OctoDnsFilter(id, cls, where, Kind.NETWORK, allow, Set.of(), List.of(), nets, true, false);
  }

  /** {@code IgnoreRootNsFilter}: both sides, always. */
  public static OctoDnsFilter rootNs(String id, String cls, Location where) {
    return new OctoDnsFilter(id, cls, where, Kind.ROOT_NS, false, Set.of(), List.of(), List.of(), true, false);
  }

  /**
   * {@code ExcludeRootNsChanges} with {@code error: false}: it filters no zone, but takes any change
   * of the apex NS out of the plan ({@code process_plan}), so octoDNS leaves the root NS alone.
   * (With {@code error}, the default, a plan that changes it fails instead: not this filter.)
   */
  public static OctoDnsFilter rootNsChanges(String id, String cls, Location where) {
    return new OctoDnsFilter(id, cls, where, Kind.ROOT_NS_CHANGES, false, Set.of(), List.of(), List.of(), false, false);
  }

  /**
   * {@code MetaProcessor} (also the one {@code include_meta} adds): when octoDNS plans, it adds a
   * TXT record named {@code recordName} whose values (a time, a run's UUID, the target) are its own
   * bookkeeping, and drops a plan whose only change is that record's values. Not the zone's data:
   * octoDNS writes it, so it is not compared; a zone that holds a TXT record of that name fails
   * the plan (a duplicate record).
   */
  public static OctoDnsFilter meta(String id, String cls, Location where, String recordName) {
    return new OctoDnsFilter(id, cls, where, Kind.META, false, Set.of(), List.of(), List.of(), false, false, recordName,
        null, null);
  }

  /**
   * {@code OwnershipProcessor}: on the zone the sources filled, a TXT record marking each record
   * as octoDNS's; when it plans, only the changes of records marked (in the zone or at the target)
   * are kept, so what another tool put at the target is left alone; a record another owner marks
   * fails the plan unless {@code allow_takeover}.
   */
  public static OctoDnsFilter ownership(String id, String cls, Location where, Ownership o) {
    return new OctoDnsFilter(id, cls, where, Kind.OWNERSHIP, false, Set.of(), List.of(), List.of(), false, false, null, o,
        null);
  }

  /**
   * {@code TtlRestrictionFilter}: on the zone the sources filled, a record (not itself lenient)
   * whose TTL is not in {@code allowed_ttls}, or, without that set, below {@code min_ttl} or above
   * {@code max_ttl}, makes octoDNS refuse the zone. It removes nothing and leaves the target alone.
   */
  public static OctoDnsFilter ttls(String id, String cls, Location where, TtlRange range) {
    return new OctoDnsFilter(id, cls, where, Kind.TTL, false, Set.of(), List.of(), List.of(), false, false, null, null,
        range);
  }

  /** Which processor this is. */
  public Kind kind() {
    return kind;
  }

  /** {@code OwnershipProcessor}'s settings, or null for any other filter. */
  public Ownership ownership() {
    return ownership;
  }

  /** {@code MetaProcessor}'s record name (relative), or null for any other filter. */
  public String metaRecord() {
    return metaName;
  }

  /**
   * {@code AcmeManagingProcessor}: on the zone the sources filled, every TXT record whose name
   * starts with {@code _acme-challenge} gets the value {@code *octoDNS*} too; at the target, such a
   * record without that value that the zone does not hold (one a certificate client wrote) is
   * left alone.
   */
  public static OctoDnsFilter acme(String id, String cls, Location where) {
    return new OctoDnsFilter(id, cls, where, Kind.ACME, false, Set.of(), List.of(), List.of(), false, false, null, null, null);
  }

  /** Whether this is {@link #acme}'s, and {@code r} a record it marks or judges: an {@code _acme-challenge} TXT. */
  public boolean acmeRecord(Record r) {
    return kind == Kind.ACME && r.type().equals("TXT") && r.name().startsWith("_acme-challenge");
  }

  /**
   * {@code TtlClampProcessor}: on the zone the sources filled, each record's TTL is brought into
   * {@code min_ttl}–{@code max_ttl} (a TTL below is raised to the minimum, one above lowered to the
   * maximum): the TTL octoDNS deploys. {@code ttls.broken} (limits Python cannot compare with a
   * TTL) fails every zone that runs it.
   */
  public static OctoDnsFilter clamp(String id, String cls, Location where, TtlRange range) {
    return new OctoDnsFilter(id, cls, where, Kind.CLAMP, false, Set.of(), List.of(), List.of(), false, false, null, null,
        range);
  }

  /** For {@link #clamp}'s: the TTL octoDNS deploys for one of {@code ttl}; -1 when it fails on it; else {@code ttl}. */
  public long clamped(long ttl) {
    if (kind != Kind.CLAMP) {
      return ttl;
    }
    if (ttls.broken() != null) {
      return -1;
    }
    double c = Math.max(ttls.min(), Math.min(ttls.max(), ttl));
    return c == Math.rint(c) ? (long) c : -1;
  }

  /** Whether this is {@link #clamp}'s ({@link #kind} {@code CLAMP}). */
  public boolean clamps() {
    return kind == Kind.CLAMP;
  }

  /**
   * {@code EnsureTrailingDots}: a CNAME, DNAME, ALIAS, NS, PTR, MX or SRV target written without
   * its trailing dot gets it. zonegate already takes such a target as absolute (as Route 53 and
   * Cloudflare serve it), so the zone is the same; the filter only says octoDNS does so too.
   */
  public static OctoDnsFilter trailingDots(String id, String cls, Location where) {
    return new OctoDnsFilter(id, cls, where, Kind.TRAILING_DOTS, false, Set.of(), List.of(), List.of(), false, false, null,
        null, null);
  }

  /** {@code ZoneNameFilter}. */
  public static OctoDnsFilter zoneName(String id, String cls, Location where, boolean error, boolean includeTarget) {
    return new OctoDnsFilter(id, cls, where, Kind.ZONE_NAME, false, Set.of(), List.of(), List.of(), includeTarget, error);
  }

  public String id() {
    return id;
  }

  /** The class as the config names it. */
  public String cls() {
    return cls;
  }

  /** Where the zone's processor list names it. */
  public Location where() {
    return where;
  }

  /** This filter as named at {@code at} (the same processor, listed for another zone). */
  public OctoDnsFilter at(Location at) {
    return new OctoDnsFilter(id, cls, at, kind, allow, exact, regex, networks, includeTarget, error, metaName, ownership,
        ttls);
  }

  /** "processor 'no-txt' (octodns.processor.filter.TypeRejectlistFilter)", for messages. */
  public String describe() {
    return "processor '" + id + "' (" + cls + ")";
  }

  /** What {@code process_source_zone} does with {@code r} in the zone named {@code zone} (octoDNS's form, with its dot). */
  public Action onSource(String zone, Record r) {
    return decide(zone, r);
  }

  /** What {@code process_target_zone} does with {@code r}: filters without {@code include_target} keep everything. */
  public Action onTarget(String zone, Record r) {
    return includeTarget && kind != Kind.TTL ? decide(zone, r) : Action.KEEP;
  }

  /**
   * Whether octoDNS leaves every record of {@code r}'s name and type alone at the target: the
   * filter decides by name and type alone, runs on the target, and removes {@code r} there.
   */
  public boolean leavesAlone(String zone, Record r) {
    return kind != Kind.NETWORK && onTarget(zone, r) != Action.KEEP;
  }

  /** Whether octoDNS takes any change of {@code r}'s name and type out of its plan, leaving it alone at the target. */
  public boolean excludesChange(Record r) {
    return kind == Kind.ROOT_NS_CHANGES && r.type().equals("NS") && r.name().isEmpty();
  }

  private Action decide(String zone, Record r) {
    boolean matches;
    switch (kind) {
      case TTL -> {
        return r.lenient() || ttlAllowed(r.ttl()) ? Action.KEEP : Action.REFUSE;
      }
      case ROOT_NS_CHANGES, META, OWNERSHIP, ACME, CLAMP, TRAILING_DOTS -> {
        return Action.KEEP; // it acts on the plan, not on the zones' records
      }
      case TYPE -> matches = exact.contains(r.type());
      case NAME -> matches = exact.contains(r.name()) || regex.stream().anyMatch(p -> p.matcher(r.name()).find());
      case NETWORK -> {
        if (!r.type().equals("A") && !r.type().equals("AAAA")) {
          return Action.KEEP;
        }
        matches = false;
        for (String v : r.values()) {
          PyIpNetwork.Net ip = PyIpNetwork.parse(v);
          if (ip == null || ip.prefix() != ip.bits()) {
            return Action.REFUSE; // ip_address raises: octoDNS fails the zone
          }
          matches |= networks.stream().anyMatch(n -> contains(n, ip));
        }
      }
      case ROOT_NS -> {
        return r.type().equals("NS") && r.name().isEmpty() ? Action.REMOVE : Action.KEEP;
      }
      case ZONE_NAME -> {
        String without = zone.substring(0, zone.length() - 1);
        if (!r.name().endsWith(zone) && !r.name().endsWith(without)) {
          return Action.KEEP;
        }
        return error ? Action.REFUSE : Action.REMOVE;
      }
      default -> throw new IllegalStateException(kind.toString());
    }
    return matches != allow ? Action.REMOVE : Action.KEEP;
  }

  private boolean ttlAllowed(long ttl) {
    if (ttls.broken() != null) {
      return false;
    }
    return ttls.allowed() != null ? ttls.allowed().contains(ttl) : ttl >= ttls.min() && ttl <= ttls.max();
  }

  /** Python's {@code address in network}: same version, and the address masked is the network. */
  private static boolean contains(PyIpNetwork.Net net, PyIpNetwork.Net address) {
    if (net.version() != address.version()) {
      return false;
    }
    int host = net.bits() - net.prefix();
    return address.ip().shiftRight(host).equals(net.ip().shiftRight(host));
  }

  /** Why octoDNS refuses {@code r} (an {@link Action#REFUSE}), for a message that names the record. */
  public String refusal(Record r) {
    if (kind == Kind.TTL) {
      return ttls.broken() != null ? describe() + " fails on it: " + ttls.broken()
          : "its TTL " + r.ttl() + " is " + (ttls.allowed() != null ? "not one of allowed_ttls " + new TreeSet<>(ttls.allowed())
              : r.ttl() < ttls.min() ? "below min_ttl " + number(ttls.min()) : "above max_ttl " + number(ttls.max()))
          + ", and " + describe() + " makes octoDNS refuse the zone";
    }
    return kind == Kind.ZONE_NAME
        ? "its name ends with the zone's name, and " + describe() + " makes octoDNS refuse such a record (error: true)"
        : "a value of it is not an IP address, on which " + describe() + " fails";
  }

  /** A limit as written: a whole number without its {@code .0}. */
  public static String number(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
