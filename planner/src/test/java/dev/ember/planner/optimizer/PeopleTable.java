package dev.ember.planner.optimizer;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.logical.ScanRelation;
import dev.ember.planner.sources.ScanSettings;
import dev.ember.planner.sources.TableSource;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.util.List;

/**
 * A table of people (name string, age int, city string) that plans can scan but nothing can read.
 * Its columns have fixed ids 1, 2 and 3, so expected plans and tree strings are stable; tests give
 * their own aliases ids from 100 up.
 */
public final class PeopleTable implements TableSource {
  public static final PeopleTable INSTANCE = new PeopleTable();
  public static final AttributeReference NAME = new AttributeReference("name", DataTypes.StringType, true, 1);
  public static final AttributeReference AGE = new AttributeReference("age", DataTypes.IntegerType, true, 2);
  public static final AttributeReference CITY = new AttributeReference("city", DataTypes.StringType, true, 3);

  private PeopleTable() {}

  /** A scan of every column. */
  public static ScanRelation scan() {
    return scan(NAME, AGE, CITY);
  }

  public static ScanRelation scan(AttributeReference... columns) {
    return new ScanRelation(INSTANCE, List.of(columns));
  }

  @Override
  public StructType schema() {
    return new StructType()
        .add("name", DataTypes.StringType)
        .add("age", DataTypes.IntegerType)
        .add("city", DataTypes.StringType);
  }

  @Override
  public String formatName() {
    return "csv";
  }

  @Override
  public String describe() {
    return "people (test table)";
  }

  @Override
  public BatchSource createBatchSource(int[] columns, ScanSettings settings) {
    throw new UnsupportedOperationException("the people test table only exists for planning");
  }
}
