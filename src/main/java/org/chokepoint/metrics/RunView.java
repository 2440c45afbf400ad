package org.chokepoint.metrics;

import java.util.Map;
import org.chokepoint.agent.Households;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.world.World;

/** What the metrics read of a finished run: its series and the few facts that give them meaning. */
public interface RunView {
    Scenario scenario();

    World world();

    int horizon();

    /** Every metric of every market at every tick. */
    SeriesRecorder series();

    /** Whether any agent trades in the market; the others are not reported. */
    boolean reported(int market);

    /** The first tick a shock acts on, policies included ({@link Scenario#firstShockTick()}), or -1 when none. */
    int firstShockTick();

    /** The final-demand sectors, whose curves value the change in consumer surplus. */
    Households households();

    /** Scale of household sector h's demand curve at a tick, as drawn during the run. */
    double householdScale(int tick, int h);

    /**
     * What the households of a region paid in a tick beyond the market price of what they bought (a resilience
     * standard's premium and penalty on their purchases), US dollars: a loss of consumer surplus no price shows.
     */
    double householdCharges(int tick, int region);

    /** What governments' instruments hold of the market's commodity in its region after the last tick. */
    double publicStockAtEnd(int market);

    /**
     * The part of {@link #publicStockAtEnd(int)} that the instruments of {@code region}'s government hold: an agency
     * may buy in another region's market (a purchase guarantee's {@code marketRegion}), and the stock is an asset of
     * the government that paid for it, not of the region it lies in.
     */
    double publicStockAtEnd(int market, int region);

    /**
     * Adds, per market, what everyone but the governments' instruments holds there after the last tick (firms'
     * output and input stocks, traders' cargo and speculative stock, stockists' and consortium pools' stocks), with
     * the cargo at sea bound for it; and, in US dollars, what of that stock its holders have not yet charged to
     * their surplus (a stockist's or a pool's purchases, booked only when sold or handed on).
     */
    void addPrivateStockAtEnd(double[] quantityByMarket, double[] bookValueByMarket);

    /**
     * Adds, per market, in US dollars, what the new plant of its firms whose capital the sum counted is worth after the
     * last tick ({@link org.chokepoint.agent.PlantBook}).
     */
    void addPlantValueAtEnd(double[] byMarket);

    /** What each policy instrument did over the run, by instrument id; instruments with nothing to say left out. */
    Map<String, Map<String, Double>> policyIndicators();

    /**
     * What the scenario's declared prospects did over the run, by firm entry id: none for a scenario without
     * prospects.
     */
    default Map<String, Map<String, Double>> prospectIndicators() {
        return Map.of();
    }

    /**
     * What the firms whose entries give the capital cost of their plant ordered and paid for over the run, by firm
     * entry id: none for a scenario that gives no capital cost.
     */
    default Map<String, Map<String, Double>> expansionIndicators() {
        return Map.of();
    }
}
