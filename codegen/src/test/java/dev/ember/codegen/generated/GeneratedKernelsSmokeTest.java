package dev.ember.codegen.generated;

import static dev.ember.codegen.generated.TestBatches.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.codegen.spec.BatchOutput;
import dev.ember.codegen.spec.FilterStep;
import dev.ember.codegen.spec.HasSource;
import dev.ember.codegen.spec.KernelOptions;
import dev.ember.codegen.spec.PipelineSpec;
import dev.ember.codegen.spec.ProjectStep;
import dev.ember.planner.expressions.ArithmeticOperator;
import dev.ember.planner.expressions.BinaryArithmetic;
import dev.ember.planner.expressions.BoundReference;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Literal;
import dev.ember.runtime.memory.Allocators;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GeneratedKernelsSmokeTest {
  private final BufferAllocator allocator = Allocators.newRoot();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @Test
  void filtersAndProjects() {
    StructType input = new StructType().add("a", DataTypes.IntegerType).add("s", DataTypes.StringType);
    BoundReference a = new BoundReference(0, DataTypes.IntegerType, true);
    PipelineSpec spec = new PipelineSpec(7, input,
        List.of(new FilterStep(new Comparison(ComparisonOperator.GREATER_THAN, a, Literal.fromJava(1))),
            new ProjectStep(List.of(new BinaryArithmetic(ArithmeticOperator.ADD, a, Literal.fromJava(10)),
                new BoundReference(1, DataTypes.StringType, true)),
                new StructType().add("b", DataTypes.IntegerType).add("s", DataTypes.StringType))),
        new BatchOutput(new StructType().add("b", DataTypes.IntegerType).add("s", DataTypes.StringType)));
    GeneratedKernels kernels = new GeneratedKernels();
    for (boolean checked : new boolean[] {false, true}) {
      var factory = kernels.create(spec, new KernelOptions(true, checked));
      System.out.println(((HasSource) factory).source());
      List<List<Object>> rows = KernelRunner.run(factory, input, allocator,
          new Object[][] {{1, "x"}, {2, "yy"}, {null, "z"}, {5, null}});
      assertEquals(List.of(row(12, "yy"), row(15, null)), rows);
    }
  }
}
