package org.chokepoint.policy;

import ec.util.MersenneTwisterFast;
import org.chokepoint.agent.Firms;
import org.chokepoint.agent.Traders;
import org.chokepoint.market.Markets;
import org.chokepoint.world.World;

/** What an instrument may see and touch of the running model. */
public interface PolicyContext {
    World world();

    Markets markets();

    Firms firms();

    Traders traders();

    /**
     * How many importers trade measures hear of: the traders, numbered as in {@link #traders()}, then each
     * consortium's pool, which files, ships and lands under the measures as a trader does.
     */
    int importers();

    int tick();

    /**
     * Per firm, the share by which its investment hurdle is lowered this tick (a capex subsidy, an offtake):
     * cleared at the start of every tick, each writer keeping the largest.
     */
    double[] hurdleRelief();

    /**
     * Per firm, the share of the capital of the plant it orders this tick that subsidies pay: cleared at the start of
     * every tick, each subsidy adding its rate, up to the whole, and taking its part of what is left when it pays. A
     * firm that gives its plant's capital cost decides on the rest.
     */
    double[] capitalSpared();

    /**
     * What new plant the sum counts the capital of is worth at the horizon: a measure that pays for plant (a capex
     * subsidy where the firm gives no capital cost of its own, a state's capacity) keeps its value here.
     */
    org.chokepoint.agent.PlantBook plants();

    /**
     * Per firm, the most it may make this tick (a production quota's share): unbounded at the start of every
     * tick, each writer keeping the smallest.
     */
    double[] outputCap();

    /**
     * The most the firm may make this tick, as the production quotas in force set it: infinite where none holds it.
     * Reading it lets no quota hold.
     */
    double outputCapOf(int firm);

    /**
     * Per firm, the volume released this tick by the production quota that holds it: NaN at the start of every tick,
     * written by the tightest quota on the firm.
     */
    double[] quotaRelease();

    /** The policy stream of the model's generator: licence decisions and the like draw from it alone. */
    MersenneTwisterFast policyRandom();
}
