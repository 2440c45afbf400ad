package org.chokepoint.agent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * A trader never holds less than nothing. Under {@code sellerAsk: normalSales} a trader offers its landed stock in
 * two asks, the part beyond its target at the cut and the rest at its full price, and the two parts, each rounded,
 * can add up to an ulp more than the stock: sold whole, they left it that ulp below zero. In
 * {@code ndfeb-magnets-2025.json}, seed 1, three of its lanes did so within the first 160 weeks (down to
 * -3.3e-16 t), and in a variant whose lanes were that market's only holders the market's {@code stock} was written
 * as -2.8e-17 in {@code timeseries.csv} and its days of cover as negative.
 */
class TraderStockTest {

    @Test
    void aTraderThatSellsItsWholeStockHoldsNothingNotLess() throws Exception {
        SupplyShockModel model = new SupplyShockModel(
                ScenarioLoader.load(Path.of("scenarios/ndfeb-magnets-2025.json")).scenario(), 1, 160);
        model.start();
        Traders traders = model.traders();
        StringBuilder below = new StringBuilder();
        for (int tick = 0; tick < 160; tick++) {
            model.stepTick();
            for (int i = 0; i < traders.count; i++) {
                if (traders.stock(i) < 0) {
                    below.append(" trader ").append(i).append(" at tick ").append(tick).append(": ")
                            .append(traders.stock(i)).append(';');
                }
            }
        }
        model.finish();
        assertTrue(below.isEmpty(), "stock below zero:" + below);
    }
}
