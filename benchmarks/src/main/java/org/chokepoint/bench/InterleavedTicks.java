package org.chokepoint.bench;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares two builds of chokepoint tick by tick in one JVM: each jar is loaded by a class loader of its
 * own, both start the same scenario from the same seed, and their ticks alternate (A then B, then B then
 * A), each timed on its own. A shared or virtual machine whose speed drifts by tens of per cent within
 * minutes slows both alike, so the ratio of their times stays steady where two JMH runs one after the
 * other would not. It reports time per tick for each and the ratio B/A, per repetition; the first
 * repetition includes the JIT's warm-up.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.chokepoint.bench.InterleavedTicks OLD.jar NEW.jar \
 *     [scale/scale-100000.json] [ticks 200] [repetitions 4] [threads of A 1] [threads of B 1]
 * </pre>
 *
 * The scenario is read, by each build's own loader, from the benchmarks' scenario folder (see
 * {@link BenchScenarios}). Tick threads other than 1 need a build that has {@code setTickThreads}.
 */
public final class InterleavedTicks {

    private InterleavedTicks() {}

    /** One build: its model class, how to make and step a model, and the scenario as that build reads it. */
    private static final class Build {
        final Constructor<?> model;
        final Method start;
        final Method step;
        final Method finish;
        final Object scenario;
        final int threads;
        Object current;

        Build(Path jar, Path scenarioFile, int threads) throws ReflectiveOperationException, java.io.IOException {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalArgumentException("no such jar: " + jar);
            }
            ClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            Class<?> scenarioLoader = loader.loadClass("org.chokepoint.scenario.ScenarioLoader");
            Object loaded = scenarioLoader.getMethod("load", Path.class).invoke(null, scenarioFile);
            scenario = loaded.getClass().getMethod("scenario").invoke(loaded);
            Class<?> modelClass = loader.loadClass("org.chokepoint.model.SupplyShockModel");
            model = modelClass.getConstructor(loader.loadClass("org.chokepoint.scenario.Scenario"), int.class, int.class);
            start = modelClass.getMethod("start");
            step = modelClass.getMethod("stepTick");
            finish = modelClass.getMethod("finish");
            this.threads = threads;
        }

        void restart(int seed) throws ReflectiveOperationException {
            if (current != null) {
                finish.invoke(current);
            }
            current = model.newInstance(scenario, seed, 0);
            if (threads != 1) {
                current.getClass().getMethod("setTickThreads", int.class).invoke(current, threads);
            }
            start.invoke(current);
            for (int i = 0; i < TickBench.WARM_UP_TICKS; i++) {
                step.invoke(current);
            }
        }

        long timedTick() throws ReflectiveOperationException {
            long t0 = System.nanoTime();
            step.invoke(current);
            return System.nanoTime() - t0;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: InterleavedTicks A.jar B.jar [scenario] [ticks] [repetitions] [threadsA] [threadsB]");
            System.exit(2);
        }
        String scenario = args.length > 2 ? args[2] : "scale/scale-100000.json";
        int ticks = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        int repetitions = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        int threadsA = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        int threadsB = args.length > 6 ? Integer.parseInt(args[6]) : 1;
        Path file = BenchScenarios.directory().resolve(scenario);
        Build a = new Build(Path.of(args[0]), file, threadsA);
        Build b = new Build(Path.of(args[1]), file, threadsB);
        System.out.printf("A %s (%d thread(s)), B %s (%d thread(s)), %s, %d ticks a repetition%n",
                args[0], threadsA, args[1], threadsB, scenario, ticks);
        for (int r = 0; r < repetitions; r++) {
            int seed = (int) BenchSeeds.iteration(BenchSeeds.BASE, r);
            a.restart(seed);
            b.restart(seed);
            long timeA = 0;
            long timeB = 0;
            for (int t = 0; t < ticks; t++) {
                if ((t & 1) == 0) {
                    timeA += a.timedTick();
                    timeB += b.timedTick();
                } else {
                    timeB += b.timedTick();
                    timeA += a.timedTick();
                }
            }
            System.out.printf("repetition %d: A %.3f ms/tick, B %.3f ms/tick, B/A %.3f%n", r + 1,
                    timeA / 1e6 / ticks, timeB / 1e6 / ticks, (double) timeB / timeA);
        }
        a.finish.invoke(a.current);
        b.finish.invoke(b.current);
    }
}
