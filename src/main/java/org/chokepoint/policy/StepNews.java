package org.chokepoint.policy;

import java.util.ArrayList;
import java.util.List;
import org.chokepoint.scenario.spec.ExportLicensingSpec;
import org.chokepoint.world.World;

/**
 * The news of a licensing office's approval and denial steps: from the tick a step is made known until it takes
 * effect, and on the tick it is made known, buyers of each destination and commodity whose refusals it raises read
 * the share the office will then refuse them as threatened, as they read a measure's own announcement. A step
 * that lowers what is refused threatens nothing. Once a step is in force buyers judge it by what the office
 * refuses them, as every measure.
 */
final class StepNews implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final int[] announce;
    private final int[] from;
    /** Per step, by commodity and destination ({@code [c * regions + d]}): the share refused once it applies, 0 where it raises none. */
    private final double[][] threat;

    StepNews(ExportLicensingSpec spec, World world) {
        List<ExportLicensingSpec.DestinationStep> steps = new ArrayList<>(spec.approvalSchedule());
        steps.addAll(spec.denialSchedule());
        int regions = world.regionCount();
        announce = new int[steps.size()];
        from = new int[steps.size()];
        threat = new double[steps.size()][world.commodityCount() * regions];
        for (int k = 0; k < steps.size(); k++) {
            ExportLicensingSpec.DestinationStep step = steps.get(k);
            announce[k] = spec.announceOf(step);
            from[k] = spec.fromOrStart(step.from());
            for (String c : spec.commodities()) {
                if (!step.sets(c)) {
                    continue;
                }
                for (int d = 0; d < regions; d++) {
                    String to = world.region(d).id();
                    if (!step.names(to)) {
                        continue;
                    }
                    // Every step of the same tick applied: a step another of its tick undoes is no news.
                    double after = spec.refusedAt(c, to, from[k]);
                    double before = from[k] > spec.start() ? spec.refusedAt(c, to, from[k] - 1) : 0.0;
                    threat[k][world.commodityIndex(c) * regions + d] = after > before ? after : 0.0;
                }
            }
        }
    }

    /** The share of a cell's supply the steps made known by {@code tick} and not yet in force threaten. */
    double threat(int cell, int tick) {
        double t = 0.0;
        for (int k = 0; k < from.length; k++) {
            if (tick == announce[k] || announce[k] <= tick && tick < from[k]) {
                t = Math.max(t, threat[k][cell]);
            }
        }
        return t;
    }

    /** Whether a step made known by {@code tick} will raise what the cell is refused, and is not yet in force. */
    boolean ahead(int cell, int tick) {
        for (int k = 0; k < from.length; k++) {
            if (announce[k] <= tick && tick < from[k] && threat[k][cell] > 0) {
                return true;
            }
        }
        return false;
    }
}
