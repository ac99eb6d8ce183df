package dev.zonegate.live.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Closing an API lets its HTTP client's selector thread end (on Java 17 by interrupting it, on 21
 * and later by shutting the client down): a thread left blocked in the kernel holds the JVM's exit.
 */
class JsonApiCloseTest {
  private static Set<Thread> selectors() {
    Set<Thread> out = new HashSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager")) {
        out.add(t);
      }
    }
    return out;
  }

  @Test
  void closingEndsTheClientsSelectorThread() throws Exception {
    HttpServer server = OkServer.start();
    try {
      Set<Thread> before = selectors();
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      JsonApi api = new JsonApi("example.com.", "test API", base, Duration.ofSeconds(10), Map.of());
      URI uri = URI.create(base + "/");
      assertThat(api.getJson(uri, "the answer").get("ok").asBoolean()).isTrue();
      Set<Thread> mine = selectors();
      mine.removeAll(before);
      assertThat(mine).as("the client's selector thread").hasSize(1);
      Thread selector = mine.iterator().next();
      assertThat(selector.isAlive()).isTrue();
      api.close();
      selector.join(5_000);
      assertThat(selector.isAlive()).as("%s after close", selector.getName()).isFalse();
      api.close(); // twice is harmless
    } finally {
      server.stop(0);
    }
  }
}
