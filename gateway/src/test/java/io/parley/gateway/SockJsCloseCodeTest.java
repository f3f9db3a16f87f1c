package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static io.parley.gateway.ParleyStack.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.contract.CloseCodes;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Over SockJS's HTTP transports the contract's close code still reaches the client, in the close frame. */
@ExtendWith(VertxExtension.class)
class SockJsCloseCodeTest {

  @Test
  void aBannedUserOnXhrStreamingIsToldItsCloseCode(Vertx vertx) throws Exception {
    try (ParleyStack parley = ParleyStack.start(vertx)) {
      JsonObject admin = parley.newUser("admin");
      JsonObject banned = parley.newUser("banned");
      SockJsXhrClient xhr = SockJsXhrClient.open(vertx, parley.port());
      xhr.send(new JsonObject().put("type", "auth").put("token", token(banned)));
      xhr.next("ready");

      assertEquals(200, parley.rest().post("/api/admin/users/" + userId(banned) + "/ban", token(admin), null)
          .status());

      assertEquals(CloseCodes.BANNED, xhr.next("close").getInteger("code").shortValue());
      assertEquals(3000, xhr.awaitClose(5_000).getInteger(0));
      xhr.close();
    }
  }
}
