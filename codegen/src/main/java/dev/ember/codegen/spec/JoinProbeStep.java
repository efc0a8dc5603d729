package dev.ember.codegen.spec;

import dev.ember.planner.expressions.Expression;
import dev.ember.runtime.operators.join.JoinTableHandle;
import dev.ember.sql.types.StructType;
import java.util.List;
import java.util.Objects;

/**
 * The probe of a join, fused into the pipeline of its streamed side. Each row evaluates the bound
 * {@code keys} (none for a nested-loop join: every build row is a candidate), finds the build rows
 * with equal keys in the hash table behind {@code table}, and keeps the pairs for which the bound
 * {@code residual} (null: none) is true; a null {@code =} key matches nothing.
 *
 * <ul>
 *   <li>{@link Mode#INNER}: one output row per matching pair: the step's input columns, then the
 *       build columns ({@code buildSchema}).
 *   <li>{@link Mode#OUTER}: as inner, plus one row with null build columns for each input row
 *       without a match (the streamed side of a left, right or full outer join).
 *   <li>{@link Mode#SEMI} / {@link Mode#ANTI}: the input row itself, when it has a match / none.
 *   <li>{@link Mode#MARK}: nothing; the step only marks the build rows that match. A semi or anti
 *       join whose left side builds works this way: its output is the build rows that were marked, or
 *       those that were not, once the whole probe side is done.
 * </ul>
 *
 * With {@code marksMatches} (a full outer join, and always in {@link Mode#MARK}) each matched build
 * row is marked in the table, so that the unmatched ones can be emitted at the end. The residual is bound to the input columns
 * followed by the build columns.
 */
public record JoinProbeStep(Mode mode, List<Expression> keys, List<Boolean> nullSafe, Expression residual,
    StructType buildSchema, boolean marksMatches, JoinTableHandle table, StructType outputSchema)
    implements StreamingStep {
  /** What a probe row yields. */
  public enum Mode { INNER, OUTER, SEMI, ANTI, MARK }

  public JoinProbeStep {
    Objects.requireNonNull(mode, "mode is null");
    keys = List.copyOf(keys);
    nullSafe = List.copyOf(nullSafe);
    if (keys.size() != nullSafe.size()) {
      throw new IllegalArgumentException(keys.size() + " join keys but " + nullSafe.size() + " null-safety flags");
    }
    Objects.requireNonNull(buildSchema, "buildSchema is null");
    Objects.requireNonNull(table, "table is null");
    Objects.requireNonNull(outputSchema, "outputSchema is null");
    if (mode == Mode.MARK && !marksMatches) {
      throw new IllegalArgumentException("a probe that only marks matches must mark them");
    }
  }

  /** Whether the step keeps or drops whole input rows instead of producing joined rows. */
  public boolean filtersOnly() {
    return mode == Mode.SEMI || mode == Mode.ANTI || mode == Mode.MARK;
  }
}
