package dev.ember.planner.physical;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.trees.TreeNode;
import java.util.List;

/**
 * How a query runs: operators chosen, expressions still referring to attributes by id. Codegen binds
 * the attributes to column positions, cuts the tree into pipelines at the operators that must see
 * all of their input (hash aggregate, sort, limit) and compiles each pipeline.
 */
public sealed interface PhysicalPlan extends TreeNode<PhysicalPlan>
    permits ScanExec, RangeExec, FilterExec, ProjectExec, HashAggregateExec, SortExec, TakeOrderedExec, LimitExec,
        HashJoinExec, NestedLoopJoinExec, UnionExec, WindowExec, GenerateExec, OffsetExec, ReplicateRowsExec,
        InMemoryTableScanExec, SinglePartitionExec {

  List<AttributeReference> output();
}
