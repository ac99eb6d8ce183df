package dev.zonegate.zone;

import dev.zonegate.model.Names;
import dev.zonegate.model.RRset;
import dev.zonegate.model.Zone;
import java.nio.charset.StandardCharsets;
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
    long lastTtl = -1;
    String mid = null; // between owner and type; most sets share a TTL, so it is made once per run
    for (RRset s : z.sets()) {
      String type = s.type();
      String setId = s.key().setId();
      if (s.ttl() != lastTtl) {
        lastTtl = s.ttl();
        if (forHash) {
          sb.append("$TTL ").append(lastTtl).append('\n');
          mid = " ";
        } else {
          mid = " " + lastTtl + " IN ";
        }
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
        continue;
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
    byte[] d = sink.finish();
    StringBuilder hex = new StringBuilder("sha256:");
    for (byte b : d) {
      hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return hex.toString();
  }

  /**
   * UTF-8 into a buffer, the buffer into the digest. Every piece written is a whole string between
   * ASCII separators, so encoding piece by piece gives the bytes of encoding the whole text.
   */
  private static final class DigestSink implements Sink {
    private final Sha256 digest;
    /** Every string is ASCII (the zone says so): copied as bytes, not looked at one by one. */
    private final boolean ascii;
    private final byte[] buf = new byte[1 << 16];
    private int n;

    DigestSink(Sha256 digest, boolean ascii) {
      this.digest = digest;
      this.ascii = ascii;
    }

    @Override
    public Sink append(String s) {
      return append(s, 0, s.length());
    }

    @Override
    @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int): exactly right for ASCII
    public Sink append(String s, int from, int to) {
      int len = to - from;
      if (len > buf.length - n) {
        flush();
      }
      if (len > buf.length || !ascii && !isAscii(s, from, to)) {
        // The JDK encodes the piece (surrogates and all) as encoding the whole text would.
        byte[] b = s.substring(from, to).getBytes(StandardCharsets.UTF_8);
        if (b.length > buf.length - n) {
          flush();
          digest.update(b, 0, b.length);
        } else {
          System.arraycopy(b, 0, buf, n, b.length);
          n += b.length;
        }
        return this;
      }
      s.getBytes(from, to, buf, n); // ASCII: one byte per char
      n += len;
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

    @Override
    public Sink append(char c) {
      if (c >= 0x80) {
        return append(String.valueOf(c));
      }
      if (n == buf.length) {
        flush();
      }
      buf[n++] = (byte) c;
      return this;
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
