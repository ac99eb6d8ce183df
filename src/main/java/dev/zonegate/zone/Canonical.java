package dev.zonegate.zone;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Tokenizer;
import org.xbill.DNS.Type;

/**
 * Canonical presentation form of dnsjava records: owner and embedded names lower-cased as in the
 * canonical wire form (RFC 4034 §6.2, RFC 6840 §5.1), then printed by dnsjava. Going through the
 * wire form lets dnsjava decide which names in which types fold case, so TXT stays case-sensitive.
 */
public final class Canonical {
  static {
    BindTypes.install(); // records read or received are read the way named reads them
  }

  private Canonical() {}

  public static Record canonicalize(Record r) throws IOException {
    return Record.fromWire(r.toWireCanonical(), Section.ANSWER);
  }

  public static String name(Name n) {
    return n.canonicalize().toString();
  }

  public static String type(int type) {
    return Type.string(type);
  }

  /** Canonical rdata of one record as text. */
  public static String rdata(Record r) throws IOException {
    return rdataOf(canonicalize(r));
  }

  /**
   * Rdata text of a record that is already canonical. IPv6 addresses are printed in RFC 5952 form
   * ({@code 2001:db8::1}), which people write and read, where dnsjava prints every group.
   */
  public static String rdataOf(Record canonical) {
    if (canonical instanceof AAAARecord) {
      return Ipv6.format(((AAAARecord) canonical).getAddress().getAddress());
    }
    return canonical.rdataToString();
  }

  /**
   * Parses {@code rdata} as dnsjava would read it in a master file for (name, type) and returns the
   * canonical form; names in it are relative to {@code origin}.
   */
  public static String rdata(String name, String type, String rdata, String origin)
      throws IOException {
    int t = Type.value(type);
    if (t < 0) {
      throw new TextParseException("unknown record type " + type);
    }
    Name o = Name.fromString(origin);
    Record r = Record.fromString(Name.fromString(name, o), t, DClass.IN, 0, tokenizer(rdata), o);
    return rdata(r);
  }

  /**
   * Canonical rdata of an A record's text when it is a dotted quad as dnsjava reads one (four
   * octets of one to three digits, no leading zero, at most 255, nothing around it): that text
   * itself, as dnsjava would print it. Else null, and {@link #rdata(String, String, String, String)}
   * reads it. Provider listings are mostly A records; dnsjava took most of reading them.
   */
  public static String plainA(String text) {
    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
    return FastMasterReader.dottedQuad(b, 0, b.length) ? text : null;
  }

  /**
   * The tokenizer {@code Record.fromString(..., String, ...)} makes, without its 8 KiB buffer: its
   * {@code Tokenizer(String)} wraps the text's bytes (in the platform charset) in a fresh
   * {@code BufferedInputStream} of 8 KiB, and allocating and clearing that, once per record, was
   * most of the time a provider listing of 10,000 records spent reading them. A buffer of the
   * text's size reads the same bytes.
   */
  static Tokenizer tokenizer(String text) {
    byte[] bytes = text.getBytes(Charset.defaultCharset());
    return new Tokenizer(new BufferedInputStream(new ByteArrayInputStream(bytes), Math.max(1, bytes.length)));
  }
}
