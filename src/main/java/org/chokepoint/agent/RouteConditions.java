package org.chokepoint.agent;

import java.util.Arrays;
import org.chokepoint.world.World;

/**
 * The state of every route this tick: closed, extra transit time, a multiplier on its cost. The
 * {@link Government} sets it from the scenario's events at the start of each tick.
 */
public final class RouteConditions implements java.io.Serializable {
    private final int[] baseTransit;
    private final double[] baseCost;
    private final boolean[] closed;
    private final int[] extraTransit;
    private final double[] costMultiplier;

    public RouteConditions(World world) {
        int n = world.routes().size();
        baseTransit = new int[n];
        baseCost = new double[n];
        for (int r = 0; r < n; r++) {
            baseTransit[r] = world.route(r).transitTicks();
            baseCost[r] = world.route(r).costPerUnit();
        }
        closed = new boolean[n];
        extraTransit = new int[n];
        costMultiplier = new double[n];
        reset();
    }

    public void reset() {
        Arrays.fill(closed, false);
        Arrays.fill(extraTransit, 0);
        Arrays.fill(costMultiplier, 1.0);
    }

    public void disrupt(int route, boolean close, int extraTicks, double costFactor) {
        closed[route] |= close;
        extraTransit[route] += extraTicks;
        costMultiplier[route] *= costFactor;
    }

    public boolean closed(int route) { return closed[route]; }
    public int transit(int route) { return baseTransit[route] + extraTransit[route]; }
    public double cost(int route) { return baseCost[route] * costMultiplier[route]; }
}
