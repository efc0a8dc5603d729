package dev.ember.planner.analysis;

import dev.ember.planner.expressions.CaseWhen;
import dev.ember.planner.expressions.Coalesce;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.GreatestLeast;
import dev.ember.planner.expressions.If;
import dev.ember.planner.expressions.In;
import dev.ember.planner.functions.CommonTypes;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings the values a conditional chooses between to one type, Spark 4.2's ANSI way (see
 * {@link CommonTypes}): the branches of {@code IF} and {@code CASE}, the arguments of
 * {@code coalesce}, the value and list of {@code IN} (all with string promotion: {@code CASE ... THEN 1
 * ELSE 'x'} is bigint), and the arguments of {@code greatest}/{@code least} (without it). An untyped
 * null {@code IF} condition becomes boolean. Values without a common type are left for the type check.
 *
 * <pre>
 * coalesce(age#2, 1.5)  =&gt;  coalesce(cast(age#2 as decimal(11,1)), 1.5)
 * </pre>
 */
final class CoerceConditionalTypes implements AnalyzerRule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return ResolvedExpressions.transform(plan, CoerceConditionalTypes::coerce);
  }

  private static Expression coerce(Expression expression) {
    if (expression instanceof If conditional) {
      Expression predicate = TypeWidening.isNull(conditional.predicate().dataType())
          ? TypeWidening.castTo(conditional.predicate(), TypeWidening.BOOLEAN) : conditional.predicate();
      List<Expression> branches = toCommonType(List.of(conditional.trueValue(), conditional.falseValue()), true);
      return conditional.withNewChildren(List.of(predicate, branches.get(0), branches.get(1)));
    } else if (expression instanceof CaseWhen caseWhen) {
      List<Expression> results = toCommonType(caseWhen.results(), true);
      List<Expression> children = new ArrayList<>();
      for (int i = 0; i < caseWhen.conditions().size(); i++) {
        children.add(caseWhen.conditions().get(i));
        children.add(results.get(i));
      }
      if (caseWhen.hasElse()) {
        children.add(results.get(results.size() - 1));
      }
      return caseWhen.withNewChildren(children);
    } else if (expression instanceof Coalesce || expression instanceof In) {
      return expression.withNewChildren(toCommonType(expression.children(), true));
    } else if (expression instanceof GreatestLeast) {
      return expression.withNewChildren(toCommonType(expression.children(), false));
    }
    return expression;
  }

  /** The expressions cast to their common type; unchanged (the same list) when there is none. */
  private static List<Expression> toCommonType(List<Expression> expressions, boolean promoteStrings) {
    DataType common = CommonTypes.wider(expressions.stream().map(Expression::dataType).toList(), promoteStrings);
    if (common == null) {
      return expressions;
    }
    List<Expression> cast = new ArrayList<>(expressions.size());
    for (Expression expression : expressions) {
      cast.add(TypeWidening.castTo(expression, common));
    }
    return cast;
  }
}
