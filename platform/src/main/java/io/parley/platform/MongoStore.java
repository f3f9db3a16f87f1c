package io.parley.platform;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.connection.TransportSettings;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollSocketChannel;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.WriteOption;
import io.vertx.ext.mongo.impl.config.MongoClientOptionsParser;
import java.util.List;

/** How a service reaches MongoDB: the same client for the embedded store and a real deployment. */
public final class MongoStore {

  private static final int DUPLICATE_KEY = 11000;

  /**
   * The write concern of a write that a later write of the same flow makes durable before anything is answered:
   * it skips the commit (the embedded store's file, MongoDB's journal) that every other write waits for, and the
   * later write's commit takes it along. Only for writes whose flow answers after such a later write.
   */
  public static final WriteOption COVERED_BY_NEXT = WriteOption.ACKNOWLEDGED;

  private MongoStore() {
  }

  /** A client shared by every instance of one service in this JVM; each service has its own pool. */
  public static MongoClient client(Vertx vertx, JsonObject config, String poolName) {
    String uri = CommonConfig.mongoUri(config);
    if (uri.isBlank()) {
      throw new IllegalStateException(CommonConfig.MONGO_URI + " is not set");
    }
    JsonObject mongo = new JsonObject()
        .put("connection_string", uri)
        .put("db_name", CommonConfig.mongoDb(config))
        .put("serverSelectionTimeoutMS", 5000)
        .put("connectTimeoutMS", 5000);
    return MongoClient.createWithMongoSettings(vertx, mongo, poolName, settings(vertx, mongo));
  }

  /**
   * The client's settings as vertx-mongo-client reads them from its config, with two amendments. Every write is
   * acknowledged only once it is durable (journaled; the embedded store commits and forces its file), unless the
   * connection string names a write concern of its own. And when Vert.x runs on the native transport, the
   * driver's sockets are on Vert.x's own event loops: the client would otherwise give the driver event loops of
   * its own, and every answer would cross threads to reach the code that asked. The client offers no public way to
   * amend the settings it parses, hence its parser and Vert.x's internal event-loop group.
   */
  private static MongoClientSettings settings(Vertx vertx, JsonObject config) {
    MongoClientSettings parsed = new MongoClientOptionsParser(vertx, config).settings();
    MongoClientSettings.Builder settings = MongoClientSettings.builder(parsed);
    if (WriteConcern.ACKNOWLEDGED.equals(parsed.getWriteConcern())) {
      settings.writeConcern(WriteConcern.JOURNALED);
    }
    if (!vertx.isNativeTransportEnabled() || !Epoll.isAvailable()) {
      return settings.build();
    }
    return settings.transportSettings(TransportSettings.nettyBuilder()
        .eventLoopGroup(((VertxInternal) vertx).nettyEventLoopGroup())
        .socketChannelClass(EpollSocketChannel.class)
        .build()).build();
  }

  /** Answers whether the store is reachable: a cheap round trip used at start and by health checks. */
  public static Future<Void> ping(MongoClient client) {
    return client.runCommand("ping", new JsonObject().put("ping", 1)).mapEmpty();
  }

  /** One operation of a bulk write that failed: its position in the bulk, and whether a unique key refused it. */
  public record BulkError(int index, boolean duplicateKey, String message) {
  }

  /**
   * The operations a bulk write reports as failed (an ordered one stops at its first); empty when the failure is
   * not a bulk write's answer (the store was not reached, or answered otherwise), so what was written is unknown.
   */
  public static List<BulkError> bulkErrors(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof MongoBulkWriteException bulk) {
        return bulk.getWriteErrors().stream()
            .map(error -> new BulkError(error.getIndex(), error.getCode() == DUPLICATE_KEY, error.getMessage()))
            .toList();
      }
    }
    return List.of();
  }

  public static boolean isDuplicateKey(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof MongoWriteException write && write.getError().getCode() == DUPLICATE_KEY) {
        return true;
      }
      if (t instanceof MongoCommandException command && command.getErrorCode() == DUPLICATE_KEY) {
        return true;
      }
      if (t.getMessage() != null && t.getMessage().contains("E11000")) {
        return true;
      }
    }
    return false;
  }
}
