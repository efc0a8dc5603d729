package dev.ember.codegen.interpreted;

import dev.ember.runtime.batch.NestedValues;
import dev.ember.codegen.spec.AggregateUpdate;
import dev.ember.codegen.spec.BatchOutput;
import dev.ember.codegen.spec.FilterStep;
import dev.ember.codegen.spec.JoinProbeStep;
import dev.ember.codegen.spec.KernelOptions;
import dev.ember.codegen.spec.PipelineSpec;
import dev.ember.codegen.spec.ProjectStep;
import dev.ember.codegen.spec.StreamingStep;
import dev.ember.runtime.batch.ArrowTypes;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.operators.aggregate.HashAggregationTable;
import dev.ember.runtime.pipeline.BatchConsumer;
import dev.ember.runtime.pipeline.PipelineKernel;
import dev.ember.runtime.pipeline.SinkPartition;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.util.TransferPair;

/**
 * One worker's interpreted pipeline body. Filters narrow a selection of row indexes instead of
 * copying; a projection materializes its columns for the selected rows, after which the selection is
 * all rows again. The sink step either emits a batch of the selected rows or updates the hash table.
 */
final class InterpretedKernel implements PipelineKernel {
  private final PipelineSpec spec;
  private final BufferAllocator allocator;
  private final VectorizedEvaluator evaluator;
  private final BatchConsumer consumer;
  private final AggregateUpdater aggregateUpdater;
  /** The probe of each join step, by step index (null for other steps). */
  private final JoinProbe[] joinProbes;

  InterpretedKernel(PipelineSpec spec, KernelOptions options, SinkPartition partition, BufferAllocator allocator) {
    this.spec = spec;
    this.allocator = allocator;
    this.evaluator = new VectorizedEvaluator(options, allocator);
    this.joinProbes = new JoinProbe[spec.steps().size()];
    for (int index = 0; index < joinProbes.length; index++) {
      if (spec.steps().get(index) instanceof JoinProbeStep join) {
        joinProbes[index] = new JoinProbe(join, evaluator, allocator);
      }
    }
    if (spec.sink() instanceof AggregateUpdate update) {
      if (!(partition instanceof HashAggregationTable table)) {
        throw new IllegalArgumentException("pipeline " + spec.pipelineId()
            + " updates an aggregate but its sink partition is " + partition.getClass().getName());
      }
      this.aggregateUpdater = new AggregateUpdater(update, table, evaluator);
      this.consumer = null;
    } else {
      if (!(partition instanceof BatchConsumer batchConsumer)) {
        throw new IllegalArgumentException("pipeline " + spec.pipelineId()
            + " outputs batches but its sink partition is " + partition.getClass().getName());
      }
      this.consumer = batchConsumer;
      this.aggregateUpdater = null;
    }
  }

  @Override
  public boolean process(ColumnBatch input) {
    return run(0, input, false, null);
  }

  /**
   * Runs the steps from {@code firstStep} on, then the sink, over the selected rows of {@code current}
   * (null: all). A join step that produces rows runs the rest of the steps once per joined batch.
   */
  private boolean run(int firstStep, ColumnBatch current, boolean ownsCurrent, int[] rows) {
    try {
      for (int index = firstStep; index < spec.steps().size(); index++) {
        if (rows != null && rows.length == 0) {
          return true;
        }
        StreamingStep step = spec.steps().get(index);
        if (step instanceof FilterStep filter) {
          rows = evaluator.filter(filter.condition(), current, rows);
        } else if (step instanceof ProjectStep project) {
          ColumnBatch projected = project(project, current, rows);
          if (ownsCurrent) {
            current.close();
          }
          current = projected;
          ownsCurrent = true;
          rows = null;
        } else if (step instanceof JoinProbeStep join) {
          int next = index + 1;
          int[] kept = joinProbes[index].probe(current, rows, (joined, joinedRows) -> run(next, joined, true, joinedRows));
          if (!join.filtersOnly() || kept == JoinProbe.STOP) {
            return kept != JoinProbe.STOP;
          }
          rows = kept;
        }
      }
      if (rows != null && rows.length == 0) {
        return true;
      }
      if (aggregateUpdater != null) {
        aggregateUpdater.update(current, rows);
        return true;
      }
      int outputRows = rows == null ? current.rowCount() : rows.length;
      if (outputRows == 0) {
        return true;
      }
      ColumnBatch output = output(((BatchOutput) spec.sink()).schema(), current, rows, ownsCurrent);
      if (output == current) {
        ownsCurrent = false; // handed to the consumer
      }
      return consumer.accept(output);
    } finally {
      if (ownsCurrent) {
        current.close();
      }
    }
  }

  private ColumnBatch project(ProjectStep project, ColumnBatch batch, int[] rows) {
    StructType schema = project.outputSchema();
    List<FieldVector> vectors = new ArrayList<>(schema.length());
    try {
      for (int i = 0; i < schema.length(); i++) {
        vectors.add(renamed(evaluator.evaluate(project.expressions().get(i), batch, rows), schema, i));
      }
      return new ColumnBatch(schema, vectors, rows == null ? batch.rowCount() : rows.length);
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
  }

  /** Gives an evaluated vector the output field's name and nullability, moving (not copying) its buffers. */
  private FieldVector renamed(FieldVector vector, StructType schema, int column) {
    try (vector) {
      TransferPair move = vector.getTransferPair(ArrowTypes.toArrowField(schema.apply(column)), allocator);
      move.transfer();
      return (FieldVector) move.getTo();
    }
  }

  /** The selected rows as a new batch; the current batch itself when it is ours and wholly selected. */
  private ColumnBatch output(StructType schema, ColumnBatch current, int[] rows, boolean ownsCurrent) {
    if (rows == null && ownsCurrent && current.schema().equals(schema)) {
      return current;
    }
    int count = rows == null ? current.rowCount() : rows.length;
    List<FieldVector> vectors = new ArrayList<>(schema.length());
    try {
      for (int i = 0; i < schema.length(); i++) {
        FieldVector source = current.vector(i);
        if (rows == null) {
          // Shares the borrowed input's buffers (reference counted) rather than copying them.
          TransferPair share = source.getTransferPair(ArrowTypes.toArrowField(schema.apply(i)), allocator);
          share.splitAndTransfer(0, count);
          vectors.add((FieldVector) share.getTo());
        } else {
          FieldVector target = ArrowTypes.allocateVector(schema.apply(i), allocator, count);
          vectors.add(target);
          for (int row = 0; row < count; row++) {
            NestedValues.copy(source, rows[row], target, row);
          }
          target.setValueCount(count);
        }
      }
      return new ColumnBatch(schema, vectors, count);
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
  }

  @Override
  public void finish() {
    // Batches are emitted whole as they are produced; nothing is buffered.
  }
}
