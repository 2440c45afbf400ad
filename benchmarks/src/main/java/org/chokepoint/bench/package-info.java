/**
 * JMH benchmarks of chokepoint.
 *
 * <p>Every benchmark measures average time per operation, builds its inputs from a fixed seed (see
 * {@link org.chokepoint.bench.BenchSeeds}) so two runs measure the same work, and keeps allocation out of
 * the measured method where the code under test does not allocate itself. {@link
 * org.chokepoint.bench.ReferenceKernelBench} measures the machine alone: {@code bench-compare} divides
 * every other score by it, so baselines recorded on one machine can gate runs on another.
 */
package org.chokepoint.bench;
