package org.chokepoint.model;

import java.util.Arrays;
import org.chokepoint.agent.Industry;
import org.chokepoint.market.Ledger;
import org.chokepoint.market.Markets;
import org.chokepoint.market.Participant;
import org.chokepoint.metrics.Metric;
import org.chokepoint.metrics.SeriesRecorder;
import org.chokepoint.world.World;

/**
 * The last phase of a tick: what every market's ledger booked, the stock every participant holds, the capacity
 * producing, into the run's series; and, when asked, the check that the flows account for the change in stock.
 */
final class Recorder implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final SeriesRecorder series;
    private final Markets markets;
    private final Participant[] participants;
    private final Industry industry;
    private final double daysPerTick;
    /** Weight of this tick's use in the average that days of cover are counted in. */
    private final double absorptionWeight;
    private final boolean checkMassBalance;
    private final double[] absorption;
    private final double[] stock;
    private final double[] capacity;
    private final double[] importsByOrigin;
    private final double[] exportsByDestination;

    /**
     * @param absorptionWeight weight of a tick's use in the average of use that days of cover divide the
     *                         stock by
     */
    Recorder(int horizon, World world, Markets markets, Participant[] participants, Industry industry,
             double absorptionWeight, boolean checkMassBalance) {
        int m = world.marketCount();
        this.series = new SeriesRecorder(horizon, m, world.regionCount());
        this.markets = markets;
        this.participants = participants;
        this.industry = industry;
        this.daysPerTick = world.daysPerTick();
        this.absorptionWeight = absorptionWeight;
        this.checkMassBalance = checkMassBalance;
        absorption = new double[m];
        stock = new double[m];
        capacity = new double[m];
        importsByOrigin = new double[m * world.regionCount()];
        exportsByDestination = new double[m * world.regionCount()];
        if (checkMassBalance) {
            markets.ledger().checkBalance(-1, holdings()); // the opening stock
        }
    }

    SeriesRecorder series() {
        return series;
    }

    /** What every participant holds in each market now. */
    private double[] holdings() {
        Arrays.fill(stock, 0);
        for (Participant p : participants) {
            p.addHoldings(stock);
        }
        return stock;
    }

    void record(int tick) {
        Ledger ledger = markets.ledger();
        double[] held = holdings();
        if (checkMassBalance) {
            ledger.checkBalance(tick, held);
        }
        Arrays.fill(capacity, 0);
        industry.addCapacity(capacity);
        for (int m = 0; m < markets.count(); m++) {
            double use = ledger.consumption(m) + ledger.exports(m);
            absorption[m] = tick == 0 ? use : absorption[m] + absorptionWeight * (use - absorption[m]);
            double days = absorption[m] > 0 ? held[m] / (absorption[m] / daysPerTick) : Double.NaN;
            if (Double.isInfinite(days)) {
                // Use that has died away to almost nothing (the average decays geometrically once a market
                // stops using a good) covers no number of days either.
                days = Double.NaN;
            }
            series.set(tick, m, Metric.PRICE, markets.price(m));
            series.set(tick, m, Metric.TRADED, ledger.traded(m));
            series.set(tick, m, Metric.PRODUCTION, ledger.production(m));
            series.set(tick, m, Metric.CONSUMPTION, ledger.consumption(m));
            series.set(tick, m, Metric.IMPORTS, ledger.imports(m));
            series.set(tick, m, Metric.EXPORTS, ledger.exports(m));
            series.set(tick, m, Metric.STOCK, held[m]);
            series.set(tick, m, Metric.INVENTORY_DAYS, days);
            series.set(tick, m, Metric.UNMET_DEMAND, ledger.unmet(m));
            series.set(tick, m, Metric.UNMET_FINAL_DEMAND, ledger.unmetFinal(m));
            series.set(tick, m, Metric.CAPACITY, capacity[m]);
            series.set(tick, m, Metric.PRODUCER_SURPLUS, ledger.producerSurplus(m));
            series.set(tick, m, Metric.FISCAL_COST, ledger.fiscalCost(m));
            series.set(tick, m, Metric.LEVY_REVENUE, ledger.levyRevenue(m));
            series.set(tick, m, Metric.QUOTA_RENT, ledger.quotaRent(m));
            series.set(tick, m, Metric.TRADER_SURPLUS, ledger.traderSurplus(m));
        }
        ledger.copyByPartner(importsByOrigin, exportsByDestination);
        series.setFlows(tick, importsByOrigin, exportsByDestination);
    }
}
