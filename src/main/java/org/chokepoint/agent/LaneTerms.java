package org.chokepoint.agent;

import org.chokepoint.market.Markets;
import org.chokepoint.trade.TradeRules;

/**
 * The terms every trader of one lane (one entry of the scenario's traders: one origin, destination, commodity
 * and route) faces in a tick: the route's state, the trade measures on the lane and the prices at both ends.
 * Tens of thousands of traders share a handful of lanes, so these are worked out once per lane per tick rather
 * than once per trader; each is the expression a trader would evaluate, operand for operand, so the figures
 * are the same to the bit.
 *
 * <p>So is what supply risk ({@link SupplyRisk}) does to a lane: the risk is per destination market and tick,
 * so the cover the lane's traders aim for and the news revision of the price they expect are too; what the
 * rules refuse the lane is as well. What its own licence or quota grant refuses a trader is its own, as is the
 * levy.
 *
 * <p>The import levy is not among them: a levy may depend on what earlier traders asked for this tick (a
 * tariff-rate quota's in-quota licences run out), so each trader asks for its own.
 */
final class LaneTerms implements java.io.Serializable {
    final int[] origin;
    final int[] destination;
    final int[] commodity;
    final int[] route;
    final int[] originMarket;
    final int[] destinationMarket;
    /** Traders on the lane: a lane with none is left alone. */
    final int[] members;

    /** Whether the lane's traders buy for shipment at all: its route is open and some cargo may go. */
    final boolean[] trading;
    /** The lane is banned: only a detour round the ban ships. */
    final boolean[] banned;
    /** The lane's route is open and a ban with no detour round it stops all its cargo. */
    final boolean[] shut;
    /** The lane's route is open and no ban stops its cargo: it can take on capacity a closed lane turns to it. */
    final boolean[] open;
    final boolean[] canDetour;
    /** A restriction on the lane is announced and not yet in force. */
    final boolean[] ahead;
    final double[] allowance;
    /** Extra cost per unit of the detour; NaN where none is open. */
    final double[] detourCost;
    final double[] detourShare;
    final int[] detourVia;
    /** Export tax and compliance cost less an ad valorem export subsidy, as a share of the origin price. */
    final double[] tax;
    /** The compliance cost of a licence, as a share of the origin price: a cost no one receives. */
    final double[] compliance;
    /** An export subsidy per unit, which comes off what the cargo costs. */
    final double[] rebate;
    /** The import tariff, as a share of the landed price. */
    final double[] tariff;
    /** The route's freight per unit this tick. */
    final double[] cost;
    /** The route's transit in ticks, and the voyage the lane's cargo takes (round a ban, longer). */
    final int[] routeTransit;
    final int[] voyage;
    final double[] originPrice;
    final double[] destinationPrice;
    /** The origin price with export tax and compliance cost, plus transport. */
    final double[] cif;
    /** The destination price net of the import tariff, before any levy. */
    final double[] netOfTariff;
    /**
     * Ticks of normal sales the lane's traders aim to hold at the destination: their usual cover, raised toward
     * the cover at full risk in proportion to the risk the destination's buyers perceive.
     */
    final double[] stockCover;
    /** Whether the destination's buyers read a supply risk this tick, so the lane holds more than its usual cover. */
    final boolean[] holdsCover;
    /**
     * The factor by which this tick's news moves the price the lane's traders expect at the destination: as the
     * risk rises, buyers there seek the larger cover, and by the stock-price relation the price rises by the
     * ratio of the covers to the power η (see {@link PrecautionaryBid}); 1 when the risk does not rise.
     */
    final double[] newsRevision;
    /**
     * Share of its usual flow the rules refuse the lane this tick: all of it when its route is closed or it is
     * banned, what the export allowance withholds otherwise.
     */
    final double[] refused;

    LaneTerms(int lanes) {
        origin = new int[lanes];
        destination = new int[lanes];
        commodity = new int[lanes];
        route = new int[lanes];
        originMarket = new int[lanes];
        destinationMarket = new int[lanes];
        members = new int[lanes];
        trading = new boolean[lanes];
        banned = new boolean[lanes];
        shut = new boolean[lanes];
        open = new boolean[lanes];
        canDetour = new boolean[lanes];
        ahead = new boolean[lanes];
        allowance = new double[lanes];
        detourCost = new double[lanes];
        detourShare = new double[lanes];
        detourVia = new int[lanes];
        tax = new double[lanes];
        compliance = new double[lanes];
        rebate = new double[lanes];
        tariff = new double[lanes];
        cost = new double[lanes];
        routeTransit = new int[lanes];
        voyage = new int[lanes];
        originPrice = new double[lanes];
        destinationPrice = new double[lanes];
        cif = new double[lanes];
        netOfTariff = new double[lanes];
        stockCover = new double[lanes];
        holdsCover = new boolean[lanes];
        newsRevision = new double[lanes];
        refused = new double[lanes];
    }

    void define(int e, int traders, int from, int to, int c, int r, int fromMarket, int toMarket) {
        members[e] = traders;
        origin[e] = from;
        destination[e] = to;
        commodity[e] = c;
        route[e] = r;
        originMarket[e] = fromMarket;
        destinationMarket[e] = toMarket;
    }

    /** The routes' transit this tick: what the lanes' supply lines are measured against. */
    void updateRoutes(RouteConditions routes) {
        for (int e = 0; e < route.length; e++) {
            if (members[e] > 0) {
                routeTransit[e] = routes.transit(route[e]);
            }
        }
    }

    /**
     * The cover each lane's traders aim for and the news revision of the price they expect, from the risk at the
     * destination this tick, by the same rule a manufacturer reads the news with; with no risk, their usual cover
     * and no revision.
     *
     * @param risk the supply risk buyers perceive; null, none
     * @param usualCover ticks of normal sales held without risk
     * @param precaution the cover at full risk and the stock-price relation
     */
    void updateRisk(SupplyRisk risk, double usualCover, PrecautionaryBid precaution) {
        for (int e = 0; e < route.length; e++) {
            if (members[e] == 0) {
                continue;
            }
            double now = risk == null ? 0 : risk.of(destinationMarket[e]);
            double before = risk == null ? 0 : risk.before(destinationMarket[e]);
            stockCover[e] = precaution.cover(usualCover, now);
            holdsCover[e] = stockCover[e] > usualCover;
            newsRevision[e] = precaution.newsRevision(usualCover, now, before);
        }
    }

    /**
     * The lanes' terms this tick, from the quotes of the markets and the measures in force. Called once a tick,
     * after cargo has landed and before any trader asks to ship: the measures answer these from the tick and the
     * lane alone.
     */
    void update(int tick, Markets markets, RouteConditions routes, TradeRules rules, int detourTicks) {
        for (int e = 0; e < route.length; e++) {
            if (members[e] == 0) {
                continue;
            }
            int o = origin[e];
            int d = destination[e];
            int c = commodity[e];
            int r = route[e];
            double pd = markets.price(destinationMarket[e]);
            double po = markets.price(originMarket[e]);
            originPrice[e] = po;
            destinationPrice[e] = pd;
            ahead[e] = rules.restrictionAhead(o, d, c, tick);
            if (routes.closed(r)) {
                trading[e] = false;
                shut[e] = false;
                open[e] = false;
                refused[e] = 1;
                continue;
            }
            double a = rules.exportAllowance(o, d, c, tick);
            refused[e] = Math.min(1.0, Math.max(0.0, 1 - a));
            double extra = rules.detourCost(o, d, c, tick);
            boolean detour = !Double.isNaN(extra);
            allowance[e] = a;
            detourCost[e] = extra;
            canDetour[e] = detour;
            banned[e] = a <= 0;
            shut[e] = a <= 0 && !detour;
            open[e] = a > 0;
            trading[e] = a > 0 || detour;
            if (!trading[e]) {
                continue;
            }
            if (detour) {
                detourVia[e] = rules.detourVia(o, d, c, tick);
                detourShare[e] = rules.detourShare(o, d, c, tick);
            }
            double cst = routes.cost(r);
            cost[e] = cst;
            voyage[e] = routes.transit(r) + (a <= 0 ? detourTicks : 0);
            // An export subsidy is a negative tax: ad valorem it comes off the rate, per unit off the cost.
            double comply = rules.complianceCostRate(o, d, c, tick);
            double t = rules.exportTaxRate(o, d, c, tick) + comply - rules.exportSubsidyRate(o, d, c, tick);
            double perUnit = rules.exportSubsidyPerUnit(o, d, c, tick);
            double tf = rules.importTariffRate(o, d, c, tick);
            tax[e] = t;
            compliance[e] = comply;
            rebate[e] = perUnit;
            tariff[e] = tf;
            cif[e] = po * (1 + t) + cst - perUnit;
            netOfTariff[e] = pd / (1 + tf);
        }
    }
}
