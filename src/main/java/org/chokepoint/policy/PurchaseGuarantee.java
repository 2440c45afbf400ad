package org.chokepoint.policy;

import java.util.Map;
import org.chokepoint.agent.Firms;
import org.chokepoint.scenario.spec.PurchaseGuaranteeSpec;
import org.chokepoint.world.World;

/**
 * A purchase guarantee (offtake at the floor): while in force, a government agency bids the floor price in
 * the eligible firms' market for as much as they made last tick (up to {@code volumeCapPerTick}). When the
 * market would clear below the floor the agency's bid is what clears it, so it buys into a government
 * stockpile at the floor; when the market is above the floor the bid goes unfilled and costs nothing. The
 * eligible firms plan on the floor as a price support while the guarantee is in force. The budget pays the
 * purchases at the floor (fiscal cost): a fill at a clearing price below the floor is topped up to the floor,
 * the top-up counted as the market's producer surplus. The stockpile is held to the end of the run and counts
 * in the region's stock.
 */
final class PurchaseGuarantee extends ImporterMeasure {
    private final double floor;
    private final double cap;
    private final EligibleFirms eligible;
    private final int buyMarket;
    private boolean supporting;
    private double stock;
    private double bought;
    private double spent;

    PurchaseGuarantee(PurchaseGuaranteeSpec spec, PolicySetting setting) {
        super(spec, commodityOf(spec, setting), triggerOf(spec, setting), setting);
        World world = setting.world();
        String buyRegion = spec.marketRegion() == null ? spec.region() : spec.marketRegion();
        this.floor = spec.floor();
        this.cap = spec.volumeCapPerTick() == null ? Double.POSITIVE_INFINITY : spec.volumeCapPerTick();
        this.eligible = EligibleFirms.of(spec.eligibleRegions(), spec.firmIdPrefix(), world, buyRegion,
                spec.commodity());
        this.buyMarket = world.market(world.regionIndex(buyRegion), commodity);
    }

    @Override
    public void beginTick(int tick) {
        super.beginTick(tick);
        Firms f = ctx.firms();
        int[] firms = eligible.of(f);
        if (active()) {
            for (int i : firms) {
                f.support(i, floor, 0);
            }
            supporting = true;
        } else if (supporting) {
            for (int i : firms) {
                f.withdrawSupport(i);
            }
            supporting = false;
        }
    }

    @Override
    public void postOrders(int tick) {
        if (!active()) {
            return;
        }
        Firms f = ctx.firms();
        double q = 0;
        for (int i : eligible.of(f)) {
            q += f.output(i);
        }
        q = Math.min(q, cap);
        if (q > 0) {
            ctx.markets().book(buyMarket).addBid(floor, q, owner());
        }
    }

    @Override
    protected void settle(int m, double quantity, double price, boolean purchase) {
        if (purchase) {
            stock += quantity;
            bought += quantity;
            // The guarantee is the floor: what the market clears below it the agency tops up to the sellers.
            double paid = Math.max(price, floor);
            double usd = dollars(quantity, paid);
            spent += usd;
            ctx.markets().ledger().spend(market, usd);
            if (paid > price) {
                ctx.markets().ledger().revenue(buyMarket, dollars(quantity, paid - price));
            }
        }
    }

    @Override
    public void countOrders(int[] orders) {
        orders[buyMarket]++;
    }

    @Override
    public double stockIn(int m) {
        return m == buyMarket ? stock : 0;
    }

    @Override
    public Map<String, Double> indicators() {
        Map<String, Double> map = super.indicators();
        map.put("purchased", bought);
        map.put("spent", spent);
        map.put("stockHeld", stock);
        return map;
    }
}
