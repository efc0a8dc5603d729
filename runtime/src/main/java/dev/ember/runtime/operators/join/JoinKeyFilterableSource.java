package dev.ember.runtime.operators.join;

import dev.ember.runtime.pipeline.BatchSource;

/**
 * A source that can drop, while it reads, the rows whose key a join's build side does not hold
 * ({@link JoinKeyFilter}), so that it decodes its other columns only at the rows the join keeps.
 */
public interface JoinKeyFilterableSource extends BatchSource {
  /**
   * This source, also dropping the rows whose output column {@code column} (a type
   * {@link JoinKeyFilter#supports}) equals no build row's key component {@code component}. Only for a
   * join that drops such rows (inner or semi, with that component an {@code =} key), which still checks
   * every row it gets.
   */
  BatchSource withJoinKeyFilter(int column, JoinTableHandle handle, int component);
}
