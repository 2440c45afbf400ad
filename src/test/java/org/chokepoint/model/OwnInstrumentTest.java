package org.chokepoint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chokepoint.metrics.Metric;
import org.chokepoint.metrics.SeriesRecorder;
import org.chokepoint.policy.Instrument;
import org.chokepoint.policy.PolicySetting;
import org.chokepoint.policy.PolicyTypes;
import org.chokepoint.policy.Timing;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.chokepoint.scenario.spec.PolicySpec;
import org.chokepoint.scenario.spec.SpecCheck;
import org.chokepoint.world.World;
import org.junit.jupiter.api.Test;
import sim.engine.SimState;

/**
 * A study adds an importer instrument of its own with one spec record, one class and one registry line, all in
 * this file and none in the model: a government agency that buys a fixed quantity every tick at any price up to
 * a limit and holds what it buys (a stockpile filled at a steady pace).
 *
 * <p>The run is the textbook small-country case (test scenario importer-linear: an importer D with supply
 * {@code S(p) = 10 (p - 3)} and demand {@code D(p) = 150 - 5 p}, a world region W whose supply is almost flat at
 * about 5, transport 0.5 a unit). There a purchase of {@code G} a tick by D's government does not move D's price,
 * which imports from the much larger world set: D's firms make and its households buy what they did without it,
 * imports rise by {@code G}, and the budget pays {@code G} times each tick's price.
 */
class OwnInstrumentTest {
    static final int D = 1;
    static final int START = 100;
    static final int FROM = 150;
    static final int TO = 320;
    /** What the agency buys a tick, and the most it pays: twice the initial price. */
    static final double G = 20;
    static final double LIMIT = 12;
    /** The test scenario's metal is priced in US dollars a unit. */
    static final double VALUE_PER_UNIT = 1;

    /** The instrument's fields, as a scenario would give them under {@code "type": "fixedPurchase"}. */
    @JsonTypeName("fixedPurchase")
    record FixedPurchaseSpec(String id, String region, String commodity, double quantityPerTick, double limitPrice,
                             Integer announce, Integer start, Integer end) implements PolicySpec {
        @Override
        public void check(SpecCheck at) {
            at.region("region", region);
            at.commodity("commodity", commodity);
        }
    }

    /** Bids its quantity at its limit in its own region's market every tick in force; books what it pays. */
    static final class FixedPurchase extends Instrument {
        private final int market;
        private final double quantity;
        private final double limit;
        private final double valuePerUnit;
        private double held;
        private double spent;
        private double[] boughtAt = new double[0];

        FixedPurchase(FixedPurchaseSpec spec, PolicySetting setting) {
            this(spec, setting.world(), Timing.of(spec, setting.horizonTicks()));
        }

        private FixedPurchase(FixedPurchaseSpec spec, World world, Timing timing) {
            super(spec.id(), world.regionIndex(spec.region()), timing.announce(), timing.start(), timing.end());
            int commodity = world.commodityIndex(spec.commodity());
            this.market = world.market(region, commodity);
            this.quantity = spec.quantityPerTick();
            this.limit = spec.limitPrice();
            this.valuePerUnit = world.commodity(commodity).valuePerUnit();
        }

        @Override
        public void countOrders(int[] orders) {
            orders[market]++;
        }

        @Override
        public void postOrders(int tick) {
            if (inForce(tick)) {
                ctx.markets().book(market).addBid(limit, quantity, owner());
            }
        }

        @Override
        protected void settle(int m, double bought, double price, boolean purchase) {
            int tick = ctx.tick();
            if (tick >= boughtAt.length) {
                boughtAt = java.util.Arrays.copyOf(boughtAt, Math.max(tick + 1, 2 * boughtAt.length));
            }
            boughtAt[tick] += bought;
            held += bought;
            double usd = bought * price * valuePerUnit;
            spent += usd;
            ctx.markets().ledger().spend(m, usd);
        }

        double boughtAt(int tick) {
            return tick < boughtAt.length ? boughtAt[tick] : 0;
        }

        @Override
        public double stockIn(int m) {
            return m == market ? held : 0;
        }

        @Override
        public Map<String, Double> indicators() {
            Map<String, Double> out = new LinkedHashMap<>();
            out.put("purchased", held);
            out.put("spent", spent);
            return out;
        }
    }

    static final PolicyTypes TYPES = PolicyTypes.STANDARD.with(FixedPurchaseSpec.class, FixedPurchase::new);

    /** The small-country case with D's government buying {@code G} a tick from {@link #START} on. */
    static Scenario withPurchase() throws Exception {
        Scenario base = ScenarioLoader.load(Path.of(OwnInstrumentTest.class
                .getResource("/scenarios/importer-linear.json").toURI())).scenario();
        PolicySpec purchase = new FixedPurchaseSpec("agency", "D", "metal", G, LIMIT, null, START, null);
        return new Scenario(base.meta(), base.time(), base.regions(), base.commodities(), base.recipes(),
                base.routes(), base.behaviour(), base.firms(), base.traders(), base.demand(), List.of(),
                List.of(purchase), base.consortia(), base.openingStocks(), base.stockists(), base.outputs());
    }

    static double mean(SeriesRecorder s, Metric metric) {
        double sum = 0;
        for (int t = FROM; t < TO; t++) {
            sum += s.get(t, D, metric);
        }
        return sum / (TO - FROM);
    }

    @Test
    void aFixedPurchaseInASmallCountryIsMetByImportsAndPaidAtEachTicksPrice() throws Exception {
        RunOutcome out = Simulation.run(withPurchase(), 7, -1, 1, TYPES);
        SeriesRecorder with = out.model().series();
        SeriesRecorder without = out.counterfactual().series();

        // Uniform-price clearing: a bid above the clearing price is filled in full, one below it not at all, and
        // one at it, the marginal bid, gets what the asks leave. So the agency buys G at every tick in force whose
        // price is below its limit, nothing when the price jumps above it (the first ticks, before traders bring
        // in more), at most G when its own bid sets the price; and it pays that tick's price.
        FixedPurchase agent = (FixedPurchase) out.model().instruments().get(0);
        double[] purchase = new double[out.model().horizon()];
        double held = 0;
        double cost = 0;
        for (int t = 0; t < purchase.length; t++) {
            double p = with.get(t, D, Metric.PRICE);
            purchase[t] = agent.boughtAt(t);
            if (t < START || p > LIMIT) {
                assertEquals(0.0, purchase[t], "nothing bought out of force or above the limit, tick " + t);
            } else if (p < LIMIT) {
                assertEquals(G, purchase[t], 1e-9 * G, "G bought below the limit, tick " + t);
            } else {
                assertTrue(purchase[t] <= G * (1 + 1e-12), "the marginal bid gets at most its quantity, tick " + t);
            }
            double paid = purchase[t] * p * VALUE_PER_UNIT;
            assertEquals(paid, with.get(t, D, Metric.FISCAL_COST), 1e-9 * paid, "fiscal cost, tick " + t);
            held += purchase[t];
            cost += paid;
        }
        // D's price, about 5.5, stays far below the limit of 12, so the agency buys G in every tick in force: 20 x 220.
        assertEquals(G * (purchase.length - START), held, 1e-9 * G * (purchase.length - START),
                "bought G at every tick in force: " + held);
        Map<String, Double> agency = out.summary().policies().get("agency");
        assertEquals(held, agency.get("purchased"), 1e-9 * held, "what the agency holds");
        assertEquals(cost, agency.get("spent"), 1e-9 * cost, "what it paid");
        assertEquals(cost, out.summary().totals().fiscalCost(), 1e-9 * cost, "the run's fiscal cost is the agency's");

        // A small country's extra purchase does not move its price, so its firms make and its households buy what
        // they did without it, and what the agency takes comes from abroad. Traders import more only as their
        // landed stock in D runs below its cover, so over this window their stocks and flows are still settling:
        // by mass balance, with output and use unchanged, imports rise by the purchase, G = 20 a tick, within 2%
        // (20.3 over weeks 150-320).
        double price = mean(without, Metric.PRICE);
        assertEquals(price, mean(with, Metric.PRICE), 0.02 * price, "the price stays where it was");
        double made = mean(without, Metric.PRODUCTION);
        assertEquals(made, mean(with, Metric.PRODUCTION), 0.02 * made, "D's firms make what they made");
        double used = mean(without, Metric.CONSUMPTION);
        assertEquals(used, mean(with, Metric.CONSUMPTION), 0.02 * used, "D's households buy what they bought");
        double bought = 0;
        for (int t = FROM; t < TO; t++) {
            bought += purchase[t] / (TO - FROM);
        }
        double moreImports = mean(with, Metric.IMPORTS) - mean(without, Metric.IMPORTS);
        assertEquals(bought, moreImports, 0.02 * bought, "imports rise by the purchase");
    }

    @Test
    void theShippedRegistryRefusesATypeItWasNotGiven() throws Exception {
        SupplyShockModel standard = new SupplyShockModel(withPurchase(), 7, -1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, standard::start);
        assertTrue(e.getMessage().contains("FixedPurchaseSpec"), e.getMessage());
    }

    @Test
    void aRunWithItsOwnInstrumentRestoresFromACheckpointAndEndsTheSame() throws Exception {
        SupplyShockModel run = new SupplyShockModel(withPurchase(), 7, -1, TYPES);
        run.start();
        while (run.tick() < 200) {
            run.stepTick();
        }
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        run.writeToCheckpoint(saved);
        run.runToHorizon();

        // The checkpoint holds the scenario as JSON; the registry it also holds names the study's spec type, so
        // the "fixedPurchase" entry reads back into its record.
        SupplyShockModel restored = (SupplyShockModel) SimState.readFromCheckpoint(
                new ByteArrayInputStream(saved.toByteArray()));
        assertEquals(run.scenario().policies(), restored.scenario().policies());
        restored.runToHorizon();
        assertEquals(run.policyIndicators(), restored.policyIndicators());
        for (int t = 0; t < run.horizon(); t++) {
            for (Metric metric : Metric.values()) {
                assertEquals(Double.doubleToRawLongBits(run.series().get(t, D, metric)),
                        Double.doubleToRawLongBits(restored.series().get(t, D, metric)), metric + " at tick " + t);
            }
        }
    }
}
