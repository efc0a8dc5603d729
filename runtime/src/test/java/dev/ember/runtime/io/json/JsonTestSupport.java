package dev.ember.runtime.io.json;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.Morsel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;

/** Writes test files and reads a whole source into plain Java rows, for assertions. */
final class JsonTestSupport {
  private JsonTestSupport() {}

  static Path write(Path directory, String name, String content) {
    try {
      Path file = directory.resolve(name);
      Files.writeString(file, content, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every row of every morsel, in morsel order; strings as Java strings, others as Arrow's objects. */
  static List<List<Object>> readAll(BatchSource source, BufferAllocator allocator) {
    List<List<Object>> rows = new ArrayList<>();
    for (Morsel morsel : source.morsels()) {
      try (BatchStream stream = source.open(morsel, allocator)) {
        for (ColumnBatch next = stream.next(); next != null; next = stream.next()) {
          try (ColumnBatch batch = next) {
            if (batch.rowCount() > JsonSource.BATCH_ROWS) {
              throw new AssertionError("batch of " + batch.rowCount() + " rows");
            }
            for (int row = 0; row < batch.rowCount(); row++) {
              List<Object> values = new ArrayList<>();
              for (FieldVector vector : batch.vectors()) {
                values.add(value(vector, row));
              }
              rows.add(values);
            }
          }
        }
      }
    }
    return rows;
  }

  private static Object value(FieldVector vector, int row) {
    if (vector.isNull(row)) {
      return null;
    } else if (vector instanceof VarCharVector strings) {
      return new String(strings.get(row), StandardCharsets.UTF_8);
    } else if (vector instanceof VarBinaryVector binary) {
      return Arrays.toString(binary.get(row));
    }
    return vector.getObject(row);
  }

  static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }
}
