package dev.zonegate.zone;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Address;
import org.xbill.DNS.Compression;
import org.xbill.DNS.DNSInput;
import org.xbill.DNS.DNSOutput;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Tokenizer;
import org.xbill.DNS.WireParseException;

/**
 * APL (RFC 3123) read as named reads it (BIND 9.18's {@code apl_42.c}), in place of dnsjava's
 * reader, which also takes an item in quotes and a prefix length with a sign ({@code /+24}):
 * named's lexer gives a quote as a character of the word there, and reads the prefix as digits
 * only. The family is C's {@code strtoul} ({@code +1:} is family 1); the address is read by
 * dnsjava as before. Printed as dnsjava prints it.
 */
public final class BindApl extends Record {
  private static final long serialVersionUID = 1L;

  /** One item: its family, negation, prefix length and address octets (whole for IPv4/IPv6). */
  private record Item(int family, boolean negative, int prefix, byte[] address) {}

  private List<Item> items = new ArrayList<>();

  public BindApl() {}

  @Override
  protected void rdataFromString(Tokenizer st, Name origin) throws IOException {
    items = new ArrayList<>();
    for (Tokenizer.Token t = st.get(); t.isString(); t = st.get()) {
      if (t.type == Tokenizer.QUOTED_STRING) {
        throw st.exception("an APL item is not quoted");
      }
      items.add(item(st, t.value));
    }
    st.unget();
  }

  private static Item item(Tokenizer st, String s) throws IOException {
    boolean negative = s.startsWith("!");
    int at = negative ? 1 : 0;
    // strtoul: an optional sign, then digits; the family ends at a colon.
    int i = at;
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int digits = i;
    while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
      i++;
    }
    int colon = i > digits ? i : at; // no digits: strtoul stops where it started
    if (colon >= s.length() || s.charAt(colon) != ':') {
      throw st.exception("'" + s + "' is not an APL item (family:address/prefix)");
    }
    int family = i > digits && s.charAt(at) != '-' ? parseFamily(s.substring(digits, i)) : -1;
    int slash = s.indexOf('/', colon + 1);
    if (slash < 0 || slash == colon + 1) {
      throw st.exception("'" + s + "' is not an APL item (family:address/prefix)");
    }
    String prefixText = s.substring(slash + 1);
    if (!prefixText.matches("[0-9]+")) {
      throw st.exception("'" + prefixText + "' is not a valid APL prefix length");
    }
    String significant = prefixText.replaceFirst("^0+(?=.)", "");
    int prefix = significant.length() > 3 ? 256 : Integer.parseInt(significant);
    if (family != Address.IPv4 && family != Address.IPv6) {
      throw st.exception("APL family " + s.substring(at, colon) + " is not 1 or 2");
    }
    byte[] address = Address.toByteArray(s.substring(colon + 1, slash), family);
    if (address == null) {
      throw st.exception("'" + s.substring(colon + 1, slash) + "' is not an IPv" + (family == 1 ? "4" : "6") + " address");
    }
    if (prefix > address.length * 8) {
      throw st.exception("APL prefix length " + prefixText + " is out of range");
    }
    return new Item(family, negative, prefix, address);
  }

  /** A family of digits as strtoul reads it: too large for 16 bits is no family named knows. */
  private static int parseFamily(String digits) {
    return digits.length() > 5 ? -1 : Integer.parseInt(digits);
  }

  @Override
  protected void rrFromWire(DNSInput in) throws IOException {
    items = new ArrayList<>();
    while (in.remaining() != 0) {
      int family = in.readU16();
      int prefix = in.readU8();
      int length = in.readU8();
      boolean negative = (length & 0x80) != 0;
      byte[] data = in.readByteArray(length & 0x7F);
      if (family == Address.IPv4 || family == Address.IPv6) {
        int size = Address.addressLength(family);
        if (data.length > size || prefix > size * 8) {
          throw new WireParseException("invalid APL item");
        }
        byte[] whole = new byte[size];
        System.arraycopy(data, 0, whole, 0, data.length);
        data = whole;
      }
      items.add(new Item(family, negative, prefix, data));
    }
  }

  @Override
  protected void rrToWire(DNSOutput out, Compression c, boolean canonical) {
    for (Item item : items) {
      byte[] a = item.address();
      int length = a.length;
      if (item.family() == Address.IPv4 || item.family() == Address.IPv6) {
        while (length > 0 && a[length - 1] == 0) {
          length--; // RFC 3123 §4: trailing zero octets are not sent
        }
      }
      out.writeU16(item.family());
      out.writeU8(item.prefix());
      out.writeU8(length | (item.negative() ? 0x80 : 0));
      out.writeByteArray(a, 0, length);
    }
  }

  @Override
  protected String rrToString() {
    StringBuilder sb = new StringBuilder();
    for (Item item : items) {
      sb.append(sb.length() == 0 ? "" : " ").append(item.negative() ? "!" : "").append(item.family()).append(':');
      if (item.family() == Address.IPv4 || item.family() == Address.IPv6) {
        try {
          sb.append(InetAddress.getByAddress(item.address()).getHostAddress());
        } catch (UnknownHostException e) {
          throw new IllegalStateException(e); // four or sixteen octets always make an address
        }
      } else {
        sb.append(org.xbill.DNS.utils.base16.toString(item.address()));
      }
      sb.append('/').append(item.prefix());
    }
    return sb.toString();
  }
}
