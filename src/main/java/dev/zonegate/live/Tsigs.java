package dev.zonegate.live;

import dev.zonegate.config.LiveConfig;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TextParseException;

/**
 * Builds the dnsjava TSIG key of a live source. The secret is read from the environment only here,
 * when the source is contacted (docs/configuration.md), and no message ever repeats it or any part of it.
 */
final class Tsigs {
  private Tsigs() {}

  /** The names zonegate accepts, as BIND writes them in {@code key} statements. */
  private static final Map<String, Name> ALGORITHMS =
      Map.of(
          "hmac-sha256", TSIG.HMAC_SHA256,
          "hmac-sha512", TSIG.HMAC_SHA512,
          "hmac-sha384", TSIG.HMAC_SHA384,
          "hmac-sha1", TSIG.HMAC_SHA1);

  /** Null when {@code config} is null (no key configured). */
  static TSIG build(String zone, LiveConfig.Tsig config, Map<String, String> env)
      throws LiveException {
    if (config == null) {
      return null;
    }
    String word =
        config.algorithm() == null
            ? LiveConfig.Tsig.DEFAULT_ALGORITHM
            : config.algorithm().toLowerCase(Locale.ROOT);
    Name algorithm = ALGORITHMS.get(word.endsWith(".") ? word.substring(0, word.length() - 1) : word);
    if (algorithm == null) {
      throw new LiveException(
          zone,
          null,
          "TSIG algorithm '"
              + config.algorithm()
              + "' is not supported (use hmac-sha256, hmac-sha512, hmac-sha384 or hmac-sha1)");
    }
    Name keyName;
    try {
      keyName = Name.fromString(config.name(), Name.root);
    } catch (TextParseException e) {
      throw new LiveException(zone, null, "TSIG key name '" + config.name() + "' is not a domain name");
    }
    String text = env.get(config.secretEnv());
    if (text == null || text.isBlank()) {
      throw new LiveException(zone, null, "the TSIG secret variable " + config.secretEnv() + " is not set");
    }
    byte[] secret;
    try {
      // Strict decoding (only surrounding and embedded whitespace dropped): a lenient decoder
      // would turn a mistyped secret into a different key and a confusing BADSIG later.
      secret = Base64.getDecoder().decode(text.replaceAll("\\s+", ""));
    } catch (IllegalArgumentException e) {
      // The decoder's message quotes the offending character; say only which variable is wrong.
      secret = null;
    }
    if (secret == null || secret.length == 0) {
      throw new LiveException(
          zone, null, "the TSIG secret in " + config.secretEnv() + " is not valid base64");
    }
    return new TSIG(algorithm, keyName, secret);
  }

  /** {@code key gate-key} for describe(): the key's name only. */
  static String label(LiveConfig.Tsig config) {
    return config == null ? "" : " key " + config.name();
  }
}
