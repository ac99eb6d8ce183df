package dev.zonegate.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zonegate.testing.Bounded;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
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

  /**
   * The task cannot end before join has taken the interrupt: once the interrupt is sent, it waits
   * until the joining thread is parked in join, which that thread can only be after join caught
   * the InterruptedException (an interrupted thread does not stay parked) and went back to
   * waiting. So the path is taken on every run, however slow the machine; nothing waits a set time.
   */
  @Test
  void anInterruptWhileWaitingIsKeptNotLost() throws Exception {
    Bounded.within(() -> {
      Thread joiner = Thread.currentThread();
      CountDownLatch interrupted = new CountDownLatch(1);
      Background<Integer, InterruptedException> slow = Background.start("t", () -> {
        interrupted.await();
        while (joiner.getState() != Thread.State.WAITING) {
          Thread.yield();
        }
        return 7;
      });
      joiner.interrupt();
      interrupted.countDown();
      assertThat(slow.join()).isEqualTo(7);
      assertThat(Thread.interrupted()).as("the interrupt join took is set again").isTrue();
      return null;
    });
  }
}
