package org.chokepoint.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.chokepoint.scenario.spec.ExportLicensingSpec;
import org.chokepoint.world.World;

/**
 * The news of a licensing office's approval and denial steps: from the tick a step is made known until it takes
 * effect, and on the tick it is made known, buyers of each destination and commodity whose refusals it raises read
 * the share the office will then refuse them as threatened, as they read a measure's own announcement. A step
 * that lowers what is refused threatens nothing. Buyers read the steps made known by then, and no other: a step
 * of the same tick made known later, which sets a cell back, calls the first one off from its own news on (as
 * China's October 2025 controls were suspended before they took effect). Once a step is in force buyers judge it
 * by what the office refuses them, as every measure.
 */
final class StepNews implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final int[] announce;
    private final int[] from;
    /** The ticks at which what is known changes: every step's announce, in order, each once. */
    private final int[] known;
    /**
     * Per tick of {@link #known} and step, by commodity and destination ({@code [c * regions + d]}): the share
     * refused once the step applies, as the steps known then have it, 0 where it raises none.
     */
    private final double[][][] threat;
    /**
     * Per set of steps known ({@code [0]}: those made known with the measure; {@code [j + 1]}: by tick
     * {@code known[j]}), by commodity and destination: the share the measure refuses at its start, as those steps
     * have it, which is what its own news says.
     */
    private final double[][] measureNews;

    StepNews(ExportLicensingSpec spec, World world) {
        List<ExportLicensingSpec.DestinationStep> steps = new ArrayList<>(spec.stepsInOrder());
        steps.addAll(spec.denialStepsInOrder());
        int regions = world.regionCount();
        int n = steps.size();
        announce = new int[n];
        from = new int[n];
        for (int k = 0; k < n; k++) {
            announce[k] = spec.announceOf(steps.get(k));
            from[k] = spec.fromOrStart(steps.get(k).from());
        }
        known = Arrays.stream(announce).distinct().sorted().toArray();
        threat = new double[known.length][n][world.commodityCount() * regions];
        measureNews = new double[known.length + 1][world.commodityCount() * regions];
        for (int j = 0; j <= known.length; j++) {
            int told = j == 0 ? spec.announce() : known[j - 1];
            for (String c : spec.commodities()) {
                for (int d = 0; d < regions; d++) {
                    measureNews[j][world.commodityIndex(c) * regions + d] = spec.refusedAt(c, world.region(d).id(),
                            spec.start(), told);
                }
            }
        }
        for (int j = 0; j < known.length; j++) {
            for (int k = 0; k < n; k++) {
                if (announce[k] > known[j]) {
                    continue;
                }
                ExportLicensingSpec.DestinationStep step = steps.get(k);
                for (String c : spec.commodities()) {
                    if (!step.sets(c)) {
                        continue;
                    }
                    for (int d = 0; d < regions; d++) {
                        String to = world.region(d).id();
                        if (!step.names(to)) {
                            continue;
                        }
                        double after = spec.refusedAt(c, to, from[k], known[j]);
                        double before = from[k] > spec.start() ? spec.refusedAt(c, to, from[k] - 1, known[j]) : 0.0;
                        threat[j][k][world.commodityIndex(c) * regions + d] = after > before ? after : 0.0;
                    }
                }
            }
        }
    }

    /**
     * The share of a cell's supply buyers read as threatened on {@code tick}: what the measure's own news says of
     * it, where {@code measureNews} (the measure announced and not yet started, or starting on the day it is
     * announced), as the steps known then have it, and what the steps made known by then and not yet in force
     * threaten.
     */
    double news(int cell, int tick, boolean measureNews) {
        int j = knownAt(tick);
        double t = measureNews ? this.measureNews[j + 1][cell] : 0.0;
        for (int k = 0; j >= 0 && k < from.length; k++) {
            if (tick == announce[k] || announce[k] <= tick && tick < from[k]) {
                t = Math.max(t, threat[j][k][cell]);
            }
        }
        return t;
    }

    /** Whether a step made known by {@code tick} will raise what the cell is refused, and is not yet in force. */
    boolean ahead(int cell, int tick) {
        int j = knownAt(tick);
        for (int k = 0; j >= 0 && k < from.length; k++) {
            if (announce[k] <= tick && tick < from[k] && threat[j][k][cell] > 0) {
                return true;
            }
        }
        return false;
    }

    /** The index of the last tick of {@link #known} on or before {@code tick}, or -1 before any step is known. */
    private int knownAt(int tick) {
        int j = -1;
        while (j + 1 < known.length && known[j + 1] <= tick) {
            j++;
        }
        return j;
    }
}
