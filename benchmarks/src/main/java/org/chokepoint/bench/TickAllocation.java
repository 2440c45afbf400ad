package org.chokepoint.bench;

import java.lang.management.ManagementFactory;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.Scenario;

/**
 * Bytes the model allocates per tick, the tick alone: JMH's {@code -prof gc} also counts what
 * {@link TickBench}'s iteration setup allocates (the model is built anew for every iteration), which at
 * 100,000 firms is tens of megabytes spread over a few dozen ticks. This starts one model per firm count,
 * runs {@value TickBench#WARM_UP_TICKS} warm-up ticks, then prints the bytes allocated per tick in blocks of
 * 50 ticks up to the scenario's horizon. It counts the allocation of the current thread and of the model's
 * tick threads, nothing else; {@code -Dthreads=2} runs the ticks on two.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.chokepoint.bench.TickAllocation 10000 100000
 * java -Dthreads=2 -cp benchmarks/target/benchmarks.jar org.chokepoint.bench.TickAllocation 10000 100000
 * </pre>
 */
public final class TickAllocation {

    private static final int BLOCK = 50;

    private TickAllocation() {}

    /** Bytes allocated so far by this thread and the live tick threads (which are named chokepoint-tick-N). */
    private static final com.sun.management.ThreadMXBean MX =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final long MAIN = Thread.currentThread().getId();

    private static long allocated() {
        com.sun.management.ThreadMXBean mx = MX;
        long sum = mx.getThreadAllocatedBytes(MAIN);
        for (Thread t : TICK_THREADS) {
            sum += Math.max(0, mx.getThreadAllocatedBytes(t.getId()));
        }
        return sum;
    }

    /** The model's helper threads, found once after it starts; a fixed array, so counting allocates little. */
    private static Thread[] TICK_THREADS = new Thread[0];

    private static void findTickThreads() {
        java.util.List<Thread> found = new java.util.ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("chokepoint-tick-") && t.isAlive()) {
                found.add(t);
            }
        }
        TICK_THREADS = found.toArray(new Thread[0]);
    }

    public static void main(String[] args) {
        int tickThreads = Integer.getInteger("threads", 1);
        String[] counts = args.length > 0 ? args : new String[] {"10000", "100000"};
        for (String firms : counts) {
            Scenario scenario = BenchScenarios.load("scale/scale-" + firms + ".json");
            TICK_THREADS = new Thread[0];
            long before = allocated();
            SupplyShockModel model = new SupplyShockModel(scenario, (int) BenchSeeds.BASE, 0);
            model.setTickThreads(tickThreads);
            model.start();
            findTickThreads();
            long started = allocated(); // the helpers' own counts start near zero
            for (int i = 0; i < TickBench.WARM_UP_TICKS; i++) {
                model.stepTick();
            }
            long warm = allocated();
            StringBuilder blocks = new StringBuilder();
            long total = 0;
            int ticks = 0;
            while (model.tick() + BLOCK <= model.horizon()) {
                long b = allocated();
                for (int i = 0; i < BLOCK; i++) {
                    model.stepTick();
                }
                long used = allocated() - b;
                total += used;
                ticks += BLOCK;
                blocks.append(' ').append(used / BLOCK);
            }
            model.finish();
            System.out.printf("%s firms, %d tick thread(s): start() %d B, %d warm-up ticks %d B, then %.0f B/tick over %d ticks;"
                    + " B/tick by %d-tick block:%s%n", firms, tickThreads, started - before, TickBench.WARM_UP_TICKS, warm - started,
                    (double) total / ticks, ticks, BLOCK, blocks);
        }
    }
}
