package dev.ember.planner.analysis;

import dev.ember.planner.logical.ScanRelation;
import dev.ember.planner.sources.ScanSettings;
import dev.ember.planner.sources.TableSource;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;

/** A table that only has a schema: analysis never reads data. */
record FakeTableSource(StructType schema) implements TableSource {
  /** name string, age int, city string. */
  static ScanRelation people() {
    return ScanRelation.of(new FakeTableSource(DataTypes.fromDdlSchema("name STRING, age INT, city STRING")));
  }

  /** One column of each type Spark coerces differently. */
  static ScanRelation allTypes() {
    return ScanRelation.of(new FakeTableSource(DataTypes.fromDdlSchema(
        "name STRING, age INT, city STRING, salary DOUBLE, tiny TINYINT, small SMALLINT, big BIGINT, real FLOAT,"
            + " price DECIMAL(10,2), day DATE, moment TIMESTAMP, flag BOOLEAN, id INT NOT NULL")));
  }

  @Override
  public String formatName() {
    return "fake";
  }

  @Override
  public String describe() {
    return "fake table " + schema.simpleString();
  }

  @Override
  public BatchSource createBatchSource(int[] columns, ScanSettings settings) {
    throw new UnsupportedOperationException("a fake table has no data");
  }
}
