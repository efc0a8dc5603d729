/**
 * The implementations of Spark's built-in scalar functions: public static methods that the generated
 * kernels call directly and the interpreted kernels call through method handles, so both compute
 * exactly the same values and raise the same errors. Each method is named by a definition in
 * {@code dev.ember.planner.functions}; see {@code docs/functions.md} for the value conventions.
 */
package dev.ember.runtime.functions;
