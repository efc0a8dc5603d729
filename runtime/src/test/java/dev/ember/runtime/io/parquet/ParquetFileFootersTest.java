package dev.ember.runtime.io.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetFileFootersTest {
  @TempDir
  Path directory;

  private static void write(Path file, String schemaText, long rows) throws IOException {
    MessageType schema = MessageTypeParser.parseMessageType(schemaText);
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema).build()) {
      for (long i = 0; i < rows; i++) {
        writer.write(groups.newGroup().append(schema.getFieldName(0), i));
      }
    }
  }

  @Test
  void anUnchangedFileIsParsedOnceAndReadersShareItsFooter() throws IOException {
    Path file = directory.resolve("a.parquet");
    write(file, "message m { required int64 id; }", 10);
    ParquetMetadata first = ParquetFileFooters.read(file);
    assertSame(first, ParquetFileFooters.read(file));
    try (ParquetFileReader reader = ParquetFileFooters.open(file)) {
      assertSame(first, reader.getFooter());
      assertEquals(10, reader.readNextRowGroup().getRowCount());
    }
  }

  @Test
  void aReplacedFileIsReadAgain() throws IOException {
    Path file = directory.resolve("b.parquet");
    write(file, "message m { required int64 id; }", 10);
    ParquetMetadata before = ParquetFileFooters.read(file);
    // Same path, same row count, other column name: written elsewhere and moved over the old file.
    Path replacement = directory.resolve("b.tmp");
    write(replacement, "message m { required int64 key; }", 10);
    Files.move(replacement, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    ParquetMetadata after = ParquetFileFooters.read(file);
    assertEquals("id", before.getFileMetaData().getSchema().getFieldName(0));
    assertEquals("key", after.getFileMetaData().getSchema().getFieldName(0));
    try (ParquetFileReader reader = ParquetFileFooters.open(file)) {
      assertEquals("key", reader.getFooter().getFileMetaData().getSchema().getFieldName(0));
    }
  }

  @Test
  void aFileThatStopsBeingParquetFailsNamingIt() throws IOException {
    Path file = directory.resolve("c.parquet");
    write(file, "message m { required int64 id; }", 3);
    ParquetFileFooters.read(file);
    Files.writeString(file, "not parquet at all, and longer than a footer would need");
    RuntimeException error = assertThrows(RuntimeException.class, () -> ParquetFileFooters.read(file));
    assertTrue(error.getMessage().contains("c.parquet"), error.getMessage());
  }
}
