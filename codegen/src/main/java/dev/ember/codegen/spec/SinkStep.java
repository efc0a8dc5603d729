package dev.ember.codegen.spec;

/**
 * The sink's share of the per-row work. {@link BatchOutput}: surviving rows are written to new Arrow
 * batches handed to the worker's {@code BatchConsumer} partition. {@link AggregateUpdate}: each
 * surviving row updates the worker's {@code HashAggregationTable} directly.
 */
public sealed interface SinkStep permits BatchOutput, AggregateUpdate {}
