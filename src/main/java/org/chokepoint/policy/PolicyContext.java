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

    int tick();

    /** The firms' investment and exit decisions, for instruments that change them (a capex subsidy). */
    default org.chokepoint.agent.CapacityDecisions capacityDecisions() {
        throw new UnsupportedOperationException("this context gives no access to capacity decisions");
    }

    /** The policy stream of the model's generator: licence decisions and the like draw from it alone. */
    MersenneTwisterFast policyRandom();
}
