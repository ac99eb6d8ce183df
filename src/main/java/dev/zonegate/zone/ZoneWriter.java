package dev.zonegate.zone;

import dev.zonegate.model.Names;
import dev.zonegate.model.RRset;
import dev.zonegate.model.Zone;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import dev.zonegate.util.Sha256;

/**
 * A zone as a canonical master file: one record per line, {@code name TTL IN TYPE rdata}, absolute
 * names, in the model's order. The same zone always gives the same bytes, so the text can be
 * committed as a reviewed snapshot, diffed by hand, and hashed into a fingerprint.
 */
public final class ZoneWriter {
  private ZoneWriter() {}

  public static String write(Zone z) {
    StringBuilder sb = new StringBuilder(64 + z.recordCount() * 48);
    write(z, false, new Sink() {
      @Override
      public Sink append(String s) {
        sb.append(s);
        return this;
      }

      @Override
      public Sink append(char c) {
        sb.append(c);
        return this;
      }

      @Override
      public Sink append(String s, int from, int to) {
        sb.append(s, from, to);
        return this;
      }
    });
    return sb.toString();
  }

  /** Where the text goes: a string, or straight into a digest. */
  private interface Sink {
    Sink append(String s);

    Sink append(char c);

    default Sink append(long n) {
      return append(Long.toString(n));
    }

    Sink append(String s, int from, int to);

    /** Set {@code i} of the zone starts here. */
    default void setStarts(int i) {}
  }

  /**
   * The text, or with {@code forHash} the shorter form the fingerprint hashes: owners relative to
   * the origin ({@code @} for the apex, names outside it absolute, so the two never collide), the
   * TTL on a {@code $TTL} line wherever it changes instead of on every record, no class, and no SOA
   * serial. Hashing is most of a large zone's fingerprint, so fewer bytes is the way to a faster
   * one.
   */
  private static void write(Zone z, boolean forHash, Sink sb) {
    String origin = z.origin();
    if (forHash) {
      sb.append("$ORIGIN ").append(origin).append('\n');
    } else {
      sb.append("; zone ").append(origin).append(", ").append(z.recordCount()).append(" records, written by zonegate\n");
      sb.append("$ORIGIN ").append(origin).append('\n');
    }
    SetWriter w = new SetWriter(origin, forHash, sb);
    for (int i = 0; i < z.size(); i++) {
      sb.setStarts(i);
      w.write(z.dataAt(i)); // the text names no places
    }
  }

  /** One set's lines at a time, the TTL carried from the set before ({@code $TTL} where it changes). */
  private static final class SetWriter {
    private final String origin;
    private final boolean forHash;
    private final Sink sb;
    long lastTtl = -1;
    private String mid; // between owner and type; most sets share a TTL, so it is made once per run

    SetWriter(String origin, boolean forHash, Sink sb) {
      this.origin = origin;
      this.forHash = forHash;
      this.sb = sb;
    }

    void write(RRset s) {
      String type = s.type();
      String setId = s.key().setId();
      if (s.ttl() != lastTtl || mid == null) {
        if (s.ttl() != lastTtl && forHash) {
          sb.append("$TTL ").append(s.ttl()).append('\n');
        }
        lastTtl = s.ttl();
        mid = forHash ? " " : " " + lastTtl + " IN ";
      }
      String name = s.name();
      int nameEnd = name.length();
      if (forHash) {
        if (name.equals(origin)) {
          name = "@";
          nameEnd = 1;
        } else if (Names.isAtOrBelow(name, origin) && !origin.equals(".")) {
          nameEnd = name.length() - origin.length() - 1;
        }
      }
      if (s.extras() != null) {
        // Provider settings and routing have no master-file form either; as comments they are
        // kept in a snapshot and hashed into the fingerprint (Extras keeps them on one line).
        for (String line : s.extras().lines()) {
          sb.append("; ").append(name, 0, nameEnd).append(mid).append(type)
              .append(setId == null ? "" : " [" + setId + "]").append(" extras ").append(line).append('\n');
        }
      }
      if (type.equals("ALIAS") || type.equals("URLFWD") || setId != null && !type.equals("RRSIG")) {
        // Provider-only data has no master-file form; keep it visible as a comment.
        for (int i = 0; i < s.rdataCount(); i++) {
          String r = s.rdata(i);
          sb.append("; ").append(name, 0, nameEnd).append(mid).append(type)
              .append(setId == null ? "" : " [" + setId + "]").append(' ').append(r).append('\n');
        }
        return;
      }
      boolean soa = forHash && type.equals("SOA");
      for (int i = 0; i < s.rdataCount(); i++) {
        String r = s.rdata(i);
        String rdata = soa ? withoutSerial(r) : r;
        sb.append(name, 0, nameEnd).append(mid).append(type).append(' ').append(rdata).append('\n');
      }
    }
  }

  /**
   * SHA-256 of the canonical text in its short form (see {@link #write(Zone, boolean, Sink)}), as
   * {@code sha256:<hex>}: what the stale-plan guard compares (docs/fingerprint.md). The SOA serial is left
   * out, as in every comparison (docs/inputs.md): a re-signed or re-serialled zone with the same data has
   * not moved. Comments count, so provider-only records are covered. The text is encoded (UTF-8)
   * and hashed as it is written, never held whole.
   */
  public static String fingerprint(Zone z) {
    DigestSink sink = new DigestSink(new Sha256(), z.ascii());
    write(z, true, sink);
    return hex(sink.finish());
  }

  /**
   * A zone's text in the fingerprint's form, held: its bytes, and where each set's lines start (its
   * {@code $TTL} line included), so that the fingerprint of a zone made from this one by editing a
   * few sets ({@link Zone#edited}) hashes this text's bytes for every set it kept, written again
   * only around the edits ({@link #fingerprintEdited}).
   */
  public static final class Canonical {
    private final Zone zone;
    private final byte[] bytes;
    private final int length;
    /** {@code starts[i]}: where set i's lines start; {@code starts[size]}: the end. */
    private final int[] starts;

    private Canonical(Zone zone, byte[] bytes, int length, int[] starts) {
      this.zone = zone;
      this.bytes = bytes;
      this.length = length;
      this.starts = starts;
    }

    public Zone zone() {
      return zone;
    }

    /** The fingerprint: the same as {@link #fingerprint(Zone)} of the zone. */
    public String fingerprint() {
      Sha256 d = new Sha256();
      d.update(bytes, 0, length);
      return hex(d.digest());
    }
  }

  /** The zone's text in the fingerprint's form, held for {@link #fingerprintEdited}. */
  public static Canonical canonical(Zone z) {
    BufferSink sink = new BufferSink(z.ascii(), Math.max(1 << 16, (int) Math.min(Integer.MAX_VALUE / 2, z.recordCount() * 32L)),
        z.size());
    write(z, true, sink);
    return sink.canonical(z);
  }

  /**
   * {@link #fingerprint} of {@code after}, a zone made from {@code before.zone()} by editing sets:
   * the bytes of every set {@code after} kept as it was (the same data, the same TTL before it) are
   * hashed from {@code before}'s text; only the others are written. The same digest, in fewer
   * steps: a zone's text costs about as much to write as to hash.
   */
  public static String fingerprintEdited(Zone after, Canonical before) {
    Zone old = before.zone;
    if (!after.origin().equals(old.origin()) || after.ascii() != old.ascii()) {
      return fingerprint(after);
    }
    DigestSink sink = new DigestSink(new Sha256(), after.ascii());
    sink.raw(before.bytes, 0, before.starts[0]); // $ORIGIN
    SetWriter w = new SetWriter(after.origin(), true, sink);
    int from = -1; // the start in before's bytes of the run of kept sets being gathered
    int to = -1;
    int i = 0;
    int oldSize = old.size();
    long lastTtl = -1;
    for (int j = 0; j < after.size(); j++) {
      while (i < oldSize && old.compareKeys(i, after, j) < 0) {
        i++;
      }
      RRset y = after.dataAt(j);
      long ttlBefore = i == 0 ? -1 : old.dataAt(i - 1).ttl();
      boolean kept = i < oldSize && old.dataAt(i).sharesDataWith(y) && (lastTtl != y.ttl()) == (ttlBefore != y.ttl());
      if (kept && from >= 0 && before.starts[i] == to) {
        to = before.starts[i + 1];
      } else {
        if (from >= 0) {
          sink.raw(before.bytes, from, to - from);
          from = -1;
        }
        if (kept) {
          from = before.starts[i];
          to = before.starts[i + 1];
        } else {
          w.lastTtl = lastTtl;
          w.write(y);
        }
      }
      lastTtl = y.ttl();
    }
    if (from >= 0) {
      sink.raw(before.bytes, from, to - from);
    }
    return hex(sink.finish());
  }

  private static String hex(byte[] d) {
    StringBuilder hex = new StringBuilder("sha256:");
    for (byte b : d) {
      hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return hex.toString();
  }

  /**
   * The text as UTF-8 into a byte buffer; what happens when it is full is a subclass's. Every piece
   * written is a whole string between ASCII separators, so encoding piece by piece gives the bytes
   * of encoding the whole text.
   */
  private abstract static class ByteSink implements Sink {
    /** Every string is ASCII (the zone says so): copied as bytes, not looked at one by one. */
    private final boolean ascii;
    byte[] buf;
    int n;

    ByteSink(boolean ascii, int capacity) {
      this.ascii = ascii;
      this.buf = new byte[capacity];
    }

    /** Makes room for {@code more} bytes in {@link #buf}; false when they must go around it ({@link #around}). */
    abstract boolean room(int more);

    /** Bytes too many for the buffer, after what it holds. */
    abstract void around(byte[] b);

    @Override
    public Sink append(String s) {
      return append(s, 0, s.length());
    }

    @Override
    @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int): exactly right for ASCII
    public Sink append(String s, int from, int to) {
      if (ascii || isAscii(s, from, to)) {
        if (room(to - from)) {
          s.getBytes(from, to, buf, n); // ASCII: one byte per char
          n += to - from;
          return this;
        }
      }
      // The JDK encodes the piece (surrogates and all) as encoding the whole text would.
      byte[] b = s.substring(from, to).getBytes(StandardCharsets.UTF_8);
      if (room(b.length)) {
        System.arraycopy(b, 0, buf, n, b.length);
        n += b.length;
      } else {
        around(b);
      }
      return this;
    }

    @Override
    public Sink append(char c) {
      if (c >= 0x80) {
        return append(String.valueOf(c));
      }
      room(1);
      buf[n++] = (byte) c;
      return this;
    }

    private static boolean isAscii(String s, int from, int to) {
      for (int i = from; i < to; i++) {
        if (s.charAt(i) >= 0x80) {
          return false;
        }
      }
      return true;
    }
  }

  /** The text into a byte array that grows, noting where each set starts. */
  private static final class BufferSink extends ByteSink {
    private final int[] starts;

    BufferSink(boolean ascii, int capacity, int sets) {
      super(ascii, capacity);
      this.starts = new int[sets + 1];
    }

    @Override
    boolean room(int more) {
      if (buf.length - n < more) {
        buf = Arrays.copyOf(buf, (int) Math.min(Integer.MAX_VALUE - 8, Math.max((long) n + more, buf.length + (buf.length >> 1))));
      }
      return true;
    }

    @Override
    void around(byte[] b) {
      throw new IllegalStateException("a buffer that grows has room");
    }

    @Override
    public void setStarts(int i) {
      starts[i] = n;
    }

    Canonical canonical(Zone z) {
      starts[starts.length - 1] = n;
      return new Canonical(z, buf, n, starts);
    }
  }

  /** The text through a buffer into the digest: never held whole. */
  private static final class DigestSink extends ByteSink {
    private final Sha256 digest;

    DigestSink(Sha256 digest, boolean ascii) {
      super(ascii, 1 << 16);
      this.digest = digest;
    }

    @Override
    boolean room(int more) {
      if (buf.length - n < more) {
        flush();
      }
      return more <= buf.length;
    }

    @Override
    void around(byte[] b) {
      digest.update(b, 0, b.length);
    }

    /** Bytes already encoded, after what is buffered. */
    void raw(byte[] b, int off, int len) {
      flush();
      digest.update(b, off, len);
    }

    private void flush() {
      digest.update(buf, 0, n);
      n = 0;
    }

    byte[] finish() {
      flush();
      return digest.digest();
    }
  }

  private static String withoutSerial(String soa) {
    String[] f = soa.trim().split("\\s+");
    if (f.length != 7) {
      return soa;
    }
    f[2] = "0";
    return String.join(" ", f);
  }
}
