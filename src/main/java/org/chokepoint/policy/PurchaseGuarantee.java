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
 * eligible firms plan on the floor as a price support while the guarantee is in force and the agency takes all
 * they made last tick; once they make more than its cap, on their price plus the gap between the floor and
 * their market's last price times the share of their output the cap covers. The budget pays the
 * purchases at the floor (fiscal cost): a fill at a clearing price below the floor is topped up to the floor,
 * the top-up counted as the producer surplus of the eligible firms' market (where they make in several, shared by
 * what each made). The stockpile counts in the region's stock.
 *
 * <p>With a release rule, the agency sells its stock back while the rule's trigger is on (the price above a
 * multiple of the floor, or of the watched market's own baseline when the trigger watches another; or unmet
 * demand above a share), also after the guarantee has stopped buying: at most
 * {@code maxReleaseShare} of its stock a tick, asked at {@code releasePrice} (default: the floor, what it paid),
 * the receipts going back to the budget. While the guarantee is in force and the market last cleared below its
 * floor, it buys at the floor instead, whatever the trigger says: a trigger may hold for weeks after the price
 * has come back, and the firms plan on the floor meanwhile. Without a release rule it holds the stock to the end
 * of the run.
 */
final class PurchaseGuarantee extends ImporterMeasure {
    private final double floor;
    private final double cap;
    private final EligibleFirms eligible;
    private final int buyMarket;
    /** When the agency sells its stock back; null when it holds it to the end. */
    private final Trigger release;
    private final double releasePrice;
    private final double maxReleaseShare;
    private boolean supporting;
    private boolean releasing;
    private double stock;
    private double bought;
    private double spent;
    private double sold;
    private double receipts;

    PurchaseGuarantee(PurchaseGuaranteeSpec spec, PolicySetting setting) {
        super(spec, commodityOf(spec, setting), triggerOf(spec, setting), setting);
        World world = setting.world();
        String buyRegion = spec.marketRegion() == null ? spec.region() : spec.marketRegion();
        this.floor = spec.floor();
        this.cap = spec.volumeCapPerTick() == null ? Double.POSITIVE_INFINITY : spec.volumeCapPerTick();
        this.eligible = EligibleFirms.of(spec.eligibleRegions(), spec.firmIdPrefix(), world, buyRegion,
                spec.commodity());
        this.buyMarket = world.market(world.regionIndex(buyRegion), commodity);
        this.release = Trigger.of(spec.releaseTrigger(), world, buyRegion, spec.commodity(), start);
        if (release != null) {
            release.setOwnBaseline(buyMarket, floor);
        }
        this.releasePrice = spec.releasePrice() == null ? floor : spec.releasePrice();
        this.maxReleaseShare = spec.maxReleaseShare();
    }

    @Override
    public void beginTick(int tick) {
        super.beginTick(tick);
        Firms f = ctx.firms();
        int[] firms = eligible.of(f);
        if (active()) {
            // While the agency takes all they make the firms are paid the floor whatever they sell: they plan on it.
            // Once they make more than its cap, the floor pays only the share it takes, the rest fetching the
            // market's price: each plans on its price plus that share of the floor's gap over it (the payment a
            // contract for difference settled against another market makes), else they would make for the floor
            // what nobody buys at it and sink their own market's price. The gap is over the price of the firm's
            // own market, which is what its goods fetch, not over the agency's where that lies elsewhere: then at
            // a share of one the firm counts on the floor, as it does under no cap, and a cap never has it count
            // on more.
            double made = 0;
            for (int i : firms) {
                made += f.output(i);
            }
            double covered = coveredShare(made, cap);
            for (int i : firms) {
                double payment = Double.NaN;
                if (covered < 1) {
                    payment = covered * Math.max(floor - ctx.markets().price(f.market(i)), 0);
                }
                f.offerSupport(i, tick, floor, 0, payment, owner());
            }
            supporting = true;
        } else if (supporting) {
            for (int i : firms) {
                f.withdrawSupport(i, tick);
            }
            supporting = false;
        }
        releasing = release != null && tick >= start && release.update(ctx);
    }

    /**
     * The share of {@code made} a volume cap of {@code cap} a tick covers: all of it up to the cap, none under a cap
     * of 0, which buys or pays nothing even in a tick its firms made or sold nothing. Read as all of nothing there,
     * a cap of 0 had mothballed mines count on the whole floor, restart and make at a loss what nobody bought.
     */
    static double coveredShare(double made, double cap) {
        return made > cap ? cap / made : cap > 0 ? 1.0 : 0.0;
    }

    @Override
    public void postOrders(int tick) {
        // While the guarantee holds and the market has fallen below its floor, the floor comes first: the agency
        // buys, as its firms plan on, rather than offer stock at a price no buyer pays (its own bid would take it).
        if (releasing && !(active() && ctx.markets().price(buyMarket) < floor)) {
            double q = maxReleaseShare * stock;
            if (q > 0) {
                ctx.markets().book(buyMarket).addAsk(releasePrice, q, owner());
            }
            return;
        }
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
                payTopUp(dollars(quantity, paid - price));
            }
        } else {
            stock -= quantity;
            sold += quantity;
            double usd = dollars(quantity, price);
            receipts += usd;
            ctx.markets().ledger().receive(market, usd);
        }
    }

    /**
     * The top-up goes to the firms the guarantee is for, whoever sold into the agency's bid: an agency buying in
     * another region than its firms' topped up that region's producers, who plan on no floor, while the firms
     * that do were paid nothing. Where the firms make in several regions, each region's share is what its firms
     * made of what the agency bid for.
     */
    private void payTopUp(double usd) {
        Firms f = ctx.firms();
        int[] firms = eligible.of(f);
        int home = firms.length > 0 ? f.market(firms[0]) : buyMarket;
        double made = 0;
        boolean oneMarket = true;
        for (int i : firms) {
            made += f.output(i);
            oneMarket &= f.market(i) == home;
        }
        if (oneMarket || !(made > 0)) {
            ctx.markets().ledger().revenue(oneMarket ? home : buyMarket, usd);
            return;
        }
        for (int i : firms) {
            if (f.output(i) > 0) {
                ctx.markets().ledger().revenue(f.market(i), usd * (f.output(i) / made));
            }
        }
    }

    @Override
    public void endTick(int tick) {
        super.endTick(tick);
        if (release != null) {
            release.observe(ctx);
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
        map.put("released", sold);
        map.put("receipts", receipts);
        map.put("stockHeld", stock);
        if (release != null) {
            map.put("releaseTicks", (double) release.firedTicks());
        }
        return map;
    }
}
