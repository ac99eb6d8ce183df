package dev.zonegate.util;

import java.util.Objects;

/**
 * SHA-256 (FIPS 180-4), for the zone fingerprint. The JDK's own is the reference this one is
 * tested against (Sha256Test: the FIPS examples and random inputs of every length around the
 * block and padding edges); it exists for speed alone. zonegate's launcher runs C1 only (a short
 * run spends less compiling than C2 would save), and C1 has no intrinsic for SHA-256: the JDK's
 * code then loops over a 64-word array, a load and a bounds check per step, where this one keeps
 * the message schedule in sixteen locals and writes the rounds out. Under C1 it hashes about 1.5
 * times as fast, which is a tenth of a second of CPU on each side of a diff of a million records.
 * Not thread-safe; one per hash.
 */
public final class Sha256 {
  private static final int[] K = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
  };

  private int h0 = 0x6a09e667;
  private int h1 = 0xbb67ae85;
  private int h2 = 0x3c6ef372;
  private int h3 = 0xa54ff53a;
  private int h4 = 0x510e527f;
  private int h5 = 0x9b05688c;
  private int h6 = 0x1f83d9ab;
  private int h7 = 0x5be0cd19;
  /** A block not yet full. */
  private final byte[] pending = new byte[64];
  private int pendingLength;
  private long total;
  private boolean done;

  /** Adds {@code len} bytes of {@code b} from {@code off}. */
  public void update(byte[] b, int off, int len) {
    Objects.checkFromIndexSize(off, len, b.length);
    if (done) {
      throw new IllegalStateException("digest already taken");
    }
    total += len;
    if (pendingLength > 0) {
      int take = Math.min(len, 64 - pendingLength);
      System.arraycopy(b, off, pending, pendingLength, take);
      pendingLength += take;
      off += take;
      len -= take;
      if (pendingLength < 64) {
        return;
      }
      block(pending, 0);
      pendingLength = 0;
    }
    for (; len >= 64; off += 64, len -= 64) {
      block(b, off);
    }
    System.arraycopy(b, off, pending, 0, len);
    pendingLength = len;
  }

  /** The 32-byte digest of everything added; the hash takes nothing more after it. */
  public byte[] digest() {
    if (done) {
      throw new IllegalStateException("digest already taken");
    }
    long bits = total * 8;
    byte[] tail = new byte[pendingLength < 56 ? 64 : 128];
    System.arraycopy(pending, 0, tail, 0, pendingLength);
    tail[pendingLength] = (byte) 0x80;
    for (int i = 0; i < 8; i++) {
      tail[tail.length - 1 - i] = (byte) (bits >>> (8 * i));
    }
    for (int off = 0; off < tail.length; off += 64) {
      block(tail, off);
    }
    done = true;
    byte[] out = new byte[32];
    int[] h = {h0, h1, h2, h3, h4, h5, h6, h7};
    for (int i = 0; i < 8; i++) {
      out[4 * i] = (byte) (h[i] >>> 24);
      out[4 * i + 1] = (byte) (h[i] >>> 16);
      out[4 * i + 2] = (byte) (h[i] >>> 8);
      out[4 * i + 3] = (byte) h[i];
    }
    return out;
  }

  // FIPS 180-4 §4.1.2's functions; each is small enough for C1 to inline.
  private static int ch(int x, int y, int z) {
    return z ^ (x & (y ^ z));
  }

  private static int maj(int x, int y, int z) {
    return (x & y) | (z & (x | y));
  }

  private static int bigSigma0(int x) {
    return Integer.rotateRight(x, 2) ^ Integer.rotateRight(x, 13) ^ Integer.rotateRight(x, 22);
  }

  private static int bigSigma1(int x) {
    return Integer.rotateRight(x, 6) ^ Integer.rotateRight(x, 11) ^ Integer.rotateRight(x, 25);
  }

  private static int sigma0(int x) {
    return Integer.rotateRight(x, 7) ^ Integer.rotateRight(x, 18) ^ (x >>> 3);
  }

  private static int sigma1(int x) {
    return Integer.rotateRight(x, 17) ^ Integer.rotateRight(x, 19) ^ (x >>> 10);
  }

  private static int word(byte[] b, int at) {
    return b[at] << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | b[at + 3] & 0xff;
  }

  /**
   * One 64-byte block at {@code at}. The schedule W[t] lives in w0..w15 as W[t mod 16]: rounds
   * 16-63 replace each word in turn with the next (FIPS 180-4 §6.2.2 step 1), which is why they
   * run sixteen at a time; the working variables rotate by name instead of by assignment.
   */
  private void block(byte[] in, int at) {
    int w0 = word(in, at + 0);
    int w1 = word(in, at + 4);
    int w2 = word(in, at + 8);
    int w3 = word(in, at + 12);
    int w4 = word(in, at + 16);
    int w5 = word(in, at + 20);
    int w6 = word(in, at + 24);
    int w7 = word(in, at + 28);
    int w8 = word(in, at + 32);
    int w9 = word(in, at + 36);
    int w10 = word(in, at + 40);
    int w11 = word(in, at + 44);
    int w12 = word(in, at + 48);
    int w13 = word(in, at + 52);
    int w14 = word(in, at + 56);
    int w15 = word(in, at + 60);
    int a = h0;
    int b = h1;
    int c = h2;
    int d = h3;
    int e = h4;
    int f = h5;
    int g = h6;
    int h = h7;
    int t;
    t = h + bigSigma1(e) + ch(e, f, g) + K[0] + w0;
    d += t;
    h = t + bigSigma0(a) + maj(a, b, c);
    t = g + bigSigma1(d) + ch(d, e, f) + K[1] + w1;
    c += t;
    g = t + bigSigma0(h) + maj(h, a, b);
    t = f + bigSigma1(c) + ch(c, d, e) + K[2] + w2;
    b += t;
    f = t + bigSigma0(g) + maj(g, h, a);
    t = e + bigSigma1(b) + ch(b, c, d) + K[3] + w3;
    a += t;
    e = t + bigSigma0(f) + maj(f, g, h);
    t = d + bigSigma1(a) + ch(a, b, c) + K[4] + w4;
    h += t;
    d = t + bigSigma0(e) + maj(e, f, g);
    t = c + bigSigma1(h) + ch(h, a, b) + K[5] + w5;
    g += t;
    c = t + bigSigma0(d) + maj(d, e, f);
    t = b + bigSigma1(g) + ch(g, h, a) + K[6] + w6;
    f += t;
    b = t + bigSigma0(c) + maj(c, d, e);
    t = a + bigSigma1(f) + ch(f, g, h) + K[7] + w7;
    e += t;
    a = t + bigSigma0(b) + maj(b, c, d);
    t = h + bigSigma1(e) + ch(e, f, g) + K[8] + w8;
    d += t;
    h = t + bigSigma0(a) + maj(a, b, c);
    t = g + bigSigma1(d) + ch(d, e, f) + K[9] + w9;
    c += t;
    g = t + bigSigma0(h) + maj(h, a, b);
    t = f + bigSigma1(c) + ch(c, d, e) + K[10] + w10;
    b += t;
    f = t + bigSigma0(g) + maj(g, h, a);
    t = e + bigSigma1(b) + ch(b, c, d) + K[11] + w11;
    a += t;
    e = t + bigSigma0(f) + maj(f, g, h);
    t = d + bigSigma1(a) + ch(a, b, c) + K[12] + w12;
    h += t;
    d = t + bigSigma0(e) + maj(e, f, g);
    t = c + bigSigma1(h) + ch(h, a, b) + K[13] + w13;
    g += t;
    c = t + bigSigma0(d) + maj(d, e, f);
    t = b + bigSigma1(g) + ch(g, h, a) + K[14] + w14;
    f += t;
    b = t + bigSigma0(c) + maj(c, d, e);
    t = a + bigSigma1(f) + ch(f, g, h) + K[15] + w15;
    e += t;
    a = t + bigSigma0(b) + maj(b, c, d);
    for (int r = 16; r < 64; r += 16) {
      w0 += sigma0(w1) + w9 + sigma1(w14);
      t = h + bigSigma1(e) + ch(e, f, g) + K[r + 0] + w0;
      d += t;
      h = t + bigSigma0(a) + maj(a, b, c);
      w1 += sigma0(w2) + w10 + sigma1(w15);
      t = g + bigSigma1(d) + ch(d, e, f) + K[r + 1] + w1;
      c += t;
      g = t + bigSigma0(h) + maj(h, a, b);
      w2 += sigma0(w3) + w11 + sigma1(w0);
      t = f + bigSigma1(c) + ch(c, d, e) + K[r + 2] + w2;
      b += t;
      f = t + bigSigma0(g) + maj(g, h, a);
      w3 += sigma0(w4) + w12 + sigma1(w1);
      t = e + bigSigma1(b) + ch(b, c, d) + K[r + 3] + w3;
      a += t;
      e = t + bigSigma0(f) + maj(f, g, h);
      w4 += sigma0(w5) + w13 + sigma1(w2);
      t = d + bigSigma1(a) + ch(a, b, c) + K[r + 4] + w4;
      h += t;
      d = t + bigSigma0(e) + maj(e, f, g);
      w5 += sigma0(w6) + w14 + sigma1(w3);
      t = c + bigSigma1(h) + ch(h, a, b) + K[r + 5] + w5;
      g += t;
      c = t + bigSigma0(d) + maj(d, e, f);
      w6 += sigma0(w7) + w15 + sigma1(w4);
      t = b + bigSigma1(g) + ch(g, h, a) + K[r + 6] + w6;
      f += t;
      b = t + bigSigma0(c) + maj(c, d, e);
      w7 += sigma0(w8) + w0 + sigma1(w5);
      t = a + bigSigma1(f) + ch(f, g, h) + K[r + 7] + w7;
      e += t;
      a = t + bigSigma0(b) + maj(b, c, d);
      w8 += sigma0(w9) + w1 + sigma1(w6);
      t = h + bigSigma1(e) + ch(e, f, g) + K[r + 8] + w8;
      d += t;
      h = t + bigSigma0(a) + maj(a, b, c);
      w9 += sigma0(w10) + w2 + sigma1(w7);
      t = g + bigSigma1(d) + ch(d, e, f) + K[r + 9] + w9;
      c += t;
      g = t + bigSigma0(h) + maj(h, a, b);
      w10 += sigma0(w11) + w3 + sigma1(w8);
      t = f + bigSigma1(c) + ch(c, d, e) + K[r + 10] + w10;
      b += t;
      f = t + bigSigma0(g) + maj(g, h, a);
      w11 += sigma0(w12) + w4 + sigma1(w9);
      t = e + bigSigma1(b) + ch(b, c, d) + K[r + 11] + w11;
      a += t;
      e = t + bigSigma0(f) + maj(f, g, h);
      w12 += sigma0(w13) + w5 + sigma1(w10);
      t = d + bigSigma1(a) + ch(a, b, c) + K[r + 12] + w12;
      h += t;
      d = t + bigSigma0(e) + maj(e, f, g);
      w13 += sigma0(w14) + w6 + sigma1(w11);
      t = c + bigSigma1(h) + ch(h, a, b) + K[r + 13] + w13;
      g += t;
      c = t + bigSigma0(d) + maj(d, e, f);
      w14 += sigma0(w15) + w7 + sigma1(w12);
      t = b + bigSigma1(g) + ch(g, h, a) + K[r + 14] + w14;
      f += t;
      b = t + bigSigma0(c) + maj(c, d, e);
      w15 += sigma0(w0) + w8 + sigma1(w13);
      t = a + bigSigma1(f) + ch(f, g, h) + K[r + 15] + w15;
      e += t;
      a = t + bigSigma0(b) + maj(b, c, d);
    }
    h0 += a;
    h1 += b;
    h2 += c;
    h3 += d;
    h4 += e;
    h5 += f;
    h6 += g;
    h7 += h;
  }
}
