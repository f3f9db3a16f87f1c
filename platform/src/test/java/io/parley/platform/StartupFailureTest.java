package io.parley.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.unix.Errors;
import java.io.IOException;
import java.net.BindException;
import org.junit.jupiter.api.Test;

class StartupFailureTest {

  @Test
  void aPortInUseOnNioIsOneLine() {
    assertEquals("address already in use",
        StartupFailure.describe(new RuntimeException("listen", new BindException("Address already in use"))));
  }

  @Test
  void aPortInUseOnEpollIsOneLine() {
    assumeTrue(Epoll.isAvailable(), "epoll's errors need its native library");
    int addressInUse = -98;
    assertEquals("address already in use", StartupFailure.describe(new RuntimeException("listen",
        new Errors.NativeIoException("bind", addressInUse))));
  }

  @Test
  void otherFailuresKeepTheirMessageAndTheirCause() {
    assertEquals("store: Connection refused",
        StartupFailure.describe(new RuntimeException("store", new IOException("Connection refused"))));
    assertEquals("no key", StartupFailure.describe(new IllegalStateException("no key")));
  }
}
