package dev.ember.planner.logical;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Generator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Each child row joined with the rows its generator yields ({@code explode(tags)}): the child's
 * columns, then {@code generatorOutput}. A row whose collection is null or empty yields nothing, or
 * one row of nulls when the generator is an _outer form.
 */
public record Generate(Generator generator, List<AttributeReference> generatorOutput, LogicalPlan child)
    implements LogicalPlan {
  public Generate {
    Objects.requireNonNull(generator, "generator is null");
    generatorOutput = List.copyOf(generatorOutput);
    Objects.requireNonNull(child, "child is null");
  }

  @Override
  public List<AttributeReference> output() {
    List<AttributeReference> output = new ArrayList<>(child.output());
    output.addAll(generatorOutput);
    return output;
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of(child);
  }

  @Override
  public LogicalPlan withNewChildren(List<LogicalPlan> children) {
    return children.get(0) == child ? this : new Generate(generator, generatorOutput, children.get(0));
  }

  @Override
  public List<Expression> expressions() {
    return List.of(generator);
  }

  @Override
  public LogicalPlan mapExpressions(Function<Expression, Expression> mapping) {
    Expression mapped = mapping.apply(generator);
    if (mapped == generator) {
      return this;
    }
    if (!(mapped instanceof Generator rewritten)) {
      throw new IllegalStateException("a rule replaced the generator " + generator + " of a Generate by " + mapped);
    }
    return new Generate(rewritten, generatorOutput, child);
  }

  @Override
  public String nodeString() {
    return "Generate " + generator + ", " + generatorOutput;
  }
}
