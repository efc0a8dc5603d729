package dev.ember.codegen.pipeline;

import dev.ember.planner.expressions.AggregateCall;
import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.BoundReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.UnresolvedAttribute;
import dev.ember.planner.expressions.UnresolvedFunction;
import dev.ember.planner.expressions.UnresolvedStar;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Binds expressions to a step's input columns: each {@link AttributeReference} becomes a
 * {@link BoundReference} to the column with the same expression id, and aliases are dropped (their
 * names live in the output schema). A reference to a column the input does not have is a planner
 * bug, reported with the input's columns.
 */
final class Binder {
  private Binder() {}

  static Expression bind(Expression expression, List<AttributeReference> input, int pipelineId) {
    Expression stripped = expression instanceof Alias alias ? alias.child() : expression;
    return stripped.transformUp(node -> {
      if (node instanceof AttributeReference attribute) {
        int ordinal = ordinalOf(attribute, input);
        if (ordinal < 0) {
          throw new IllegalStateException("cannot bind " + attribute + " in pipeline " + pipelineId
              + ": the input has only " + describe(input));
        }
        AttributeReference column = input.get(ordinal);
        return new BoundReference(ordinal, column.dataType(), column.nullable());
      } else if (node instanceof Alias alias) {
        return alias.child();
      } else if (node instanceof AggregateCall || node instanceof UnresolvedAttribute
          || node instanceof UnresolvedFunction || node instanceof UnresolvedStar) {
        throw new IllegalStateException("cannot bind " + node + " in pipeline " + pipelineId
            + ": a kernel evaluates only resolved scalar expressions");
      }
      return node;
    });
  }

  static List<Expression> bindAll(List<? extends Expression> expressions, List<AttributeReference> input,
      int pipelineId) {
    return expressions.stream().map(expression -> bind(expression, input, pipelineId)).toList();
  }

  static int ordinalOf(AttributeReference attribute, List<AttributeReference> input) {
    for (int i = 0; i < input.size(); i++) {
      if (input.get(i).exprId() == attribute.exprId()) {
        return i;
      }
    }
    return -1;
  }

  static String describe(List<AttributeReference> input) {
    return input.stream().map(Object::toString).collect(Collectors.joining(", ", "[", "]"));
  }
}
