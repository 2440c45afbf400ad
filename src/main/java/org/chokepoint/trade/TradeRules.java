package org.chokepoint.trade;

import java.util.ArrayList;
import java.util.List;

/**
 * Every trade measure in force, combined: allowances multiply, taxes, subsidies, tariffs and levies add, granted
 * shares take the tightest, and every measure hears of each request, shipment and landing. With no
 * measure, trade is free.
 */
public final class TradeRules implements TradeMeasure, java.io.Serializable {
    private final List<TradeMeasure> measures = new ArrayList<>();
    private TradeMeasure[] active = new TradeMeasure[0];

    public void add(TradeMeasure measure) {
        measures.add(measure);
        active = measures.toArray(new TradeMeasure[0]);
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
    public double exportSubsidyRate(int origin, int destination, int commodity, int tick) {
        double s = 0.0;
        for (TradeMeasure m : active) {
            s += m.exportSubsidyRate(origin, destination, commodity, tick);
        }
        return s;
    }

    @Override
    public double exportSubsidyPerUnit(int origin, int destination, int commodity, int tick) {
        double s = 0.0;
        for (TradeMeasure m : active) {
            s += m.exportSubsidyPerUnit(origin, destination, commodity, tick);
        }
        return s;
    }

    @Override
    public double importTariffRate(int origin, int destination, int commodity, int tick) {
        double t = 0.0;
        for (TradeMeasure m : active) {
            t += m.importTariffRate(origin, destination, commodity, tick);
        }
        return t;
    }

    @Override
    public double importLevy(int origin, int destination, int commodity, int tick, double landedPrice) {
        double t = 0.0;
        for (TradeMeasure m : active) {
            t += m.importLevy(origin, destination, commodity, tick, landedPrice);
        }
        return t;
    }

    /** The way round open on the lane, its first measure's that leaves one open, unless any measure forbids one. */
    @Override
    public double detourCost(int origin, int destination, int commodity, int tick) {
        if (forbidsWayRound(origin, destination, commodity, tick)) {
            return Double.NaN;
        }
        for (TradeMeasure m : active) {
            double c = m.detourCost(origin, destination, commodity, tick);
            if (!Double.isNaN(c)) {
                return c;
            }
        }
        return Double.NaN;
    }

    @Override
    public boolean forbidsWayRound(int origin, int destination, int commodity, int tick) {
        for (TradeMeasure m : active) {
            if (m.forbidsWayRound(origin, destination, commodity, tick)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public double detourShare(int origin, int destination, int commodity, int tick) {
        if (forbidsWayRound(origin, destination, commodity, tick)) {
            return 0.0;
        }
        for (TradeMeasure m : active) {
            if (!Double.isNaN(m.detourCost(origin, destination, commodity, tick))) {
                return m.detourShare(origin, destination, commodity, tick);
            }
        }
        return 0.0;
    }

    @Override
    public int detourVia(int origin, int destination, int commodity, int tick) {
        if (forbidsWayRound(origin, destination, commodity, tick)) {
            return -1;
        }
        for (TradeMeasure m : active) {
            if (!Double.isNaN(m.detourCost(origin, destination, commodity, tick))) {
                return m.detourVia(origin, destination, commodity, tick);
            }
        }
        return -1;
    }

    @Override
    public double complianceCostRate(int origin, int destination, int commodity, int tick) {
        double t = 0.0;
        for (TradeMeasure m : active) {
            t += m.complianceCostRate(origin, destination, commodity, tick);
        }
        return t;
    }

    @Override
    public boolean refusesAll(int importer, int origin, int destination, int commodity, int tick) {
        for (TradeMeasure m : active) {
            if (m.refusesAll(importer, origin, destination, commodity, tick)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean restrictionAhead(int origin, int destination, int commodity, int tick) {
        for (TradeMeasure m : active) {
            if (m.restrictionAhead(origin, destination, commodity, tick)) {
                return true;
            }
        }
        return false;
    }

    /** The gravest threat any measure's news poses to the lane. */
    @Override
    public double announcedThreat(int origin, int destination, int commodity, int tick) {
        double t = 0.0;
        for (TradeMeasure m : active) {
            t = Math.max(t, m.announcedThreat(origin, destination, commodity, tick));
        }
        return t;
    }

    /**
     * The most any measure on production holds back of the market's own output: measures on one market cap the
     * same firms, each firm making no more than the smallest of its shares, so the tightest is what binds.
     */
    @Override
    public double outputThreatened(int market, int tick) {
        double t = 0.0;
        for (TradeMeasure m : active) {
            t = Math.max(t, m.outputThreatened(market, tick));
        }
        return t;
    }

    @Override
    public int exportRestrictionEnd(int origin, int commodity, int at, int now) {
        int end = -1;
        for (TradeMeasure m : active) {
            end = Math.max(end, m.exportRestrictionEnd(origin, commodity, at, now));
        }
        return end;
    }

    /**
     * When exports of {@code commodity} from {@code origin}, restricted at {@code now}, reopen, as known then:
     * measures that follow one another without a gap (an extension, a replacement announced by now) count as one;
     * {@link Integer#MAX_VALUE} when one of them has no announced end; -1 when none is in force. Unlike
     * {@link #exportRestrictionEnd(int, int, int, int)}, which reads the measures in force at one tick, this one
     * follows the chain.
     */
    public int exportsReopen(int origin, int commodity, int now) {
        int until = now;
        while (true) {
            int next = exportRestrictionEnd(origin, commodity, until, now);
            if (next <= until) {
                return until == now ? -1 : until;
            }
            if (next == Integer.MAX_VALUE) {
                return next;
            }
            until = next;
        }
    }

    @Override
    public void request(int trader, int origin, int destination, int commodity, int tick, double quantity) {
        for (TradeMeasure m : active) {
            m.request(trader, origin, destination, commodity, tick, quantity);
        }
    }

    @Override
    public double grantedShare(int trader, int origin, int destination, int commodity, int tick) {
        double g = 1.0;
        for (TradeMeasure m : active) {
            g = Math.min(g, m.grantedShare(trader, origin, destination, commodity, tick));
        }
        return g;
    }

    /**
     * The share of a request the measures that limit exports grant ({@link TradeMeasure#limitsExports}): what
     * they withhold is what a way round them may carry its leak rate of.
     */
    public double exportGrantedShare(int trader, int origin, int destination, int commodity, int tick) {
        double g = 1.0;
        for (TradeMeasure m : active) {
            if (m.limitsExports()) {
                g = Math.min(g, m.grantedShare(trader, origin, destination, commodity, tick));
            }
        }
        return g;
    }

    @Override
    public void shipped(int trader, int origin, int destination, int commodity, int tick, double quantity,
                        double price) {
        for (TradeMeasure m : active) {
            m.shipped(trader, origin, destination, commodity, tick, quantity, price);
        }
    }

    @Override
    public void landed(int trader, int origin, int destination, int commodity, int tick, double quantity,
                       double landedPrice) {
        for (TradeMeasure m : active) {
            m.landed(trader, origin, destination, commodity, tick, quantity, landedPrice);
        }
    }

    @Override
    public double detourLevy(int origin, int destination, int commodity, int tick, double cif) {
        double t = 0.0;
        for (TradeMeasure m : active) {
            t += m.detourLevy(origin, destination, commodity, tick, cif);
        }
        return t;
    }

    @Override
    public void shippedRound(int trader, int origin, int destination, int commodity, int tick, double quantity,
                             double cif) {
        for (TradeMeasure m : active) {
            m.shippedRound(trader, origin, destination, commodity, tick, quantity, cif);
        }
    }

    @Override
    public void landedRound(int trader, int origin, int destination, int commodity, int tick, double quantity) {
        for (TradeMeasure m : active) {
            m.landedRound(trader, origin, destination, commodity, tick, quantity);
        }
    }
}
