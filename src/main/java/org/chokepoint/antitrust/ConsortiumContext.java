package org.chokepoint.antitrust;

import org.chokepoint.agent.RouteConditions;
import org.chokepoint.policy.PolicyContext;
import org.chokepoint.trade.TradeMeasure;

/** What a consortium sees of the running model besides what any instrument sees. */
public interface ConsortiumContext extends PolicyContext {
    RouteConditions routes();

    /** Every trade measure of the run, combined: pooled cargo crosses borders under them as a trader's does. */
    TradeMeasure tradeRules();

    /** Whether a government notice of likely disruption covers the commodity in the region now. */
    boolean noticeInForce(int region, int commodity);

    /** Ticks the model needs to settle; the baseline window ends here. */
    int warmupTicks();

    /**
     * Per firm, the markup over marginal cost it prices at this tick because figures on its rivals' business
     * reached it: cleared at the start of every tick, each consortium writing the markups of its members.
     */
    double[] collusiveMarkup();
}
