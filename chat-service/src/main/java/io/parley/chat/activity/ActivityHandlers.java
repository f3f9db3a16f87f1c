package io.parley.chat.activity;

import io.parley.contract.Actor;
import io.parley.contract.chat.ActivityService;
import io.parley.contract.chat.MentionPage;
import io.parley.contract.chat.MentionsQuery;
import io.parley.contract.chat.ThreadList;
import io.parley.contract.chat.ThreadsQuery;
import io.vertx.core.Future;

/** What concerns a user across their rooms: the messages that mention them and the threads they follow. */
public final class ActivityHandlers implements ActivityService {

  private final MentionInbox mentions;
  private final FollowedThreads threads;

  public ActivityHandlers(MentionInbox mentions, FollowedThreads threads) {
    this.mentions = mentions;
    this.threads = threads;
  }

  @Override
  public Future<MentionPage> mentions(Actor actor, MentionsQuery query) {
    return mentions.mentions(actor, query);
  }

  @Override
  public Future<ThreadList> threads(Actor actor, ThreadsQuery query) {
    return threads.threads(actor, query);
  }
}
