package dev.ember.codegen.pipeline;

import dev.ember.codegen.spec.BatchOutput;
import dev.ember.codegen.spec.FilterStep;
import dev.ember.codegen.spec.JoinProbeStep;
import dev.ember.codegen.spec.ProjectStep;
import dev.ember.codegen.spec.StreamingStep;
import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.BoundReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.logical.JoinType;
import dev.ember.planner.physical.BuildSide;
import dev.ember.planner.physical.PhysicalPlan;
import dev.ember.runtime.operators.aggregate.CompactKeyLayout;
import dev.ember.runtime.operators.join.HashJoinBuildSink;
import dev.ember.runtime.operators.join.JoinKeyFilter;
import dev.ember.runtime.operators.join.JoinKeyFilterableSource;
import dev.ember.runtime.operators.join.JoinTableHandle;
import dev.ember.runtime.operators.join.UnmatchedBuildRowsSink;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.Pipeline;
import dev.ember.sql.types.DataType;
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
    if (mode == JoinProbeStep.Mode.INNER || mode == JoinProbeStep.Mode.SEMI) {
      filterScanByKeys(probe, keys, nullSafe, handle);
    }
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

  /**
   * Lets the probe pipeline's scan drop the rows whose key the build side lacks, before it decodes
   * the other columns: an inner or semi join drops them anyway. The scan filters on every {@code =}
   * component of the key that is a bigint, int or date column of the scan, since which one is
   * selective is known only at run time (TPC-H Q9's supplier key keeps nearly every lineitem row, its
   * part key a twentieth); a filter that keeps most rows switches itself off. With several components
   * the table's keys must be compact, so that it can keep a bitmap of each component's values. The key
   * columns must reach the join as the scan read them: through filters, other joins' probes and
   * projections that only pick columns.
   */
  private static void filterScanByKeys(PipelineBuilder.OpenPipeline probe, List<Expression> keys,
      List<Boolean> nullSafe, JoinTableHandle handle) {
    if (!(probe.input instanceof Pipeline.SourceInput scan)
        || !(scan.source() instanceof JoinKeyFilterableSource source)) {
      return;
    }
    int[] scanColumns = scanColumnsOf(probe.steps, source.schema().length());
    if (scanColumns == null) {
      return;
    }
    List<DataType> keyTypes = keys.stream().map(Expression::dataType).toList();
    if (keys.size() > 1 && CompactKeyLayout.of(keyTypes).isEmpty()) {
      return;
    }
    JoinKeyFilterableSource current = source;
    for (int component = 0; component < keys.size(); component++) {
      if (nullSafe.get(component) || !(keys.get(component) instanceof BoundReference key)
          || key.ordinal() >= scanColumns.length || scanColumns[key.ordinal()] < 0
          || !JoinKeyFilter.supports(key.dataType())) {
        continue;
      }
      int column = scanColumns[key.ordinal()];
      if (!current.schema().apply(column).dataType().equals(key.dataType())) {
        continue;
      }
      BatchSource filtered = current.withJoinKeyFilter(column, handle, component);
      if (filtered == current || !(filtered instanceof JoinKeyFilterableSource next)) {
        return;
      }
      handle.filterOnComponent(component, keyTypes);
      current = next;
      probe.input = new Pipeline.SourceInput(filtered);
      probe.sourceDescription += " [join key filter on " + current.schema().apply(column).name() + "]";
    }
  }

  /**
   * For each column after {@code steps}, the scan column it is unchanged (or -1: computed or a build
   * side's); null when a step may drop rows' columns otherwise than these steps do.
   */
  private static int[] scanColumnsOf(List<StreamingStep> steps, int scanWidth) {
    int[] columns = new int[scanWidth];
    for (int column = 0; column < scanWidth; column++) {
      columns[column] = column;
    }
    for (StreamingStep step : steps) {
      if (step instanceof JoinProbeStep join) {
        // A probe keeps its input's columns in place and appends the build side's.
        int[] widened = java.util.Arrays.copyOf(columns, join.outputSchema().length());
        java.util.Arrays.fill(widened, Math.min(columns.length, widened.length), widened.length, -1);
        columns = widened;
      } else if (step instanceof ProjectStep project) {
        int[] picked = new int[project.expressions().size()];
        for (int index = 0; index < picked.length; index++) {
          picked[index] = project.expressions().get(index) instanceof BoundReference reference
              && reference.ordinal() < columns.length ? columns[reference.ordinal()] : -1;
        }
        columns = picked;
      } else if (!(step instanceof FilterStep)) {
        return null;
      }
    }
    return columns;
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
