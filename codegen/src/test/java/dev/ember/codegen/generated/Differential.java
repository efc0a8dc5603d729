package dev.ember.codegen.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ember.SparkException;
import dev.ember.codegen.interpreted.InterpretedKernels;
import dev.ember.codegen.spec.BatchOutput;
import dev.ember.codegen.spec.FilterStep;
import dev.ember.codegen.spec.KernelOptions;
import dev.ember.codegen.spec.PipelineSpec;
import dev.ember.codegen.spec.ProjectStep;
import dev.ember.codegen.spec.StreamingStep;
import dev.ember.planner.expressions.Expression;
import dev.ember.runtime.pipeline.KernelFactory;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Runs one pipeline with the generated kernels (raw and checked memory access) and with the
 * interpreted kernels on the same batches, and asserts identical rows (nulls included) or the same
 * Spark error condition.
 */
final class Differential {
  private final GeneratedKernels generated;
  private final BufferAllocator allocator;

  Differential(GeneratedKernels generated, BufferAllocator allocator) {
    this.generated = generated;
    this.allocator = allocator;
  }

  /** The rows of projecting {@code expressions} over {@code rows}, the same from all three kernels. */
  List<List<Object>> project(StructType input, List<Expression> expressions, boolean ansi, Object[]... rows) {
    return run(projectionSpec(input, null, expressions), ansi, rows);
  }

  /** Filter by {@code condition}, then project; the same from all three kernels. */
  List<List<Object>> filterProject(StructType input, Expression condition, List<Expression> expressions,
      boolean ansi, Object[]... rows) {
    return run(projectionSpec(input, condition, expressions), ansi, rows);
  }

  /** The Spark error condition all three kernels raise for the projection. */
  String error(StructType input, List<Expression> expressions, boolean ansi, Object[]... rows) {
    PipelineSpec spec = projectionSpec(input, null, expressions);
    String interpreted = condition(InterpretedKernels.create(spec, new KernelOptions(ansi, true)), input, rows);
    String raw = condition(generated.create(spec, new KernelOptions(ansi, false)), input, rows);
    String checked = condition(generated.create(spec, new KernelOptions(ansi, true)), input, rows);
    assertEquals(interpreted, raw, "raw generated kernel vs interpreted");
    assertEquals(interpreted, checked, "checked generated kernel vs interpreted");
    assertNotNull(interpreted, "no kernel failed");
    return interpreted;
  }

  List<List<Object>> run(PipelineSpec spec, boolean ansi, Object[]... rows) {
    // Two batches, so per-batch state (bindings, output vectors) is exercised.
    Object[][] first = java.util.Arrays.copyOfRange(rows, 0, rows.length / 2);
    Object[][] second = java.util.Arrays.copyOfRange(rows, rows.length / 2, rows.length);
    List<List<Object>> interpreted = KernelRunner.run(InterpretedKernels.create(spec, new KernelOptions(ansi, true)),
        spec.inputSchema(), allocator, first, second);
    List<List<Object>> raw = KernelRunner.run(generated, spec, new KernelOptions(ansi, false), allocator, first,
        second);
    List<List<Object>> checked = KernelRunner.run(generated, spec, new KernelOptions(ansi, true), allocator, first,
        second);
    assertEquals(interpreted, raw, "raw generated kernel vs interpreted for " + spec.steps());
    assertEquals(interpreted, checked, "checked generated kernel vs interpreted for " + spec.steps());
    return raw;
  }

  private String condition(KernelFactory factory, StructType input, Object[][] rows) {
    try {
      KernelRunner.run(factory, input, allocator, rows);
      return null;
    } catch (SparkException e) {
      return e.getCondition() + ": " + e.getMessage();
    } catch (RuntimeException e) {
      fail("expected a SparkException from " + factory.describe() + ", got " + e, e);
      return null;
    }
  }

  static PipelineSpec projectionSpec(StructType input, Expression condition, List<Expression> expressions) {
    StructType output = new StructType();
    for (int i = 0; i < expressions.size(); i++) {
      output = output.add("c" + i, expressions.get(i).dataType(), expressions.get(i).nullable());
    }
    List<StreamingStep> steps = new ArrayList<>();
    if (condition != null) {
      steps.add(new FilterStep(condition));
    }
    steps.add(new ProjectStep(expressions, output));
    return new PipelineSpec(1, input, steps, new BatchOutput(output));
  }
}
