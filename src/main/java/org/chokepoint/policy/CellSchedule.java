package org.chokepoint.policy;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.chokepoint.scenario.spec.ExportLicensingSpec;
import org.chokepoint.world.World;

/**
 * A licensing office's schedule of steps, each setting the cells {@code [c * regions + d]} of one of its tables
 * (approval rates, denials) for some commodities and destinations from a tick on. Built once from the steps in
 * the order they apply; as the ticks come, each step due is applied once, so a tick costs nothing when none is.
 */
final class CellSchedule implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final int[] from;
    private final boolean[][] cells;
    private final double[] value;
    private int next;

    <S extends ExportLicensingSpec.DestinationStep> CellSchedule(ExportLicensingSpec spec, List<S> inOrder,
                                                                 World world, ToDoubleFunction<S> valueOf) {
        int regions = world.regionCount();
        from = new int[inOrder.size()];
        cells = new boolean[inOrder.size()][world.commodityCount() * regions];
        value = new double[inOrder.size()];
        for (int k = 0; k < inOrder.size(); k++) {
            S step = inOrder.get(k);
            from[k] = spec.fromOrStart(step.from());
            value[k] = valueOf.applyAsDouble(step);
            for (String c : spec.commodities()) {
                if (step.sets(c)) {
                    for (int d = 0; d < regions; d++) {
                        if (step.names(world.region(d).id())) {
                            cells[k][world.commodityIndex(c) * regions + d] = true;
                        }
                    }
                }
            }
        }
    }

    /** Whether a step not yet applied starts on or before {@code tick}. */
    boolean due(int tick) {
        return next < from.length && from[next] <= tick;
    }

    /** Sets the next step's cells of {@code table} to its value, and moves on. */
    void apply(double[] table) {
        for (int i = 0; i < table.length; i++) {
            if (cells[next][i]) {
                table[i] = value[next];
            }
        }
        next++;
    }

    /** Sets the next step's cells of {@code table} to whether its value is non-zero, and moves on. */
    void apply(boolean[] table) {
        for (int i = 0; i < table.length; i++) {
            if (cells[next][i]) {
                table[i] = value[next] != 0;
            }
        }
        next++;
    }
}
