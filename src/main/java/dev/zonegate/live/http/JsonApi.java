package dev.zonegate.live.http;

import dev.zonegate.live.LiveException;
import dev.zonegate.schema.JsonTree;
import dev.zonegate.util.Timings;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * GETs JSON from a provider's HTTP API for a live source (docs/inputs.md: fail closed). Every failure
 * is a {@link LiveException} of one sentence naming the zone and the provider, built from status
 * codes and exception types only: no header, body or exception text is ever repeated, so the
 * credential a header carries cannot reach a message.
 *
 * <p>The timeout bounds each whole exchange, body included (a server that sends headers and then
 * stalls is a timeout, not a hang). Throttling (429) and a busy server (502, 503, 504) are retried
 * a bounded number of times, after the server's {@code Retry-After} (capped) or a short backoff.
 */
public final class JsonApi implements AutoCloseable {
  /** Retries after the first attempt, for 429 and 502/503/504. */
  public static final int RETRIES = 3;
  /** The longest wait between attempts, whatever {@code Retry-After} asks. */
  static final long MAX_WAIT_MILLIS = 10_000;
  /** {@code HttpClient.shutdownNow()}, public since Java 21; null before (this jar targets 17). */
  private static final Method SHUTDOWN_NOW = shutdownNow();
  /** How a Java 17 client's {@code toString} ends: its id, e.g. {@code HttpClientImpl@1b2c3d(1)}. */
  private static final Pattern CLIENT_ID = Pattern.compile("\\((\\d+)\\)$");

  private final String zone;
  private final String provider;
  private final Duration timeout;
  private final Map<String, String> headers;
  private final HttpClient client;

  /**
   * {@code provider} is how messages name the API, e.g. {@code PowerDNS API http://127.0.0.1:8081};
   * {@code headers} go on every request (the credential among them) and are never shown.
   * {@code base} is the API's URL: when that is a plain {@code http://} one, the client is made
   * without TLS ({@link NoTls}: setting up the JDK's default context is most of making one).
   * Redirects are never followed, so a request can only go where its URL says.
   */
  public JsonApi(String zone, String provider, String base, Duration timeout, Map<String, String> headers) {
    long t = System.nanoTime();
    this.zone = zone;
    this.provider = provider;
    this.timeout = timeout;
    this.headers = new LinkedHashMap<>(headers);
    HttpClient.Builder b =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1);
    if (base.regionMatches(true, 0, "http://", 0, 7)) {
      b.sslContext(NoTls.CONTEXT).sslParameters(new SSLParameters());
    }
    this.client = b.build();
    Timings.add("live.client", t);
  }

  /**
   * Lets the client go, stopping its selector thread: left blocked in the kernel, that thread made
   * the JVM wait about 0.3 s at exit (the JVM gives threads in native code that long to come back).
   * On Java 21 and later the client is shut down at once ({@code shutdownNow}, which also cancels
   * an exchange a failure left running). Java 17's client has no shutdown; there its selector
   * thread is interrupted, which ends its loop and the client with it (the thread is found by the
   * name it is given, {@code HttpClient-ID-SelectorManager}, ID ending the client's
   * {@code toString}; a Java that names it otherwise is left to wait).
   */
  @Override
  public void close() {
    if (SHUTDOWN_NOW != null) {
      try {
        SHUTDOWN_NOW.invoke(client);
      } catch (ReflectiveOperationException | RuntimeException e) {
        // Letting go of what has been read to the end fails nothing that was read.
      }
      return;
    }
    Thread selector = selectorThread(client);
    if (selector != null) {
      selector.interrupt();
    }
  }

  /** The selector thread of a Java 17 client, found by its name, or null. */
  static Thread selectorThread(HttpClient c) {
    Matcher id = CLIENT_ID.matcher(String.valueOf(c));
    if (!id.find()) {
      return null;
    }
    String name = "HttpClient-" + id.group(1) + "-SelectorManager";
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] all = new Thread[root.activeCount() + 16];
    int n = root.enumerate(all, true);
    for (int i = 0; i < n; i++) {
      if (all[i].getName().equals(name)) {
        return all[i];
      }
    }
    return null;
  }

  private static Method shutdownNow() {
    try {
      return HttpClient.class.getMethod("shutdownNow");
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /** A response: its status and body, for the caller to judge statuses this class leaves to it. */
  public record Response(int status, byte[] body) {}

  /**
   * GETs {@code uri}. 401 and 403 (the credential), 429 past the retries, and any status other
   * than 200 that the caller does not name in {@code passed} fail here; {@code what} says what was
   * being read, e.g. {@code page 3 of the records}.
   */
  public Response get(URI uri, String what, int... passed) throws LiveException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().timeout(timeout).header("Accept", "application/json");
    headers.forEach(b::header);
    HttpRequest request = b.build();
    for (int attempt = 0; ; attempt++) {
      HttpResponse<byte[]> r = exchange(request, what);
      int status = r.statusCode();
      if (status == 200) {
        return new Response(status, r.body());
      }
      for (int p : passed) {
        if (p == status) {
          return new Response(status, r.body());
        }
      }
      boolean retryable = status == 429 || status == 502 || status == 503 || status == 504;
      if (retryable && attempt < RETRIES) {
        pause(r.headers().firstValue("Retry-After"), attempt, what);
        continue;
      }
      throw fail(what + ": " + statusReason(status, retryable ? attempt + 1 : 0));
    }
  }

  /** GETs {@code uri} and parses its body as JSON (one object). */
  public JsonNode getJson(URI uri, String what) throws LiveException {
    return parse(get(uri, what).body(), what);
  }

  /** The body as JSON, or a failure saying the answer does not parse. */
  public JsonNode parse(byte[] body, String what) throws LiveException {
    try {
      JsonNode n = JsonTree.read(body);
      if (n == null || !n.isObject()) {
        throw fail(what + ": the answer is not a JSON object");
      }
      return n;
    } catch (JacksonException e) {
      throw fail(what + ": the answer is not valid JSON");
    }
  }

  /** A failure naming the zone and the provider. */
  public LiveException fail(String reason) {
    String text = provider + ": " + reason;
    for (String secret : headers.values()) {
      // Messages are built from codes and names, but a name can come from the server, which has
      // seen the credential: it is never let through, however it got there.
      if (secret.length() >= 4 && text.contains(secret)) {
        text = text.replace(secret, "***");
      }
    }
    return new LiveException(zone, null, text);
  }

  private HttpResponse<byte[]> exchange(HttpRequest request, String what) throws LiveException {
    long t = System.nanoTime();
    CompletableFuture<HttpResponse<byte[]>> f = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    try (Timings.Part api = Timings.part("live.api", t)) {
      // The whole exchange, body included, within the timeout (and a little for the connect).
      return f.get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw fail(what + ": no answer within " + timeout.toSeconds() + " s (timeout)");
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw fail(what + ": interrupted");
    } catch (ExecutionException e) {
      throw fail(what + ": " + network(e.getCause()));
    }
  }

  /** Why an exchange failed, from the exception's type alone. */
  private String network(Throwable t) {
    Throwable c = t;
    while (c != null && !(c instanceof ConnectException || c instanceof HttpTimeoutException)
        && c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    if (c instanceof HttpConnectTimeoutException) {
      return "no connection within " + timeout.toSeconds() + " s (timeout)";
    }
    if (c instanceof HttpTimeoutException) {
      return "no answer within " + timeout.toSeconds() + " s (timeout)";
    }
    if (c instanceof ConnectException) {
      return "connection refused";
    }
    if (t instanceof SSLException) {
      return "the TLS handshake failed";
    }
    if (t instanceof IOException) {
      return "network error (" + t.getClass().getSimpleName() + ")";
    }
    return "unexpected failure (" + (t == null ? "unknown" : t.getClass().getSimpleName()) + ")";
  }

  private void pause(Optional<String> retryAfter, int attempt, String what) throws LiveException {
    long wait = 500L << attempt; // 0.5 s, 1 s, 2 s
    if (retryAfter.isPresent() && retryAfter.get().trim().matches("\\d{1,6}")) {
      wait = Long.parseLong(retryAfter.get().trim()) * 1000;
    }
    try {
      Thread.sleep(Math.min(wait, MAX_WAIT_MILLIS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw fail(what + ": interrupted");
    }
  }

  /** The sentence for a status; {@code tries} is how many attempts were made when it was retried. */
  static String statusReason(int status, int tries) {
    switch (status) {
      case 401:
        return "the credential was refused (HTTP 401 Unauthorized)";
      case 403:
        return "the credential may not read this (HTTP 403 Forbidden)";
      case 404:
        return "not found (HTTP 404)";
      case 429:
        return "throttled (HTTP 429 Too Many Requests) on all " + tries + " tries";
      case 502:
      case 503:
      case 504:
        return "the server is unavailable (HTTP " + status + ") on all " + tries + " tries";
      default:
        return "the API answered HTTP " + status;
    }
  }
}
