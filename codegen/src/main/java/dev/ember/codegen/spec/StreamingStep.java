package dev.ember.codegen.spec;

/** A row-at-a-time step fused into a pipeline: it never needs to see more than the current row. */
public sealed interface StreamingStep permits FilterStep, ProjectStep, JoinProbeStep {}
