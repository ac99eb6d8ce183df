package dev.zonegate.live;

import dev.zonegate.config.LiveConfig;
import dev.zonegate.model.Location;
import dev.zonegate.model.Names;
import dev.zonegate.model.Notice;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import dev.zonegate.zone.SourceTree;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.WireParseException;

/** Picks the live source a zone's config names, and the helpers its sources share. */
public final class LiveSources {
  private LiveSources() {}

  /**
   * The source for {@code config}. Nothing is contacted and no secret is read here: that happens
   * in {@link LiveSource#read}, so a missing secret fails the check that needs it, not the load.
   * {@code repo} is the repository at head, read by snapshot sources.
   */
  public static LiveSource of(
      String zone, LiveConfig config, Map<String, String> env, SourceTree repo) {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(config, "config (use no live source for --live none)");
    Map<String, String> environment = Map.copyOf(env);
    if (config instanceof LiveConfig.Axfr a) {
      return new AxfrSource(a, environment);
    }
    if (config instanceof LiveConfig.Query q) {
      return new QuerySource(q, environment);
    }
    if (config instanceof LiveConfig.Snapshot s) {
      return new SnapshotSource(s, repo);
    }
    if (config instanceof LiveConfig.Unknown u) {
      return unknown(u);
    }
    return provider(zone, config, environment);
  }

  /**
   * A provider API's source, made by its {@link LiveSourceFactory} in a package of its own,
   * loaded by name only here: a run that names no provider never loads one, nor its SDK (the AWS
   * SDK alone would add a tenth of a second to every pre-push hook).
   */
  private static final Map<Class<? extends LiveConfig>, String> PROVIDERS =
      Map.of(
          LiveConfig.Route53.class, "dev.zonegate.live.route53.Route53Factory",
          LiveConfig.PowerDns.class, "dev.zonegate.live.powerdns.PowerDnsFactory",
          LiveConfig.Cloudflare.class, "dev.zonegate.live.cloudflare.CloudflareFactory");

  /** An octoDNS target zonegate cannot read: the check that asks it fails closed, naming it. */
  private static LiveSource unknown(LiveConfig.Unknown u) {
    return new LiveSource() {
      @Override
      public LiveRead read(String zone, Collection<RRsetKey> keys) throws LiveException {
        throw new LiveException(
            zone, null, "cannot read live for it from provider " + u.provider() + " (class " + u.className() + "): "
                + u.why() + "; --live none judges against base instead");
      }

      @Override
      public String describe() {
        return u.provider() + " (" + u.className() + ")";
      }
    };
  }

  private static LiveSource provider(String zone, LiveConfig config, Map<String, String> env) {
    String factory = PROVIDERS.get(config.getClass());
    if (factory == null) {
      throw new IllegalStateException("no live source for " + config.getClass().getSimpleName());
    }
    try {
      LiveSourceFactory f =
          (LiveSourceFactory) Class.forName(factory).getDeclaredConstructor().newInstance();
      return f.open(zone, config, env);
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalStateException("the live source " + factory + " cannot be loaded: " + e, e);
    }
  }

  /** A server to contact: {@code label} is how messages name it, always {@code host:port}. */
  record Server(String label, String host, int port) {
    InetSocketAddress resolve(String zone) throws LiveException {
      try {
        // A literal address is parsed, not looked up; only a host name costs a DNS look-up.
        return new InetSocketAddress(InetAddress.getByName(host), port);
      } catch (UnknownHostException e) {
        throw new LiveException(zone, label, "the server name cannot be resolved");
      }
    }
  }

  /**
   * Parses {@code host}, {@code host:port}, {@code [v6]:port}, {@code [v6]} or a bare IPv6
   * address (several colons: no port), with {@code defaultPort} where none is written.
   */
  static Server server(String zone, String text, int defaultPort) throws LiveException {
    String s = text == null ? "" : text.trim();
    String host = s;
    String port = null;
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0 || (close + 1 < s.length() && s.charAt(close + 1) != ':')) {
        throw new LiveException(zone, null, "server '" + s + "' is not [IPv6-address]:port");
      }
      host = s.substring(1, close);
      port = close + 1 < s.length() ? s.substring(close + 2) : null;
    } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
      host = s.substring(0, s.indexOf(':'));
      port = s.substring(s.indexOf(':') + 1);
    }
    int p = defaultPort > 0 ? defaultPort : LiveConfig.DEFAULT_PORT;
    if (port != null) {
      p = port.matches("\\d{1,5}") ? Integer.parseInt(port) : -1;
    }
    if (host.isEmpty() || p < 1 || p > 65535) {
      throw new LiveException(zone, null, "server '" + s + "' is not host, host:port or [IPv6]:port");
    }
    String label = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + p;
    return new Server(label, host, p);
  }

  static Duration timeout(int seconds) {
    return Duration.ofSeconds(seconds > 0 ? seconds : LiveConfig.DEFAULT_TIMEOUT_SECONDS);
  }

  static String origin(String zone) {
    return Names.absolute(zone.trim());
  }

  static Name name(String origin) throws LiveException {
    try {
      return Name.fromString(origin, Name.root);
    } catch (TextParseException e) {
      throw new LiveException(origin, null, "'" + origin + "' is not a domain name");
    }
  }

  /**
   * Why a network exchange failed, from the exception's type: no exception text is repeated
   * unparsed except dnsjava's wire-format complaints, which carry no secret.
   */
  static String network(Throwable e, Duration timeout) {
    Throwable t = e;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof ConnectException) {
      return "connection refused";
    }
    if (t instanceof PortUnreachableException) {
      return "port unreachable (nothing listens there)";
    }
    if (t instanceof SocketTimeoutException || t instanceof TimeoutException) {
      return "no answer within " + timeout.toSeconds() + " s (timeout)";
    }
    if (t instanceof NoRouteToHostException) {
      return "no route to host";
    }
    if (t instanceof EOFException) {
      return "the server closed the connection before the answer was complete";
    }
    if (t instanceof WireParseException) {
      return "malformed answer (" + t.getMessage() + ")";
    }
    if (t instanceof IOException) {
      return "network error (" + t.getClass().getSimpleName() + ")";
    }
    return "unexpected failure (" + t.getClass().getSimpleName() + ")";
  }

  /**
   * The zone with every notice placed: a live read has no file lines, and renderers expect a
   * location, so the source's label stands in for one.
   */
  public static Zone placeNotices(Zone z, String label) {
    if (z.notices().isEmpty()) {
      return z;
    }
    List<Notice> placed = new ArrayList<>();
    for (Notice n : z.notices()) {
      placed.add(n.location() != null ? n : new Notice(new Location(label, 0), n.message()));
    }
    return new Zone(z.origin(), z.rrsets().values(), placed);
  }
}
