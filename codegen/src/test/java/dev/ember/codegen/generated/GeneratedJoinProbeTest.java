package dev.ember.codegen.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.codegen.CompiledQuery;
import dev.ember.codegen.QueryCompiler;
import dev.ember.codegen.QueryCompilerSettings;
import dev.ember.codegen.spec.KernelOptions;
import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.ArithmeticOperator;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.BinaryArithmetic;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.If;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.logical.JoinType;
import dev.ember.planner.logical.RangeRelation;
import dev.ember.planner.physical.BuildSide;
import dev.ember.planner.physical.HashJoinExec;
import dev.ember.planner.physical.PhysicalPlan;
import dev.ember.planner.physical.ProjectExec;
import dev.ember.planner.physical.RangeExec;
import dev.ember.planner.sources.ScanSettings;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.operators.collect.QueryResult;
import dev.ember.runtime.scheduler.PipelineExecutor;
import dev.ember.sql.types.DataTypes;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hash joins through the query compiler and two workers: the generated probe (raw and checked memory
 * access) gives the interpreted probe's rows for every join type, with null keys, {@code <=>} keys,
 * duplicate keys on both sides and a residual condition.
 */
class GeneratedJoinProbeTest {
  private final BufferAllocator allocator = Allocators.newRoot();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  /** (id, key): key is id % modulus, or null for every nullEvery-th id. */
  private record Side(PhysicalPlan plan, AttributeReference id, AttributeReference key) {}

  private static Side side(String name, long rows, long modulus, long nullEvery) {
    AttributeReference id = AttributeReference.create(name, DataTypes.LongType, false);
    Expression isNullRow = new Comparison(ComparisonOperator.EQUAL_TO,
        new BinaryArithmetic(ArithmeticOperator.REMAINDER, id, longLiteral(nullEvery)), longLiteral(0));
    Alias key = Alias.of(new If(isNullRow, new Literal(null, DataTypes.LongType),
        new BinaryArithmetic(ArithmeticOperator.REMAINDER, id, longLiteral(modulus))), name + "_key");
    PhysicalPlan plan = new ProjectExec(List.of(id, key), new RangeExec(new RangeRelation(0, rows, 1, 3, id)));
    return new Side(plan, id, key.toAttribute());
  }

  private static Literal longLiteral(long value) {
    return new Literal(value, DataTypes.LongType);
  }

  private static QueryCompilerSettings settings(boolean checked) {
    return new QueryCompilerSettings(new KernelOptions(true, checked), true, new ScanSettings(ZoneOffset.UTC, 1 << 20),
        1000);
  }

  private List<List<Object>> run(QueryCompiler compiler, PhysicalPlan plan, boolean checked, boolean generated) {
    CompiledQuery query = compiler.compile(plan, settings(checked));
    if (generated) {
      assertEquals(java.util.Map.of(), query.fallbacks(), "pipelines fell back to interpreted");
      assertTrue(query.explainCodegen().contains("probe"), query.explainCodegen());
    }
    try (PipelineExecutor executor = new PipelineExecutor(2);
        QueryResult result = QueryResult.drain(executor.run(query.root(), allocator), allocator)) {
      List<List<Object>> rows = new ArrayList<>();
      for (ColumnBatch batch : result.batches()) {
        rows.addAll(TestBatches.rows(batch));
      }
      rows.sort(Comparator.comparing(Object::toString));
      return rows;
    }
  }

  @Test
  void everyJoinTypeGivesTheInterpretedRows() {
    GeneratedKernels generated = new GeneratedKernels();
    Side probe = side("p", 4000, 300, 13);
    Side build = side("b", 500, 400, 11);
    Expression residual = new Comparison(ComparisonOperator.LESS_THAN, probe.id(),
        new BinaryArithmetic(ArithmeticOperator.MULTIPLY, build.id(), longLiteral(20)));
    for (JoinType joinType : List.of(JoinType.INNER, JoinType.LEFT_OUTER, JoinType.RIGHT_OUTER, JoinType.FULL_OUTER,
        JoinType.LEFT_SEMI, JoinType.LEFT_ANTI)) {
      BuildSide buildSide = joinType == JoinType.RIGHT_OUTER ? BuildSide.LEFT : BuildSide.RIGHT;
      for (boolean nullSafe : List.of(false, true)) {
        for (Optional<Expression> condition : List.of(Optional.<Expression>empty(), Optional.of(residual))) {
          PhysicalPlan plan = new HashJoinExec(List.of(probe.key()), List.of(build.key()), List.of(nullSafe),
              joinType, buildSide, condition, probe.plan(), build.plan());
          String what = joinType + (nullSafe ? " <=>" : " =") + condition.map(c -> " where " + c).orElse("");
          List<List<Object>> interpreted = run(new QueryCompiler(), plan, true, false);
          assertFalse(interpreted.isEmpty(), what);
          assertEquals(interpreted, run(new QueryCompiler(generated), plan, false, true), "raw: " + what);
          assertEquals(interpreted, run(new QueryCompiler(generated), plan, true, true), "checked: " + what);
          if (joinType.leftOnly()) {
            // Building the left side marks the build rows that match: the same rows, in build order.
            PhysicalPlan buildingLeft = new HashJoinExec(List.of(probe.key()), List.of(build.key()),
                List.of(nullSafe), joinType, BuildSide.LEFT, condition, probe.plan(), build.plan());
            List<String> expected = sorted(interpreted);
            assertEquals(expected, sorted(run(new QueryCompiler(), buildingLeft, true, false)),
                "interpreted, left builds: " + what);
            assertEquals(expected, sorted(run(new QueryCompiler(generated), buildingLeft, false, true)),
                "generated, left builds: " + what);
          }
        }
      }
    }
  }

  private static List<String> sorted(List<List<Object>> rows) {
    return rows.stream().map(String::valueOf).sorted().toList();
  }
}
