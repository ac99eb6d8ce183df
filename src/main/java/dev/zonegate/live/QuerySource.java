package dev.zonegate.live;

import dev.zonegate.config.LiveConfig;
import dev.zonegate.model.Names;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.zone.Canonical;
import dev.zonegate.zone.ZoneBuilder;
import dev.zonegate.zone.ZoneReadException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Asks each configured authoritative server directly for every RRset of base and head (docs/inputs.md).
 * Questions go out with RD clear and answers must carry AA: a server that answers without
 * authority does not serve the zone, and what it says is not what is live. Only records whose
 * owner and type are the question's are taken; CNAMEs are not followed. The first server's answers
 * make the zone; where others differ, a {@link Disagreement} says so.
 *
 * <p>Query mode sees less than a transfer: a name that only a wildcard answers looks like a real
 * set, and provider-only records (ALIAS, URLFWD, routing sets with an id) cannot be asked for, so
 * they are left out with a notice.
 */
final class QuerySource implements LiveSource {
  /** Questions in flight at once, across servers: enough for a large zone, gentle on a server. */
  private static final int IN_FLIGHT = 32;

  private final LiveConfig.Query config;
  private final Map<String, String> env;

  QuerySource(LiveConfig.Query config, Map<String, String> env) {
    this.config = config;
    this.env = env;
  }

  @Override
  public String describe() {
    List<String> labels = new ArrayList<>();
    for (String s : config.servers()) {
      try {
        labels.add(LiveSources.server("", s, LiveConfig.DEFAULT_PORT).label());
      } catch (LiveException e) {
        labels.add(s);
      }
    }
    return "query " + String.join(", ", labels) + Tsigs.label(config.tsig());
  }

  /** One question; {@code keep} is false for the apex SOA asked only to prove authority. */
  private record Question(Name name, String owner, int type, boolean keep) {}

  /** One server's answer to one question: canonical records, empty when the set is absent. */
  private record Answer(List<Record> records, List<String> rdata) {}

  @Override
  public LiveRead read(String zone, Collection<RRsetKey> keys) throws LiveException {
    String origin = LiveSources.origin(zone);
    if (config.servers().isEmpty()) {
      throw new LiveException(origin, null, "query mode names no servers");
    }
    List<LiveSources.Server> servers = new ArrayList<>();
    for (String s : config.servers()) {
      servers.add(LiveSources.server(origin, s, LiveConfig.DEFAULT_PORT));
    }
    TSIG tsig = Tsigs.build(origin, config.tsig(), env);
    Duration timeout = LiveSources.timeout(config.timeoutSeconds());
    ZoneBuilder builder = new ZoneBuilder(origin);
    List<Question> questions = plan(origin, keys, builder);

    List<SimpleResolver> resolvers = new ArrayList<>();
    for (LiveSources.Server s : servers) {
      SimpleResolver r = new SimpleResolver(s.resolve(origin));
      r.setTimeout(timeout);
      r.setTSIGKey(tsig);
      // TC answers are retried over TCP by SimpleResolver itself (ignoreTruncation is false).
      resolvers.add(r);
    }

    // Every question to every server, at most IN_FLIGHT at a time; futures[q][s]. Sending stops
    // at the first network failure: one dead server would otherwise hold every slot for a full
    // timeout, question after question, before the check could fail.
    Semaphore window = new Semaphore(IN_FLIGHT);
    AtomicBoolean failed = new AtomicBoolean();
    List<List<CompletableFuture<Message>>> futures = new ArrayList<>();
    send:
    for (Question q : questions) {
      List<CompletableFuture<Message>> row = new ArrayList<>();
      futures.add(row);
      for (SimpleResolver r : resolvers) {
        window.acquireUninterruptibly();
        if (failed.get()) {
          window.release();
          break send;
        }
        Message query = Message.newQuery(Record.newRecord(q.name(), q.type(), DClass.IN));
        query.getHeader().unsetFlag(Flags.RD);
        CompletableFuture<Message> f;
        try {
          f = r.sendAsync(query).toCompletableFuture();
        } catch (RuntimeException e) {
          f = CompletableFuture.failedFuture(e);
        }
        f.whenComplete(
            (m, e) -> {
              failed.compareAndSet(false, e != null);
              window.release();
            });
        row.add(f);
      }
    }

    List<Disagreement> disagreements = new ArrayList<>();
    for (int i = 0; i < questions.size(); i++) {
      Question q = questions.get(i);
      List<Answer> answers = new ArrayList<>();
      for (int s = 0; s < servers.size(); s++) {
        if (futures.size() <= i || futures.get(i).size() <= s) {
          // Not sent because an earlier question failed; that failure is thrown before this.
          throw new IllegalStateException("question " + i + " to server " + s + " was not sent");
        }
        Message response;
        try {
          response = futures.get(i).get(s).join();
        } catch (RuntimeException e) {
          throw new LiveException(origin, servers.get(s).label(), LiveSources.network(e, timeout));
        }
        Answer a = answer(origin, servers.get(s).label(), q, response, tsig != null);
        if (i == 0 && a.records().isEmpty()) {
          // An authoritative "no such SOA" comes from a server whose zone lies above this one.
          throw new LiveException(
              origin, servers.get(s).label(), "the server has no SOA for the zone; it does not serve it as a zone");
        }
        answers.add(a);
      }
      if (!q.keep()) {
        continue;
      }
      for (Record r : answers.get(0).records()) {
        try {
          builder.add(
              RRsetKey.of(Canonical.name(r.getName()), Canonical.type(r.getType())),
              r.getTTL(),
              Canonical.rdataOf(r),
              null);
        } catch (ZoneReadException e) {
          throw new LiveException(origin, servers.get(0).label(), e.problem());
        }
      }
      TreeMap<String, List<String>> byServer = new TreeMap<>();
      boolean differ = false;
      for (int s = 0; s < servers.size(); s++) {
        byServer.put(servers.get(s).label(), answers.get(s).rdata());
        differ |= !answers.get(s).rdata().equals(answers.get(0).rdata());
      }
      if (differ) {
        disagreements.add(new Disagreement(q.owner(), Type.string(q.type()), byServer, servers.get(0).label()));
      }
    }
    return new LiveRead(LiveSources.placeNotices(builder.build(), describe()), disagreements);
  }

  /**
   * The questions for {@code keys}: the apex SOA first (asked always, as proof that each server
   * serves the zone), signatures once per owner (one RRSIG question returns the sets for every
   * covered type, which the builder separates again), provider-only keys noted and skipped.
   */
  private static List<Question> plan(String origin, Collection<RRsetKey> keys, ZoneBuilder builder)
      throws LiveException {
    TreeSet<RRsetKey> sorted = new TreeSet<>(keys);
    boolean soaWanted = sorted.contains(RRsetKey.of(origin, "SOA"));
    Set<Question> out = new LinkedHashSet<>();
    out.add(new Question(LiveSources.name(origin), origin, Type.SOA, soaWanted));
    for (RRsetKey k : sorted) {
      int type = Type.value(k.type());
      String why = null;
      if (!Names.isAtOrBelow(k.name(), origin)) {
        why = "is outside the zone";
      } else if (type < 0 || !Type.isRR(type)) {
        why = "is a provider-only type that servers do not answer for";
      } else if (k.setId() != null && type != Type.RRSIG) {
        why = "is a provider routing set that a query cannot single out";
      }
      if (why != null) {
        builder.notice(null, "query mode skips " + k + ": it " + why + "; it is left out of live");
        continue;
      }
      if (type == Type.SOA && k.name().equals(origin)) {
        continue;
      }
      try {
        out.add(new Question(Name.fromString(k.name(), Name.root), k.name(), type, true));
      } catch (TextParseException e) {
        builder.notice(null, "query mode skips " + k + ": the name cannot be asked for");
      }
    }
    return new ArrayList<>(out);
  }

  /** Judges one response: the records it gives for the question, or why it cannot be used. */
  private static Answer answer(String origin, String server, Question q, Message m, boolean signed)
      throws LiveException {
    String asked = q.owner() + " " + Type.string(q.type());
    if (signed) {
      // SimpleResolver verifies the answer's TSIG but only logs a failure; the gate must not.
      TSIGRecord t = m.getTSIG();
      if (t != null && t.getError() != Rcode.NOERROR) {
        throw new LiveException(origin, server, AxfrSource.tsigFailure(t.getError()));
      }
      if (t == null) {
        throw new LiveException(origin, server, "the answer to " + asked + " is not TSIG-signed");
      }
      if (!m.isVerified()) {
        throw new LiveException(origin, server, "TSIG verification of the answer to " + asked + " failed");
      }
    }
    int rcode = m.getRcode();
    if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
      throw new LiveException(origin, server, rcodeReason(rcode, asked));
    }
    List<Record> found = new ArrayList<>();
    if (m.getHeader().getFlag(Flags.AA)) {
      if (rcode == Rcode.NOERROR) {
        found.addAll(matching(m, Section.ANSWER, q));
      }
    } else if (isReferral(origin, q, m)) {
      // Below a delegation the parent is not authoritative: it refers, with the cut's NS in the
      // authority section and any glue in the additional section. Those are the parent's records.
      found.addAll(matching(m, Section.AUTHORITY, q));
      found.addAll(matching(m, Section.ADDITIONAL, q));
    } else {
      throw new LiveException(
          origin, server, "the answer to " + asked + " is not authoritative; the server does not serve the zone");
    }
    List<Record> records = new ArrayList<>();
    TreeSet<String> rdata = new TreeSet<>();
    for (Record r : found) {
      if (r.getDClass() != DClass.IN) {
        throw new LiveException(origin, server, "the answer to " + asked + " holds a record of another class");
      }
      try {
        Record c = Canonical.canonicalize(r);
        records.add(c);
        rdata.add(Canonical.rdataOf(c));
      } catch (IOException e) {
        throw new LiveException(origin, server, "the answer to " + asked + " holds a record that cannot be read");
      }
    }
    return new Answer(records, List.copyOf(rdata));
  }

  private static List<Record> matching(Message m, int section, Question q) {
    List<Record> out = new ArrayList<>();
    for (Record r : m.getSection(section)) {
      if (r.getType() == q.type() && r.getName().equals(q.name())) {
        out.add(r);
      }
    }
    return out;
  }

  /** NOERROR, no answer, and an NS set in authority for a cut inside the zone at or above the name. */
  private static boolean isReferral(String origin, Question q, Message m) {
    if (m.getRcode() != Rcode.NOERROR || !m.getSection(Section.ANSWER).isEmpty()) {
      return false;
    }
    for (Record r : m.getSection(Section.AUTHORITY)) {
      String cut = Canonical.name(r.getName());
      if (r.getType() == Type.NS
          && !cut.equals(origin)
          && Names.isAtOrBelow(cut, origin)
          && Names.isAtOrBelow(q.owner(), cut)) {
        return true;
      }
    }
    return false;
  }

  private static String rcodeReason(int rcode, String asked) {
    switch (rcode) {
      case Rcode.REFUSED:
        return "the server refused the question " + asked + " (REFUSED); it does not serve the zone to this client";
      case Rcode.NOTAUTH:
        return "the server is not authoritative for the zone (NOTAUTH)";
      case Rcode.SERVFAIL:
        return "the server failed to answer " + asked + " (SERVFAIL)";
      default:
        return "the server answered " + asked + " with " + Rcode.string(rcode);
    }
  }
}
