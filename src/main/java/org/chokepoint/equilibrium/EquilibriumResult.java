package org.chokepoint.equilibrium;

import java.util.List;
import java.util.Map;

/**
 * A scenario's spatial price equilibrium at one tick. Quantities are per tick in each commodity's quantity
 * unit, prices in its price unit, money in US dollars per tick.
 *
 * @param tick the tick whose demand, events and instruments were used
 * @param markets every market anything buys or sells in, in market order ({@code region * commodities + commodity})
 * @param lanes every arc goods can move along, in the order of the scenario's traders
 * @param firms every row of the firm parameters solved for, in their order (mothballed rows produce nothing)
 * @param instruments every instrument in force, in the scenario's order, with its fiscal figures (none for an
 *                    instrument that does nothing at rest: a stockpile, a capex subsidy, a notice)
 * @param convergence how the solver got there
 */
public record EquilibriumResult(int tick, List<MarketResult> markets, List<LaneResult> lanes, List<FirmResult> firms,
                                List<InstrumentResult> instruments, Convergence convergence) {

    /**
     * @param market the market's index in the world
     * @param finalConsumption what households buy
     * @param intermediateUse what manufacturers use as inputs
     * @param offtake what a government agency buys into its stock (a purchase guarantee)
     * @param rationed final demand at the choke price left unserved, when the market's price stands there
     * @param levyRevenue export taxes (in the exporting market), import levies and tariffs (in the importing one)
     * @param quotaRent rents of export-quota and tariff-rate-quota holders, counted in the destination market
     * @param fiscalCost contracts for difference paid net of clawback, and offtake purchases
     */
    public record MarketResult(int market, String region, String commodity, double price, double production,
                               double finalConsumption, double intermediateUse, double imports, double exports,
                               double offtake, double rationed, double capacity, double levyRevenue,
                               double quotaRent, double fiscalCost) {
        public double consumption() {
            return finalConsumption + intermediateUse;
        }
    }

    /**
     * @param kind direct, inQuota, outOfQuota, detour (round a restriction through {@code via}) or offtake
     * @param trader the trader entry the lane belongs to, or null for an offtake
     * @param bound the most the arc can carry alone (lane capacity times any licence approval)
     * @param gap destination price less origin price
     * @param wedge the gap at which the arc's trade just pays: transport, taxes, tariffs, levies, margin
     * @param rent per unit, what the gap exceeds the wedge by when a volume limit binds (quota rent)
     */
    public record LaneResult(String kind, String trader, String commodity, String from, String to, String via,
                             double flow, double bound, double gap, double wedge, double rent) { }

    /**
     * @param output per firm, what each of the row's firms makes
     * @param utilisation output over capacity; NaN for a firm without capacity, which has none
     * @param netPrice the price the firm plans on for its own work (for a manufacturer, net of input costs)
     * @param inputUse per firm, what it uses of each input of its recipe, in the recipe's order
     */
    public record FirmResult(String id, String type, String region, String commodity, double count, double capacity,
                             double output, double utilisation, double netPrice, double[] inputUse) { }

    /** @param figures named fiscal figures, US dollars per tick (volumes in quantity units per tick) */
    public record InstrumentResult(String id, String type, Map<String, Double> figures) { }

    /**
     * @param rounds rounds of updating the price-dependent wedges
     * @param newtonSteps Newton steps over all rounds, each one convex quadratic programme
     * @param maxExcessDemand largest imbalance of any market, in its quantity unit
     * @param maxRelativeExcessDemand the same as a share of the market's volume
     * @param complementarityGap largest {@code flow x slack} or {@code rent x spare volume}, US dollars per tick
     * @param relativeComplementarityGap the same as a share of the value of all markets' volume
     * @param wedgeChange largest relative change of a wedge in the last round
     * @param start where the solve that is reported started: {@code initialPrices}, or {@code firmCosts} when
     *              it did not converge from them and was started again from prices built up from the firms' costs
     */
    public record Convergence(boolean converged, int rounds, int newtonSteps, double maxExcessDemand,
                              double maxRelativeExcessDemand, String worstMarket, double complementarityGap,
                              double relativeComplementarityGap, double wedgeChange, double tolerance, String start) { }

    /** Price of a market by its index in the world, NaN for a market nothing trades in. */
    public double price(int market) {
        for (MarketResult m : markets) {
            if (m.market() == market) {
                return m.price();
            }
        }
        return Double.NaN;
    }

    public MarketResult market(String region, String commodity) {
        for (MarketResult m : markets) {
            if (m.region().equals(region) && m.commodity().equals(commodity)) {
                return m;
            }
        }
        throw new IllegalArgumentException("no market " + region + "/" + commodity + " in the equilibrium");
    }

    /** Total flow on the arcs of a trader entry (all kinds). */
    public double laneFlow(String trader) {
        double s = 0;
        for (LaneResult l : lanes) {
            if (trader.equals(l.trader())) {
                s += l.flow();
            }
        }
        return s;
    }
}
