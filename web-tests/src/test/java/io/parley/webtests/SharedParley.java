package io.parley.webtests;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One Parley process and one browser shared by every scenario class that runs on an ordinary server: made by
 * the first class that asks, closed by JUnit when the whole run ends. Its first account, the admin, is made
 * at once, so that no scenario's people get the role by chance.
 */
final class SharedParley implements ExtensionContext.Store.CloseableResource {

  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "root-long-secret-1";

  final ParleyServer server;
  final Chromium chromium;

  private SharedParley(ParleyServer server, Chromium chromium) {
    this.server = server;
    this.chromium = chromium;
  }

  private static SharedParley start() {
    Chromium chromium = Chromium.launch();
    SharedParley shared = null;
    try {
      shared = new SharedParley(ParleyServer.start(), chromium);
      new ParleyRest(shared.server.baseUrl()).register(ADMIN, ADMIN_PASSWORD);
      return shared;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      chromium.close();
      throw new IllegalStateException(e);
    } catch (RuntimeException | Error e) {
      closeQuietly(shared, chromium);
      throw e;
    }
  }

  private static void closeQuietly(SharedParley shared, Chromium chromium) {
    try {
      if (shared != null) {
        shared.close();
      } else {
        chromium.close();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws InterruptedException {
    try {
      server.close();
    } finally {
      chromium.close();
    }
  }

  /** Gives a {@code @BeforeAll} method the shared server, kept in the root context so every class finds it. */
  static final class Resolver implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == SharedParley.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
          .getOrComputeIfAbsent(SharedParley.class, key -> start(), SharedParley.class);
    }
  }
}
