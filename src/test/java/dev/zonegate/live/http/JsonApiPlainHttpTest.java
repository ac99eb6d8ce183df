package dev.zonegate.live.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.zonegate.live.LiveException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An API at a plain {@code http://} URL gets a client without TLS: it reads plain HTTP as any client
 * does, and a TLS connection asked of it fails the read (never goes out unverified, never passes).
 */
class JsonApiPlainHttpTest {
  private HttpServer server;
  private String base;

  @BeforeEach
  void start() throws Exception {
    server = OkServer.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aPlainUrlIsReadWithoutTls() throws Exception {
    try (JsonApi api = new JsonApi("example.com.", "test API", base, Duration.ofSeconds(10), Map.of())) {
      assertThat(api.getJson(URI.create(base + "/zone"), "the zone").get("ok").asBoolean()).isTrue();
    }
  }

  @Test
  void aSchemeInAnyCaseCounts() throws Exception {
    String upper = "HTTP" + base.substring(4);
    try (JsonApi api = new JsonApi("example.com.", "test API", upper, Duration.ofSeconds(10), Map.of())) {
      assertThat(api.getJson(URI.create(base + "/zone"), "the zone").get("ok").asBoolean()).isTrue();
    }
  }

  @Test
  void tlsAskedOfAPlainClientFailsTheRead() {
    String tls = "https" + base.substring(4); // the same server, spoken to as if it were TLS
    try (JsonApi api = new JsonApi("example.com.", "test API", base, Duration.ofSeconds(10), Map.of())) {
      assertThatThrownBy(() -> api.getJson(URI.create(tls + "/zone"), "the zone"))
          .isInstanceOf(LiveException.class)
          .hasMessageContaining("test API: the zone:");
    }
  }
}
