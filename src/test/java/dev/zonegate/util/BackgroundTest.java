package dev.zonegate.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class BackgroundTest {
  @Test
  void joinGivesTheResultFromTheOtherThread() throws Exception {
    Background<String, RuntimeException> b = Background.start("t", () -> Thread.currentThread().getName());
    assertThat(b.join()).isEqualTo("t");
    assertThat(Background.now(() -> Thread.currentThread().getName()).join()).isEqualTo(Thread.currentThread().getName());
  }

  @Test
  void whatTheTaskThrewIsThrownAsItWas() {
    IOException io = new IOException("no such file");
    Background<String, IOException> checked = Background.start("t", () -> {
      throw io;
    });
    assertThatThrownBy(checked::join).isSameAs(io);
    IllegalStateException ise = new IllegalStateException("bad");
    assertThatThrownBy(Background.start("t", () -> {
      throw ise;
    })::join).isSameAs(ise);
    StackOverflowError err = new StackOverflowError();
    assertThatThrownBy(Background.now(() -> {
      throw err;
    })::join).isSameAs(err);
  }

  @Test
  void anInterruptWhileWaitingIsKeptNotLost() throws Exception {
    Background<Integer, InterruptedException> slow = Background.start("t", () -> {
      Thread.sleep(200);
      return 7;
    });
    Thread.currentThread().interrupt();
    assertThat(slow.join()).isEqualTo(7);
    assertThat(Thread.interrupted()).isTrue();
  }
}
