package dev.ember.planner.optimizer.rules;

import dev.ember.planner.expressions.And;
import dev.ember.planner.expressions.BinaryArithmetic;
import dev.ember.planner.expressions.Cast;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.IsNotNull;
import dev.ember.planner.expressions.IsNull;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.Not;
import dev.ember.planner.expressions.Or;
import dev.ember.planner.expressions.UnaryMinus;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.optimizer.OptimizerRule;
import dev.ember.sql.types.DataTypes;
import java.util.Optional;

/**
 * Evaluates expressions made only of literals, bottom-up, into a literal of the expression's type:
 *
 * <pre>
 * Filter (age#2 &gt; (20 + 6))             Filter (age#2 &gt; 26)
 * +- x                           =&gt;      +- x
 * </pre>
 *
 * Folds arithmetic, negation, comparisons, three-valued AND/OR/NOT, IS [NOT] NULL, casts of null,
 * casts to the same type and numeric casts whose result is exact. An expression whose evaluation would
 * raise an error under ANSI mode (overflow, division or remainder by zero) stays as it is, so the error
 * surfaces when a row is computed, as in Spark. Aliases, aggregate calls and sort orders are not values
 * and are never folded themselves, though their arguments are: names were fixed by the analyzer.
 */
public final class FoldConstants implements OptimizerRule {
  @Override
  public String name() {
    return "FoldConstants";
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> node.transformExpressionsUp(FoldConstants::fold));
  }

  /**
   * {@code expression} with every literal-only subexpression folded; a literal when the whole of it
   * folds. Used outside the optimizer to evaluate a filter on known values (partition pruning).
   */
  public static Expression foldAll(Expression expression) {
    return expression.transformUp(FoldConstants::fold);
  }

  /** Children are folded first, so a foldable node is ready exactly when all its children are literals. */
  static Expression fold(Expression expression) {
    if (expression instanceof Literal || !expression.foldable()
        || !expression.children().stream().allMatch(child -> child instanceof Literal)) {
      return expression;
    }
    Optional<Literal> folded = evaluate(expression);
    return folded.isPresent() ? folded.get() : expression;
  }

  private static Optional<Literal> evaluate(Expression expression) {
    if (expression instanceof BinaryArithmetic arithmetic) {
      return LiteralArithmetic.evaluate(arithmetic.operator(), (Literal) arithmetic.left(),
          (Literal) arithmetic.right(), arithmetic.dataType());
    } else if (expression instanceof UnaryMinus minus) {
      return LiteralArithmetic.negate((Literal) minus.child());
    } else if (expression instanceof Comparison comparison) {
      return LiteralComparison.evaluate(comparison.operator(), (Literal) comparison.left(),
          (Literal) comparison.right());
    } else if (expression instanceof Cast cast) {
      return ExactNumericCast.cast((Literal) cast.child(), cast.dataType());
    } else if (expression instanceof And and) {
      return Optional.of(and(truth(and.left()), truth(and.right())));
    } else if (expression instanceof Or or) {
      return Optional.of(or(truth(or.left()), truth(or.right())));
    } else if (expression instanceof Not not) {
      Boolean value = truth(not.child());
      return Optional.of(value == null ? Literal.nullOf(DataTypes.BooleanType) : bool(!value));
    } else if (expression instanceof IsNull isNull) {
      return Optional.of(bool(((Literal) isNull.child()).isNull()));
    } else if (expression instanceof IsNotNull isNotNull) {
      return Optional.of(bool(!((Literal) isNotNull.child()).isNull()));
    }
    return Optional.empty();
  }

  /** Three-valued AND: false wins over null. */
  private static Literal and(Boolean left, Boolean right) {
    if (Boolean.FALSE.equals(left) || Boolean.FALSE.equals(right)) {
      return Literal.FALSE;
    }
    return left == null || right == null ? Literal.nullOf(DataTypes.BooleanType) : Literal.TRUE;
  }

  /** Three-valued OR: true wins over null. */
  private static Literal or(Boolean left, Boolean right) {
    if (Boolean.TRUE.equals(left) || Boolean.TRUE.equals(right)) {
      return Literal.TRUE;
    }
    return left == null || right == null ? Literal.nullOf(DataTypes.BooleanType) : Literal.FALSE;
  }

  /** A boolean literal's value; null for a null of any type. */
  private static Boolean truth(Expression literal) {
    return (Boolean) ((Literal) literal).value();
  }

  private static Literal bool(boolean value) {
    return value ? Literal.TRUE : Literal.FALSE;
  }
}
