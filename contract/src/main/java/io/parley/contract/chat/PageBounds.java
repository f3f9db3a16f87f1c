package io.parley.contract.chat;

import io.parley.contract.Limits;
import io.parley.contract.RequestFields;

/**
 * Where a page of messages lies: {@code before} or {@code after} a seq (neither: the newest), at most {@code
 * limit} (default {@value Limits#HISTORY_DEFAULT}, at most {@value Limits#HISTORY_MAX}). History and a thread's
 * replies are paged alike.
 */
record PageBounds(Long before, Long after, Integer limit) {

  /** Reads the bounds, adding each broken rule to the request's fields. */
  static PageBounds read(RequestFields fields) {
    Long before = fields.optionalLong("before", 1, Long.MAX_VALUE);
    Long after = fields.optionalLong("after", 0, Long.MAX_VALUE - Limits.HISTORY_MAX);
    Long limit = fields.optionalLong("limit", 1, Limits.HISTORY_MAX);
    if (before != null && after != null) {
      fields.reject("before", "cannot be combined with after");
    }
    return new PageBounds(before, after, limit == null ? null : limit.intValue());
  }

  static int pageSize(Integer limit) {
    return limit == null ? Limits.HISTORY_DEFAULT : limit;
  }
}
