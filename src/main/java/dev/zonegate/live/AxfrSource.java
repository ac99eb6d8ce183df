package dev.zonegate.live;

import dev.zonegate.config.LiveConfig;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.zone.Canonical;
import dev.zonegate.zone.Limits;
import dev.zonegate.zone.ZoneBuilder;
import dev.zonegate.zone.ZoneReadException;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.ZoneTransferException;
import org.xbill.DNS.ZoneTransferIn;

/**
 * A full zone transfer (docs/inputs.md). Records stream into a {@link ZoneBuilder} as they arrive, so a
 * large zone is held once, in the model. dnsjava checks the framing (an SOA first, the transfer
 * ends at the next SOA, nothing after it, TSIG on every message); this class adds what it does not:
 * the closing SOA must equal the opening one, every record must be class IN and inside the zone,
 * and every failure becomes one sentence naming the zone and the server.
 */
final class AxfrSource implements LiveSource {
  private final LiveConfig.Axfr config;
  private final Map<String, String> env;

  AxfrSource(LiveConfig.Axfr config, Map<String, String> env) {
    this.config = config;
    this.env = env;
  }

  @Override
  public String describe() {
    return "axfr " + label() + Tsigs.label(config.tsig());
  }

  private String label() {
    try {
      return LiveSources.server("", config.server(), config.port()).label();
    } catch (LiveException e) {
      return config.server();
    }
  }

  @Override
  public LiveRead read(String zone, Collection<RRsetKey> keys) throws LiveException {
    String origin = LiveSources.origin(zone);
    LiveSources.Server server = LiveSources.server(origin, config.server(), config.port());
    TSIG tsig = Tsigs.build(origin, config.tsig(), env);
    Duration timeout = LiveSources.timeout(config.timeoutSeconds());
    Name zname = LiveSources.name(origin);

    Collector collector = new Collector(origin);
    ZoneTransferIn xfr = ZoneTransferIn.newAXFR(zname, server.resolve(origin), tsig);
    // dnsjava's default is 900 s for the whole transfer; a gate should not hang a pipeline.
    xfr.setTimeout(timeout);
    try {
      xfr.run(collector);
    } catch (Rejected e) {
      throw new LiveException(origin, server.label(), e.getMessage());
    } catch (ZoneTransferException e) {
      throw new LiveException(origin, server.label(), refusal(e.getMessage(), server, zname, tsig, timeout));
    } catch (EOFException e) {
      throw new LiveException(
          origin, server.label(), "the transfer was cut off before its closing SOA (connection closed)");
    } catch (IOException e) {
      throw new LiveException(origin, server.label(), LiveSources.network(e, timeout));
    } catch (RuntimeException e) {
      // dnsjava indexes into answer sections it assumes are non-empty; a hostile or broken
      // server must not crash the gate.
      throw new LiveException(
          origin, server.label(), "malformed transfer (" + e.getClass().getSimpleName() + ")");
    }
    if (!collector.closed) {
      throw new LiveException(origin, server.label(), "the transfer ended without its closing SOA");
    }
    return LiveRead.of(LiveSources.placeNotices(collector.builder.build(), describe()));
  }

  /** dnsjava's transfer failures are bare codes or phrases; say what each means here. */
  private static String refusal(
      String what, LiveSources.Server server, Name zone, TSIG tsig, Duration timeout) {
    String m = what == null ? "" : what;
    if (m.startsWith("TSIG failure: ")) {
      return "TSIG verification failed (" + m.substring("TSIG failure: ".length()) + ")";
    }
    switch (m) {
      case "REFUSED":
        return "the server refused the transfer (REFUSED)"
            + (tsig == null ? "; it may require a TSIG key" : "; this key may not be allowed to transfer");
      case "NOTAUTH":
        return notAuth(server, zone, tsig, timeout);
      case "NOTIMP":
        return "the server does not implement zone transfers (NOTIMP)";
      case "SERVFAIL":
        return "the server failed to answer (SERVFAIL); the zone may not be loaded there";
      case "missing initial SOA":
        return "the transfer did not start with an SOA record";
      case "extra data":
        return "the transfer continued after its closing SOA record";
      case "invalid question section":
        return "the server answered a different question";
      default:
        return Rcode.value(m) >= 0 ? "the server answered " + m : "the transfer failed (" + m + ")";
    }
  }

  /**
   * BIND answers NOTAUTH both when the TSIG key is wrong and when it does not serve the zone, and
   * dnsjava reports only the code. One signed SOA question tells them apart: a key problem comes
   * back with the TSIG error (BADSIG, BADKEY, BADTIME) in the answer's TSIG record.
   */
  private static String notAuth(LiveSources.Server server, Name zone, TSIG tsig, Duration timeout) {
    if (tsig != null) {
      try {
        SimpleResolver r = new SimpleResolver(server.resolve(zone.toString()));
        r.setTimeout(timeout);
        r.setTCP(true);
        r.setTSIGKey(tsig);
        Message q = Message.newQuery(Record.newRecord(zone, Type.SOA, DClass.IN));
        q.getHeader().unsetFlag(Flags.RD);
        TSIGRecord t = r.send(q).getTSIG();
        if (t != null && t.getError() != Rcode.NOERROR) {
          return tsigFailure(t.getError());
        }
      } catch (IOException | LiveException | RuntimeException e) {
        return "the server answered NOTAUTH: the TSIG key is wrong or the zone is not served there";
      }
    }
    return "the server is not authoritative for the zone (NOTAUTH)";
  }

  /** The sentence for a TSIG error code a server sent back. */
  static String tsigFailure(int error) {
    String code = Rcode.TSIGstring(error);
    switch (error) {
      case Rcode.BADSIG:
        return "TSIG verification failed (BADSIG); the secret does not match the server's";
      case Rcode.BADKEY:
        return "TSIG verification failed (BADKEY); the server does not know this key name and algorithm";
      case Rcode.BADTIME:
        return "TSIG verification failed (BADTIME); the clocks of this machine and the server differ";
      default:
        return "TSIG verification failed (" + code + ")";
    }
  }

  /** A transfer this class stops itself; its message is the reason. */
  private static final class Rejected extends ZoneTransferException {
    private static final long serialVersionUID = 1L;

    Rejected(String reason) {
      super(reason);
    }
  }

  /** Streams the transfer into the model, record by record. */
  private static final class Collector implements ZoneTransferIn.ZoneTransferHandler {
    final String origin;
    final ZoneBuilder builder;
    private long received;
    private final long started = System.nanoTime();
    private final long maxRecords = Limits.Limit.AXFR_MAX_RECORDS.get();
    private final long maxNanos = Limits.Limit.AXFR_MAX_SECONDS.get() * 1_000_000_000L;
    String openingSoa;
    long openingSerial;
    boolean closed;

    Collector(String origin) {
      this.origin = origin;
      this.builder = new ZoneBuilder(origin);
    }

    @Override
    public void startAXFR() {}

    @Override
    public void startIXFR() throws ZoneTransferException {
      throw new Rejected("the server sent an incremental transfer to a full transfer request");
    }

    @Override
    public void startIXFRDeletes(Record soa) throws ZoneTransferException {
      startIXFR();
    }

    @Override
    public void startIXFRAdds(Record soa) throws ZoneTransferException {
      startIXFR();
    }

    @Override
    public void handleRecord(Record r) throws ZoneTransferException {
      if (closed) {
        throw new Rejected("the transfer continued after its closing SOA record");
      }
      if ((++received & 0x3fff) == 0) {
        Progress.get().records(origin, received);
        if (System.nanoTime() - started > maxNanos) {
          throw new Rejected(Limits.Limit.AXFR_MAX_SECONDS.exceeded("the transfer's duration"));
        }
      }
      if (received > maxRecords) {
        throw new Rejected(Limits.Limit.AXFR_MAX_RECORDS.exceeded("the transfer's record count"));
      }
      if (r.getDClass() != DClass.IN) {
        throw new Rejected(
            "the transfer holds a record of class " + DClass.string(r.getDClass()) + "; zones are class IN");
      }
      Record c;
      try {
        c = Canonical.canonicalize(r);
      } catch (IOException e) {
        throw new Rejected("the transfer holds a record that cannot be read (" + Type.string(r.getType()) + ")");
      }
      String name = Canonical.name(c.getName());
      String rdata = Canonical.rdataOf(c);
      if (c.getType() == Type.SOA) {
        if (openingSoa == null) {
          if (!name.equals(origin)) {
            throw new Rejected("the transfer starts with the SOA of " + name + ", not of the zone");
          }
          openingSoa = rdata;
          openingSerial = ((SOARecord) c).getSerial();
        } else {
          // dnsjava ends the transfer at the second SOA without comparing it with the first: a
          // zone that changed mid-transfer, or a spliced stream, would pass unnoticed.
          if (!name.equals(origin) || !rdata.equals(openingSoa)) {
            throw new Rejected(
                "the transfer ends with a different SOA (serial "
                    + openingSerial
                    + " at the start, "
                    + ((SOARecord) c).getSerial()
                    + " at the end)");
          }
          closed = true;
          return;
        }
      }
      try {
        builder.add(RRsetKey.of(name, Canonical.type(c.getType())), c.getTTL(), rdata, null);
      } catch (ZoneReadException e) {
        throw new Rejected("the transfer holds " + name + " " + Type.string(c.getType()) + ", outside the zone");
      }
    }
  }
}
