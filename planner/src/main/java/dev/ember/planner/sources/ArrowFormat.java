package dev.ember.planner.sources;

import dev.ember.runtime.io.BatchFileWriterFactory;
import dev.ember.runtime.io.arrow.ArrowIpcCompression;
import dev.ember.runtime.io.arrow.ArrowIpcFiles;
import dev.ember.runtime.io.arrow.ArrowIpcWriterFactory;
import dev.ember.runtime.io.FileListing;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.StructType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Arrow IPC files ({@code .arrow}, also called Feather v2), in the file or the streaming format. Not
 * a Spark format: it lets Ember's data move to and from other Arrow tools without conversion. The
 * schema comes from the first file; the writer option {@code compression} is {@code uncompressed}
 * (default), {@code lz4_frame} or {@code zstd}.
 */
final class ArrowFormat implements DataSourceFormat {
  @Override
  public String shortName() {
    return "arrow";
  }

  @Override
  public TableSource read(List<String> paths, Map<String, String> options, StructType userSchema) {
    Objects.requireNonNull(paths, "paths is null");
    List<Path> files = FileListing.inReadOrder(FileListing.list(paths));
    if (files.isEmpty() && userSchema == null) {
      throw new AnalysisException("UNABLE_TO_INFER_SCHEMA", Map.of("format", "Arrow"),
          "Unable to infer schema for Arrow. It must be specified manually. SQLSTATE: 42KD9");
    }
    // File sources make every column nullable, as Spark does, even when the user's schema says not.
    StructType schema = userSchema != null ? userSchema.asNullable() : ArrowIpcFiles.readSchema(files.get(0));
    return new ArrowTableSource(files, schema, paths);
  }

  @Override
  public BatchFileWriterFactory writer(StructType schema, Map<String, String> options) {
    Objects.requireNonNull(options, "options is null");
    return new ArrowIpcWriterFactory(ArrowIpcCompression.fromOptions(options));
  }
}
