package org.chokepoint.bench;

import java.lang.management.ManagementFactory;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.Scenario;

/**
 * Bytes the model allocates per tick, the tick alone: JMH's {@code -prof gc} also counts what
 * {@link TickBench}'s iteration setup allocates (the model is built anew for every iteration), which at
 * 100,000 firms is tens of megabytes spread over a few dozen ticks. This starts one model per firm count,
 * runs {@value TickBench#WARM_UP_TICKS} warm-up ticks, then prints the bytes allocated per tick in blocks of
 * 50 ticks up to the scenario's horizon (the current thread's allocation counter, so nothing else counts).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.chokepoint.bench.TickAllocation 10000 100000
 * </pre>
 */
public final class TickAllocation {

    private static final int BLOCK = 50;

    private TickAllocation() {}

    public static void main(String[] args) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        String[] counts = args.length > 0 ? args : new String[] {"10000", "100000"};
        for (String firms : counts) {
            Scenario scenario = BenchScenarios.load("scale/scale-" + firms + ".json");
            long before = threads.getThreadAllocatedBytes(thread);
            SupplyShockModel model = new SupplyShockModel(scenario, (int) BenchSeeds.BASE, 0);
            model.start();
            long started = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < TickBench.WARM_UP_TICKS; i++) {
                model.stepTick();
            }
            long warm = threads.getThreadAllocatedBytes(thread);
            StringBuilder blocks = new StringBuilder();
            long total = 0;
            int ticks = 0;
            while (model.tick() + BLOCK <= model.horizon()) {
                long b = threads.getThreadAllocatedBytes(thread);
                for (int i = 0; i < BLOCK; i++) {
                    model.stepTick();
                }
                long used = threads.getThreadAllocatedBytes(thread) - b;
                total += used;
                ticks += BLOCK;
                blocks.append(' ').append(used / BLOCK);
            }
            System.out.printf("%s firms: start() %d B, %d warm-up ticks %d B, then %.0f B/tick over %d ticks;"
                    + " B/tick by %d-tick block:%s%n", firms, started - before, TickBench.WARM_UP_TICKS, warm - started,
                    (double) total / ticks, ticks, BLOCK, blocks);
        }
    }
}
