package dev.ember.sql.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected text is Spark 4.2's {@code StructType.treeString()} for the same schema. */
class StructTypeTreeStringTest {
  @Test
  void printsEveryAtomicTypeLikeSpark() {
    StructType schema = new StructType()
        .add("b", "boolean").add("y", "tinyint").add("s", "smallint", false).add("i", "int").add("l", "bigint")
        .add("f", "float").add("d", "double").add("dec", "decimal(10,2)").add("dec2", DataTypes.createDecimalType())
        .add("dec3", "decimal(38,18)").add("str", "string").add("bin", "binary").add("dt", "date")
        .add("ts", "timestamp").add("n", "void").add("with space", "int").add("a.b", "int").add("", "int");
    assertEquals("""
        root
         |-- b: boolean (nullable = true)
         |-- y: byte (nullable = true)
         |-- s: short (nullable = false)
         |-- i: integer (nullable = true)
         |-- l: long (nullable = true)
         |-- f: float (nullable = true)
         |-- d: double (nullable = true)
         |-- dec: decimal(10,2) (nullable = true)
         |-- dec2: decimal(10,0) (nullable = true)
         |-- dec3: decimal(38,18) (nullable = true)
         |-- str: string (nullable = true)
         |-- bin: binary (nullable = true)
         |-- dt: date (nullable = true)
         |-- ts: timestamp (nullable = true)
         |-- n: void (nullable = true)
         |-- with space: integer (nullable = true)
         |-- a.b: integer (nullable = true)
         |-- : integer (nullable = true)
        """, schema.treeString());
  }
}
