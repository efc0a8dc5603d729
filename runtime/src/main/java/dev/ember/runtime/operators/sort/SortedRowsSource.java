package dev.ember.runtime.operators.sort;

import dev.ember.runtime.memory.Resources;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.Morsel;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The full sort's output, copied out of the input batches only when a worker opens a morsel: the
 * workers of the next pipeline gather the sorted rows in parallel, and no sorted copy of the whole
 * input is ever held beside the input. Each morsel is one output batch of at most
 * {@link SortSink#BATCH_ROWS} rows, in sorted order.
 *
 * <p>Owns the input batches and the row order. They are released when the source is closed and no
 * stream is open any more, so a stream still reading never sees freed memory.
 */
final class SortedRowsSource implements BatchSource {
  private final StructType schema;
  private final List<ColumnBatch> input;
  private final SortedOutput output;
  private final ArrowBuf order;
  private final List<Morsel> morsels;
  private int openStreams;
  private boolean closed;
  private boolean released;

  /** One output batch: rows {@code first .. first + rowCount - 1} of the sorted order. */
  private record SortedMorsel(int index, int first, int rowCount) implements Morsel {
    @Override
    public String describe() {
      return "sorted rows " + first + " to " + (first + rowCount - 1);
    }
  }

  /** Takes ownership of {@code input} (in row-number order) and {@code order}, of which the first {@code outputRows} are read. */
  SortedRowsSource(StructType schema, List<ColumnBatch> input, ArrowBuf order, int outputRows) {
    this.schema = Objects.requireNonNull(schema, "schema is null");
    this.input = List.copyOf(Objects.requireNonNull(input, "input is null"));
    this.order = Objects.requireNonNull(order, "order is null");
    this.output = new SortedOutput(schema, this.input, SortSink.FULL_SORT);
    List<Morsel> pieces = new ArrayList<>();
    for (int first = 0; first < outputRows; first += SortSink.BATCH_ROWS) {
      pieces.add(new SortedMorsel(pieces.size(), first, Math.min(SortSink.BATCH_ROWS, outputRows - first)));
    }
    this.morsels = List.copyOf(pieces);
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public List<Morsel> morsels() {
    return morsels;
  }

  @Override
  public BatchStream open(Morsel morsel, BufferAllocator allocator) {
    if (!(morsel instanceof SortedMorsel sorted) || morsels.get(sorted.index()) != morsel) {
      throw new IllegalArgumentException("morsel " + morsel.describe() + " does not belong to this sort's output");
    }
    Objects.requireNonNull(allocator, "allocator is null");
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the sort's output is closed, cannot read " + morsel.describe());
      }
      openStreams++;
    }
    return new BatchStream() {
      private boolean done;
      private boolean streamClosed;

      @Override
      public ColumnBatch next() {
        if (done || streamClosed) {
          return null;
        }
        done = true;
        return output.batch(order, sorted.first(), sorted.rowCount(), allocator);
      }

      @Override
      public void close() {
        if (!streamClosed) {
          streamClosed = true;
          streamClosed();
        }
      }
    };
  }

  private synchronized void streamClosed() {
    openStreams--;
    releaseIfUnused();
  }

  @Override
  public synchronized void close() {
    closed = true;
    releaseIfUnused();
  }

  private void releaseIfUnused() {
    if (closed && openStreams == 0 && !released) {
      released = true;
      List<AutoCloseable> resources = new ArrayList<>(input);
      resources.add(order);
      Resources.closeAll(resources);
    }
  }
}
