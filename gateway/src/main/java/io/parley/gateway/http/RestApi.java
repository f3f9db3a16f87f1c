package io.parley.gateway.http;

import io.parley.contract.ErrorCode;
import io.parley.contract.Limits;
import io.parley.contract.auth.AuthClient;
import io.parley.contract.bus.BusClient;
import io.parley.contract.chat.ChatClient;
import io.parley.contract.chat.WebhookClient;
import io.parley.contract.presence.PresenceService;
import io.parley.contract.search.SearchService;
import io.parley.gateway.GatewayConfig;
import io.parley.gateway.http.account.AccountRoutes;
import io.parley.gateway.http.account.AvatarImages;
import io.parley.gateway.http.account.ChangeAllowance;
import io.parley.gateway.http.account.ClientAddress;
import io.parley.gateway.http.account.ProfileRoutes;
import io.parley.gateway.http.account.SignInRoutes;
import io.parley.gateway.http.account.TokenRoutes;
import io.parley.gateway.http.admin.AdminRoutes;
import io.parley.gateway.http.chat.ChatRoutes;
import io.parley.gateway.http.chat.ConversationRoutes;
import io.parley.gateway.http.chat.WebhookRoutes;
import io.parley.gateway.http.file.FileRoutes;
import io.parley.gateway.http.search.SearchRoutes;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The REST half of the contract under {@code /api}: files and avatars first (their bodies are not JSON, and a
 * signed link or an avatar needs no token), then JSON bodies capped, public routes, the authentication gate,
 * and every route that needs a user; anything else is a {@code not_found} problem. Beside it, the incoming
 * webhooks' urls ({@code /hooks/...}), which no token opens.
 */
public final class RestApi {

  private final Authentication authentication;
  private final OpenApiDocument openApi;
  private final AccountRoutes accounts;
  private final ProfileRoutes profiles;
  private final SignInRoutes signIn;
  private final TokenRoutes tokens;
  private final AdminRoutes admin;
  private final ChatRoutes chat;
  private final ConversationRoutes conversations;
  private final WebhookRoutes webhooks;
  private final FileRoutes files;
  private final SearchRoutes search;

  public RestApi(Vertx vertx, GatewayConfig config, AuthClient auth, PresenceService presence, ChatClient chat,
      SearchService search, Authentication authentication, OpenApiDocument openApi) {
    ChangeAllowance allowance = new ChangeAllowance(config.accountChangesPerMinute());
    this.authentication = authentication;
    this.openApi = openApi;
    this.accounts = new AccountRoutes(auth, new ClientAddress(config.trustForwardedFor()));
    this.profiles = new ProfileRoutes(auth, authentication, allowance, new AvatarImages(vertx));
    this.signIn = new SignInRoutes(auth, auth, auth);
    this.tokens = new TokenRoutes(auth, allowance);
    this.admin = new AdminRoutes(auth, presence, chat);
    this.chat = new ChatRoutes(chat, openApi);
    this.conversations = new ConversationRoutes(chat, openApi);
    this.webhooks = new WebhookRoutes(new WebhookClient(new BusClient(vertx.eventBus())), openApi,
        new RequestOrigin(config.trustForwardedFor()));
    this.files = new FileRoutes(chat.files(), authentication);
    this.search = new SearchRoutes(search, openApi);
  }

  public void mount(Router router) {
    webhooks.mountIncoming(router);
    files.mount(router);
    profiles.mountAvatars(router);
    openApi.mount(router);
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(Limits.JSON_BODY_MAX_BYTES));
    accounts.mountPublic(router);

    router.route("/api/*").handler(authentication);
    accounts.mountAuthenticated(router);
    profiles.mount(router);
    signIn.mount(router);
    tokens.mount(router);
    admin.mount(router);
    chat.mount(router);
    conversations.mount(router);
    webhooks.mount(router);
    search.mount(router);

    router.route("/api/*").handler(ctx -> Problems.send(ctx, ErrorCode.NOT_FOUND, "No such endpoint."));
  }
}
