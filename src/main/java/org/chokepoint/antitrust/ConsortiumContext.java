package org.chokepoint.antitrust;

import org.chokepoint.agent.RouteConditions;
import org.chokepoint.policy.PolicyContext;

/** What a consortium sees of the running model besides what any instrument sees. */
public interface ConsortiumContext extends PolicyContext {
    RouteConditions routes();

    /** Whether a government notice of likely disruption covers the commodity in the region now. */
    boolean noticeInForce(int region, int commodity);

    /** Ticks the model needs to settle; the baseline window ends here. */
    int warmupTicks();
}
