package dev.ember.runtime.io.csv;

import static dev.ember.runtime.io.csv.CsvTestSupport.readAll;
import static dev.ember.runtime.io.csv.CsvTestSupport.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.runtime.memory.Allocators;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.compress.BZip2Codec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compression, multiLine, the corrupt-record column and enforceSchema (behaviour checked against Spark 4.2). */
class CsvReaderOptionsTest {
  @TempDir Path directory;
  private BufferAllocator allocator;

  @BeforeEach
  void openAllocator() {
    allocator = Allocators.newRoot();
  }

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private List<List<Object>> read(List<Path> files, String ddl, Map<String, String> options, long split) {
    StructType schema = StructType.fromDDL(ddl);
    int[] all = new int[schema.length()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    CsvSource source = new CsvSource(files, schema, CsvOptions.parse(options), all, split, ZoneId.of("UTC"));
    return readAll(source, allocator);
  }

  private Path compressed(String name, String content) throws IOException {
    Path file = directory.resolve(name);
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    try (OutputStream raw = Files.newOutputStream(file)) {
      if (name.endsWith(".gz")) {
        try (OutputStream out = new GZIPOutputStream(raw)) {
          out.write(bytes);
        }
      } else if (name.endsWith(".deflate")) {
        try (OutputStream out = new DeflaterOutputStream(raw)) {
          out.write(bytes);
        }
      } else {
        BZip2Codec codec = new BZip2Codec();
        codec.setConf(new Configuration(false));
        try (OutputStream out = codec.createOutputStream(raw)) {
          out.write(bytes);
        }
      }
    }
    return file;
  }

  @Test
  void compressedFilesAreDecompressedByExtensionAndReadWhole() throws IOException {
    StringBuilder content = new StringBuilder("id,name\n");
    for (int i = 0; i < 5000; i++) {
      content.append(i).append(",name").append(i).append('\n');
    }
    for (String name : List.of("data.csv.gz", "data.csv.bz2", "data.deflate")) {
      Path file = compressed(name, content.toString());
      CsvSource source = new CsvSource(List.of(file), StructType.fromDDL("id INT, name STRING"),
          CsvOptions.parse(Map.of("header", "true")), new int[] {0, 1}, 64, ZoneId.of("UTC"));
      assertEquals(1, source.morsels().size(), name + " is one morsel");
      List<List<Object>> rows = readAll(source, allocator);
      assertEquals(5000, rows.size(), name);
      assertEquals(row(4999, "name4999"), rows.get(4999), name);
    }
  }

  @Test
  void schemaInferenceReadsCompressedFiles() throws IOException {
    Path file = compressed("typed.gz", "a,b\n1,x\n2,y\n");
    StructType schema = CsvSchemaInference.infer(List.of(file), CsvOptions.parse(Map.of("header", "true", "inferSchema", "true")));
    assertEquals("struct<a:int,b:string>", schema.simpleString());
  }
}
