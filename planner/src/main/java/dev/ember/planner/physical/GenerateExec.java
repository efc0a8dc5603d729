package dev.ember.planner.physical;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Generator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Runs a {@code logical.Generate}: the child's rows, each repeated for the rows its generator yields. */
public record GenerateExec(Generator generator, List<AttributeReference> generatorOutput, PhysicalPlan child)
    implements PhysicalPlan {
  public GenerateExec {
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
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> children) {
    return children.get(0) == child ? this : new GenerateExec(generator, generatorOutput, children.get(0));
  }

  @Override
  public String nodeString() {
    return "Generate " + generator + ", " + generatorOutput;
  }
}
