package dev.ember.planner.expressions;

/**
 * The higher-order functions: what a {@link HigherOrderFunction}'s arguments are, in order.
 * "lambda" arguments are {@link LambdaFunction}s; the others are ordinary expressions.
 */
public enum HigherOrderFunctionKind {
  /** {@code transform(array, (x[, i]) -> y)}: the array of the lambda's values. */
  TRANSFORM,
  /** {@code filter(array, (x[, i]) -> condition)}: the elements for which the condition is true. */
  FILTER,
  /** {@code exists(array, x -> condition)}: true if some element satisfies it (three-valued). */
  EXISTS,
  /** {@code forall(array, x -> condition)}: true if every element satisfies it (three-valued). */
  FORALL,
  /** {@code aggregate(array, zero, (acc, x) -> acc, acc -> result)}, also called {@code reduce}. */
  AGGREGATE,
  /** {@code array_sort(array, (left, right) -> int)}: sorted by the comparator's sign. */
  ARRAY_SORT,
  /** {@code zip_with(left, right, (x, y) -> z)}: element-wise, the shorter array padded with nulls. */
  ZIP_WITH,
  /** {@code map_filter(map, (k, v) -> condition)}: the entries for which the condition is true. */
  MAP_FILTER,
  /** {@code transform_keys(map, (k, v) -> key)}: new keys, which must be non-null and distinct. */
  TRANSFORM_KEYS,
  /** {@code transform_values(map, (k, v) -> value)}: new values. */
  TRANSFORM_VALUES
}
