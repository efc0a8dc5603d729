package dev.ember.planner.optimizer.rules;

import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces references to a project list's aliases by the aliased expressions, so an expression written
 * above the project can be evaluated below it: over {@code [(age#2 + 1) AS next#7]}, {@code next#7 > 5}
 * becomes {@code (age#2 + 1) > 5}.
 */
final class AliasSubstitution {
  private final Map<Long, Expression> definitions;

  private AliasSubstitution(Map<Long, Expression> definitions) {
    this.definitions = definitions;
  }

  static AliasSubstitution of(List<Expression> projectList) {
    Map<Long, Expression> definitions = new HashMap<>();
    for (Expression entry : projectList) {
      if (entry instanceof Alias alias) {
        definitions.put(alias.exprId(), alias.child());
      }
    }
    return new AliasSubstitution(definitions);
  }

  /** The aliased expression for {@code attribute}, or null when the list passes it through unchanged. */
  Expression definitionOf(AttributeReference attribute) {
    return definitions.get(attribute.exprId());
  }

  /** {@code expression} with every aliased attribute replaced; the same instance when none occurs. */
  Expression substitute(Expression expression) {
    return expression.transformUp(node -> {
      if (node instanceof AttributeReference attribute) {
        Expression definition = definitions.get(attribute.exprId());
        return definition == null ? node : definition;
      }
      return node;
    });
  }
}
