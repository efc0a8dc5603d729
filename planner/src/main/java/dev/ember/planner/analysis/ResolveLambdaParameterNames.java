package dev.ember.planner.analysis;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.LambdaFunction;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.NamedLambdaVariable;
import dev.ember.planner.expressions.UnresolvedAttribute;
import dev.ember.planner.expressions.UnresolvedExtractValue;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds the names in a lambda's body to the lambda's parameters, before {@link ResolveReferences}
 * can bind them to columns: as in Spark, a parameter shadows an input column of the same name, and an
 * inner lambda's parameter shadows an outer one's. {@code x.f} with {@code x} a parameter is field
 * {@code f} of the parameter; two parameters of one name are Spark's DUPLICATE_ARG_NAMES. The
 * variables get their types later, when the higher-order function
 * around the lambda is resolved ({@link HigherOrderFunctionBuilder}).
 *
 * <pre>
 * transform('a, lambdafunction(('x + 'y), x#7))  =&gt;  transform('a, lambdafunction((lambda x#7 + 'y), x#7))
 * </pre>
 */
final class ResolveLambdaParameterNames implements AnalyzerRule {
  private final ColumnResolver resolver;

  ResolveLambdaParameterNames(ColumnResolver resolver) {
    this.resolver = resolver;
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> node.mapExpressions(expression ->
        expression.exists(part -> part instanceof LambdaFunction) ? bind(expression, List.of()) : expression));
  }

  /** {@code (x, X) -> ...} is allowed only when names are case-sensitive, as in Spark. */
  private void requireDistinctNames(LambdaFunction lambda) {
    List<NamedLambdaVariable> parameters = lambda.parameters();
    for (int i = 0; i < parameters.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (resolver.nameMatches(parameters.get(i).name(), parameters.get(j).name())) {
          throw HigherOrderFunctionErrors.duplicateLambdaArgumentNames(lambda);
        }
      }
    }
  }

  /** {@code scope}: the parameters visible here, innermost lambda's last. */
  private Expression bind(Expression expression, List<NamedLambdaVariable> scope) {
    if (expression instanceof LambdaFunction lambda) {
      requireDistinctNames(lambda);
      List<NamedLambdaVariable> inner = new ArrayList<>(scope);
      inner.addAll(lambda.parameters());
      Expression body = bind(lambda.body(), inner);
      return body == lambda.body() ? lambda : new LambdaFunction(body, lambda.parameters());
    }
    if (expression instanceof UnresolvedAttribute attribute && !scope.isEmpty()) {
      List<String> parts = NameParts.split(attribute.name());
      for (int i = scope.size() - 1; i >= 0; i--) {
        NamedLambdaVariable parameter = scope.get(i);
        if (resolver.nameMatches(parts.get(0), parameter.name())) {
          Expression bound = parameter;
          for (String field : parts.subList(1, parts.size())) {
            bound = new UnresolvedExtractValue(bound, new Literal(field, DataTypes.StringType));
          }
          return bound;
        }
      }
      return attribute;
    }
    return expression.mapChildren(child -> bind(child, scope));
  }
}
