package dev.ember.codegen.pipeline;

import dev.ember.codegen.spec.BatchOutput;
import dev.ember.codegen.spec.JoinProbeStep;
import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.logical.JoinType;
import dev.ember.planner.physical.BuildSide;
import dev.ember.planner.physical.PhysicalPlan;
import dev.ember.runtime.operators.join.HashJoinBuildSink;
import dev.ember.runtime.operators.join.JoinTableHandle;
import dev.ember.runtime.operators.join.UnmatchedBuildRowsSink;
import dev.ember.runtime.pipeline.Pipeline;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a join into pipelines. The build side ends its pipeline: a projection computes the key
 * columns in front of its columns, and a {@link HashJoinBuildSink} makes the table. The probe is a
 * {@link JoinProbeStep} fused into the streamed side's pipeline, which goes on with the operators
 * above the join:
 *
 * <pre>
 *   Filter(HashJoin(Scan a, Scan b, BuildRight))   becomes   1: Scan b -> Project(keys, b) -> HashJoinBuild
 *                                                            2: Scan a -> JoinProbe -> Filter -> ...
 *                                                               (pipeline 1 runs first: a build side of 2)
 * </pre>
 *
 * A full outer join also emits the build rows nothing matched, which is known only once the whole
 * probe side is done, so its probe pipeline ends in an {@link UnmatchedBuildRowsSink} and the
 * operators above start the next pipeline. When the left side builds, a projection puts the columns
 * back in the join's order (left, then right).
 *
 * <p>A semi or anti join whose (smaller) left side builds probes with its right side only to mark the
 * build rows that match; its probe pipeline ends in an {@link UnmatchedBuildRowsSink} that outputs
 * the marked build rows (semi) or the others (anti).
 */
final class JoinPipelines {
  private final PipelineBuilder builder;

  JoinPipelines(PipelineBuilder builder) {
    this.builder = builder;
  }

  PipelineBuilder.OpenPipeline join(String description, JoinType joinType, BuildSide buildSide, PhysicalPlan buildPlan,
      PhysicalPlan probePlan, List<Expression> buildKeys, List<Expression> probeKeys, List<Boolean> nullSafe,
      Expression condition, List<AttributeReference> output) {
    JoinTableHandle handle = new JoinTableHandle(description);

    PipelineBuilder.OpenPipeline build = builder.open(buildPlan);
    List<AttributeReference> buildColumns = build.columns;
    List<Expression> keyedColumns = new ArrayList<>();
    List<AttributeReference> keyedOutput = new ArrayList<>();
    for (int i = 0; i < buildKeys.size(); i++) {
      Alias key = Alias.of(buildKeys.get(i), "key" + i);
      keyedColumns.add(key);
      keyedOutput.add(key.toAttribute());
    }
    keyedColumns.addAll(buildColumns);
    keyedOutput.addAll(buildColumns);
    builder.project(build, keyedColumns, keyedOutput);
    StructType keyedSchema = PipelineBuilder.schemaOf(keyedOutput);
    Pipeline buildPipeline = builder.close(build, new BatchOutput(keyedSchema),
        new HashJoinBuildSink(keyedSchema, nullSafe, handle));

    PipelineBuilder.OpenPipeline probe = builder.open(probePlan);
    probe.buildSides.add(buildPipeline);
    int id = builder.nextId();
    boolean buildRowsAreOutput = joinType.leftOnly() && buildSide == BuildSide.LEFT;
    JoinProbeStep.Mode mode = buildRowsAreOutput ? JoinProbeStep.Mode.MARK : mode(joinType);
    List<Expression> keys = Binder.bindAll(probeKeys, probe.columns, id);
    List<AttributeReference> joined = new ArrayList<>(probe.columns);
    for (AttributeReference column : buildColumns) {
      joined.add(mode == JoinProbeStep.Mode.OUTER ? column.withNullability(true) : column);
    }
    Expression residual = condition == null ? null : Binder.bind(condition, joined, id);
    List<AttributeReference> stepOutput = mode == JoinProbeStep.Mode.INNER || mode == JoinProbeStep.Mode.OUTER
        ? joined : probe.columns;
    // A full outer join also null-pads the streamed side, once the unmatched build rows come.
    if (joinType == JoinType.FULL_OUTER) {
      stepOutput = stepOutput.stream().map(column -> column.withNullability(true)).toList();
    }
    StructType buildSchema = PipelineBuilder.schemaOf(buildColumns);
    probe.steps.add(new JoinProbeStep(mode, keys, nullSafe, residual, buildSchema,
        joinType == JoinType.FULL_OUTER || buildRowsAreOutput, handle, PipelineBuilder.schemaOf(stepOutput)));
    probe.columns = stepOutput;

    if (buildRowsAreOutput) {
      return builder.downstreamOf(builder.close(probe, new BatchOutput(probe.schema()),
          UnmatchedBuildRowsSink.markedBuildRows(buildSchema, handle, joinType == JoinType.LEFT_SEMI)), buildColumns);
    }
    PipelineBuilder.OpenPipeline result = probe;
    if (joinType == JoinType.FULL_OUTER) {
      StructType schema = probe.schema();
      result = builder.downstreamOf(builder.close(probe, new BatchOutput(schema),
          new UnmatchedBuildRowsSink(schema, probe.columns.size() - buildColumns.size(), handle)), probe.columns);
    }
    if (buildSide == BuildSide.LEFT && !joinType.leftOnly()) {
      builder.project(result, List.copyOf(output), output);
    }
    return result;
  }

  private static JoinProbeStep.Mode mode(JoinType joinType) {
    return switch (joinType) {
      case INNER, CROSS -> JoinProbeStep.Mode.INNER;
      case LEFT_OUTER, RIGHT_OUTER, FULL_OUTER -> JoinProbeStep.Mode.OUTER;
      case LEFT_SEMI -> JoinProbeStep.Mode.SEMI;
      case LEFT_ANTI -> JoinProbeStep.Mode.ANTI;
    };
  }
}
