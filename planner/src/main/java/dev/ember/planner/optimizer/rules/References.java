package dev.ember.planner.optimizer.rules;

import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** The attribute ids expressions use and the ids named expressions produce. */
final class References {
  private References() {}

  static Set<Long> of(Expression expression) {
    Set<Long> ids = new HashSet<>();
    addTo(ids, expression);
    return ids;
  }

  static Set<Long> of(Collection<? extends Expression> expressions) {
    Set<Long> ids = new HashSet<>();
    expressions.forEach(expression -> addTo(ids, expression));
    return ids;
  }

  static void addTo(Set<Long> ids, Expression expression) {
    expression.foreach(node -> {
      if (node instanceof AttributeReference attribute) {
        ids.add(attribute.exprId());
      }
    });
  }

  /** The id of the column a project or aggregate list entry produces. */
  static long producedId(Expression namedExpression) {
    if (namedExpression instanceof Alias alias) {
      return alias.exprId();
    } else if (namedExpression instanceof AttributeReference attribute) {
      return attribute.exprId();
    }
    throw new IllegalStateException("not a named expression: " + namedExpression);
  }
}
