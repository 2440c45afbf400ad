package org.chokepoint.agent;

import java.util.List;
import org.chokepoint.market.Ledger;
import org.chokepoint.market.Markets;
import org.chokepoint.market.OrderBook;
import org.chokepoint.market.Owner;
import org.chokepoint.market.Participant;
import org.chokepoint.scenario.BehaviourSpec;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.world.World;

/**
 * Stockists: firms that buy a commodity in their region, store it and sell it again there (Japan's rare-earth
 * trading houses and distributors, a metal merchant's warehouse). Each holds a target stock, the opening stock the
 * scenario gives it, and pays to carry what it holds: storage per unit and week, and interest on the stock's value
 * at the going price.
 *
 * <p>What it paid for its stock, plus the carrying cost it has borne on it since (the tick in progress included, at
 * the price quoted as it opens), is what the stock has cost it. Each tick it offers its whole stock at that cost per unit, raised by the model's stock-price relation
 * {@code (target / stock)^η} as the stock falls below its target (the last units, which keep its regular customers
 * supplied, are dearer to it) and never below the price it expects: so it sells when buyers bid above what its
 * stock cost it, and not while it expects the price to stand higher. Short of its target it buys back, closing
 * {@code 1 / stockAdjustTicks} of the gap a tick, at most at its expected price less one tick's carrying cost: only
 * when the price is below what it expects. At rest it neither sells (the price stands below its cost, which
 * includes carrying) nor buys (it holds its target), so a world with stockists and no shock stays at rest.
 *
 * <p>Accounts, in its market's producer surplus: a sale earns its revenue less what the units sold had cost when
 * bought (the stock it holds is an asset, not a loss, until sold); carrying costs count against it every tick.
 * Goods move only by the auction; the stock counts in the market's stock.
 */
public final class Stockists implements Participant {
    public final int count;
    private final String[] id;
    private final int[] market;
    /** US dollars per unit held for a tick, and the interest per tick on the stock's value. */
    private final double[] storagePerTick;
    private final double[] interestPerTick;
    /** US dollars per unit of the commodity at a price of one price unit. */
    private final double[] value;
    private final double[] stock;
    private final double[] target;
    /** What the stock held cost when bought, US dollars. */
    private final double[] paid;
    /** Carrying cost borne on the stock held, US dollars: with {@link #paid}, what the stock has cost. */
    private final double[] carried;
    private final double[] expected;
    private final double expectationRate;
    private final double adjustTicks;
    private final double elasticity;
    private final double maxRatio;
    private int seat;
    private Markets markets;
    private Ledger ledger;

    private Stockists(int n, BehaviourSpec b) {
        count = n;
        id = new String[n];
        market = new int[n];
        storagePerTick = new double[n];
        interestPerTick = new double[n];
        value = new double[n];
        stock = new double[n];
        target = new double[n];
        paid = new double[n];
        carried = new double[n];
        expected = new double[n];
        expectationRate = b.expectationRate();
        adjustTicks = b.stockAdjustTicks();
        elasticity = b.askStockElasticity();
        maxRatio = b.maxStockPriceRatio();
    }

    /** The scenario's stockists, each with nothing in stock until {@link #open} gives it its opening stock. */
    public static Stockists build(List<Scenario.StockistSpec> specs, World world, BehaviourSpec b) {
        Stockists s = new Stockists(specs.size(), b);
        double weeksPerTick = 52.0 / world.ticksPerYear();
        for (int i = 0; i < specs.size(); i++) {
            Scenario.StockistSpec spec = specs.get(i);
            int c = world.commodityIndex(spec.commodity());
            s.id[i] = spec.id();
            s.market[i] = world.market(world.regionIndex(spec.region()), c);
            s.storagePerTick[i] = spec.storageCostPerUnitWeek() * weeksPerTick;
            s.interestPerTick[i] = spec.interestPerYear() / world.ticksPerYear();
            s.value[i] = world.commodity(c).valuePerUnit();
        }
        return s;
    }

    /** Connects the stockists to the markets they trade in. */
    public void connect(Markets markets) {
        this.markets = markets;
        this.ledger = markets.ledger();
    }

    /**
     * Gives stockist i its opening stock, bought at {@code price}: the stock it aims to hold from then on, at the
     * price it expects.
     */
    public void open(int i, double quantity, double price) {
        stock[i] = quantity;
        target[i] = quantity;
        paid[i] = quantity * price * value[i];
        carried[i] = 0;
        expected[i] = price;
    }

    public String id(int i) { return id[i]; }
    public int market(int i) { return market[i]; }
    public double stock(int i) { return stock[i]; }
    public double expectedPrice(int i) { return expected[i]; }

    /** What its stock has cost it per unit, in price units: the price paid plus the carrying cost borne since. */
    public double unitCost(int i) {
        return stock[i] > 0 ? (paid[i] + carried[i]) / (stock[i] * value[i]) : Double.NaN;
    }

    /** Carrying cost of a unit held one tick at price p, in price units. */
    private double carryPerUnit(int i, double p) {
        return storagePerTick[i] / value[i] + interestPerTick[i] * p;
    }

    @Override
    public void seat(int seat) {
        this.seat = seat;
    }

    @Override
    public void countOrders(int[] orders) {
        for (int i = 0; i < count; i++) {
            orders[market[i]] += 2;
        }
    }

    @Override
    public void markMarkets(boolean[] used) {
        for (int i = 0; i < count; i++) {
            used[market[i]] = true;
        }
    }

    @Override
    public void postOrders(int tick) {
        for (int i = 0; i < count; i++) {
            int m = market[i];
            OrderBook book = markets.book(m);
            double held = stock[i];
            // The week in progress is paid for whatever is sold in it: its carrying cost counts before the stock
            // is offered, so even at the start a unit asks more than it was bought for.
            double carry = held * carryPerUnit(i, markets.price(m)) * value[i];
            if (carry > 0) {
                carried[i] += carry;
                ledger.inputCost(m, carry);
            }
            if (held > 1e-12) {
                double ratio = held < target[i] ? Math.min(maxRatio, Math.pow(target[i] / held, elasticity)) : 1.0;
                double ask = Math.max(unitCost(i) * ratio, expected[i]);
                book.addAsk(ask, held, Owner.of(seat, 2 * i));
            }
            double gap = target[i] - held;
            if (gap > 1e-12 * target[i]) {
                double limit = expected[i] - carryPerUnit(i, expected[i]);
                if (limit > 0) {
                    book.addBid(limit, gap / adjustTicks, Owner.of(seat, 2 * i + 1));
                }
            }
        }
    }

    @Override
    public void settleAsks(OrderBook book, int m, int from, int to) {
        double p = markets.price(m);
        for (int k = from; k < to; k++) {
            double q = book.askFilled(k);
            if (q > 0) {
                sell(Owner.tag(book.askOwner(k)) / 2, q, p);
            }
        }
    }

    @Override
    public void settleBids(OrderBook book, int m, int from, int to) {
        if (!book.crossed()) {
            return;
        }
        double p = markets.price(m);
        for (int k = from; k < to; k++) {
            double q = book.bidFilled(k);
            if (q > 0) {
                buy(Owner.tag(book.bidOwner(k)) / 2, q, p);
            }
        }
    }

    /** A sale earns its revenue less what the units sold had cost when bought. */
    private void sell(int i, double q, double p) {
        double share = Math.min(1.0, q / stock[i]);
        double cost = paid[i] * share;
        paid[i] -= cost;
        carried[i] -= carried[i] * share;
        stock[i] = Math.max(0.0, stock[i] - q);
        ledger.revenue(market[i], q * p * value[i]);
        ledger.inputCost(market[i], cost);
    }

    /** A purchase adds to the stock at its price; it costs the surplus nothing until sold. */
    private void buy(int i, double q, double p) {
        stock[i] += q;
        paid[i] += q * p * value[i];
    }

    /** The price expected from now on. */
    @Override
    public void endTick(int tick) {
        for (int i = 0; i < count; i++) {
            expected[i] += expectationRate * (markets.price(market[i]) - expected[i]);
        }
    }

    @Override
    public void addHoldings(double[] stockByMarket) {
        for (int i = 0; i < count; i++) {
            stockByMarket[market[i]] += stock[i];
        }
    }

    /** What its stock cost when bought: a purchase is charged to its surplus only when the units are sold. */
    @Override
    public void addBookValue(double[] usdByMarket) {
        for (int i = 0; i < count; i++) {
            usdByMarket[market[i]] += paid[i];
        }
    }
}
