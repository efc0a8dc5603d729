package dev.ember.api.execution;

import dev.ember.api.rows.BatchRows;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.Morsel;
import dev.ember.sql.Row;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;

/**
 * {@code toLocalIterator()}: a query's result rows, read one batch at a time. Owns the query's
 * allocator and result source; they are released when the last row has been read or on
 * {@link #close()}, whichever comes first. Not thread-safe.
 */
public final class ResultRowIterator implements Iterator<Row>, AutoCloseable {
  private final BufferAllocator allocator;
  private final BatchSource source;
  private final ZoneId sessionZone;
  private final Deque<Morsel> morsels;
  private BatchStream stream;
  private Iterator<Row> rows = java.util.Collections.emptyIterator();
  private boolean closed;

  ResultRowIterator(BufferAllocator allocator, BatchSource source, ZoneId sessionZone) {
    this.allocator = Objects.requireNonNull(allocator, "allocator is null");
    this.source = Objects.requireNonNull(source, "source is null");
    this.sessionZone = sessionZone;
    this.morsels = new ArrayDeque<>(source.morsels());
  }

  @Override
  public boolean hasNext() {
    while (!rows.hasNext()) {
      if (closed) {
        return false;
      }
      List<Row> next = nextBatchRows();
      if (next == null) {
        close();
        return false;
      }
      rows = next.iterator();
    }
    return true;
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more rows in the result");
    }
    return rows.next();
  }

  /** The rows of the next batch, converted and released; null when the result is exhausted. */
  private List<Row> nextBatchRows() {
    try {
      while (true) {
        if (stream == null) {
          Morsel morsel = morsels.poll();
          if (morsel == null) {
            return null;
          }
          stream = source.open(morsel, allocator);
        }
        try (ColumnBatch batch = stream.next()) {
          if (batch != null) {
            return BatchRows.toRows(batch, sessionZone);
          }
        }
        stream.close();
        stream = null;
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    rows = java.util.Collections.emptyIterator();
    try (allocator; source) {
      if (stream != null) {
        stream.close();
      }
    }
  }
}
