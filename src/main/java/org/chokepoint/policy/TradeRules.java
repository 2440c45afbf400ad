package org.chokepoint.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Every trade measure in force, combined: allowances multiply, taxes and tariffs add. With no measure,
 * trade is free.
 */
public final class TradeRules implements TradeMeasure {
    private final List<TradeMeasure> measures = new ArrayList<>();
    private TradeMeasure[] active = new TradeMeasure[0];

    public void add(TradeMeasure measure) {
        measures.add(measure);
        active = measures.toArray(new TradeMeasure[0]);
    }

    public boolean isEmpty() {
        return active.length == 0;
    }

    @Override
    public double exportAllowance(int origin, int destination, int commodity, int tick) {
        double a = 1.0;
        for (TradeMeasure m : active) {
            a *= m.exportAllowance(origin, destination, commodity, tick);
        }
        return a;
    }

    @Override
    public double exportTaxRate(int origin, int destination, int commodity, int tick) {
        double t = 0.0;
        for (TradeMeasure m : active) {
            t += m.exportTaxRate(origin, destination, commodity, tick);
        }
        return t;
    }

    @Override
    public double importTariffRate(int origin, int destination, int commodity, int tick) {
        double t = 0.0;
        for (TradeMeasure m : active) {
            t += m.importTariffRate(origin, destination, commodity, tick);
        }
        return t;
    }
}
