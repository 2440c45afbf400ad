package org.chokepoint.agent;

import org.chokepoint.market.Ledger;
import org.chokepoint.market.Markets;
import org.chokepoint.market.OrderBook;
import org.chokepoint.market.Owner;
import org.chokepoint.scenario.BehaviourSpec;
import org.chokepoint.scenario.TickTime;
import org.chokepoint.world.World;

/**
 * What a firm that makes its output from inputs does besides selling: value its conversion work, bid for
 * inputs, convert them by its recipe, and thrift an input that stays dear.
 *
 * <p>A manufacturer's reservation price for an input is the price at which its planned output would just
 * cover its average variable cost, given what it expects its output to fetch and the other inputs to cost:
 * above it, shutting down beats producing. (At the planned output the marginal unit breaks even by
 * construction, so the marginal reservation would equal the expected price and no buyer would ever
 * outbid a seller.) It bids less than that while its input stock is comfortable: each step of its order
 * ({@link BidSteps}) at {@code min(reservation, E_input * (target / held)^η)}, {@code held} being the stock
 * the tick's use and a purchase of its size up to the middle of that step leave, so a buyer running dry bids
 * up toward its reservation over several ticks instead of all at once. The only buyers of an input in a region split their order into up to
 * four steps, so one whose sellers ask a little more than it expects buys a little less rather than nothing; a
 * firm among many bids one limit, its market's demand sloping already by the spread of its buyers' stocks. How
 * much it orders is stock management against its target cover ({@link #order}).
 *
 * <p>Precaution ({@code behaviour.precaution}): with a perceived risk r to an input's supply ({@link SupplyRisk}),
 * the target cover of that input moves from the firm's own cover of it ({@link Firms#slotCoverTicks(int)}) toward
 * {@code coverWeeksAtFullRisk} in proportion to r, in the tick the news comes, so the order rule buys toward the
 * larger target and its steps bid above the expected price by {@code (target / held)^η} at once; and the cap
 * on every step moves from its reservation (at the average variable cost of its planned output) toward what the
 * input is worth to a firm that keeps its plant: {@code (E_out - c_min - others) / a}, its output less its other
 * inputs at their expected prices and its lowest unit cost of conversion ({@link PrecautionaryBid#worth}). At that
 * price its net price is its lowest variable cost, where its capacity rule would close it ({@link
 * CapacityDecisions}), so it never bids for cover a price that, held, would shut the plant the cover is for. So a
 * buyer whose product is worth more per unit of the input outbids the others once the risk is on. The risk is per
 * input market, so a firm raises the cover of a threatened input alone, on top of whatever cover it holds of its
 * own.
 */
public final class Manufacturers implements java.io.Serializable {
    private final Firms firms;
    private final double expectationRate;
    private final double adjustTicks;
    private final double bidElasticity;
    private final double thriftTrigger;
    private final double thriftRatePerTick;
    private final int thriftPatience;
    private final double thriftMaxPace;
    private final double minRatio;
    private final double maxRatio;
    /** How a firm whose input is threatened makes its stock last. */
    private final StockStretch stretch;
    /** The cover, expected price and cap of a bid under supply risk. */
    private final PrecautionaryBid precaution;
    /** The supply risk the firms' buyers perceive, per market; absent, none. */
    private SupplyRisk risk;
    /** The seat of the firms' participant, which tags their bids. */
    private int seat;
    /** Per input slot, how many steps its bid is split into ({@link BidSteps#count}). */
    private final byte[] bidSteps;
    /**
     * The share of a tick's use over which a bid's steps are valued ({@link BidSteps#ratio}): under {@code sellerAsk:
     * ladder} a week's use, 12/52 of a monthly tick's, so that a buyer at rest bids the steps of a month's order at
     * the ratios a weekly buyer bids each week's, 1.0042 to 1.0320 of its expected price with six weeks of cover and
     * four steps. Valued over the month's whole use, a monthly buyer at rest bid 1.019 to 1.22 times its expected
     * price, above its reservation, so every step stood at the reservation: one limit, the cliff the steps are there
     * to take away. The worked example restated in months, under ladder without demand noise (seed 1), then saw
     * Japan's oxide lane ask a hair above its three magnet makers' one limit in 5 of its 72 months, sell nothing,
     * and stop buying; the makers ran out of oxide and the price moved from 0.75 to 1.20 times its start. Under
     * {@code plan} and {@code normalSales}, whose sellers ask at one price, the month's whole use it stays: there the
     * monthly worlds moved further from rest with the week's (docs/scenario-format.md, Other tick lengths). With
     * weekly ticks it is the tick's use either way.
     */
    private final double valuedUse;

    public Manufacturers(Firms firms, World world, BehaviourSpec b) {
        this.firms = firms;
        this.expectationRate = b.expectationRate();
        this.adjustTicks = b.stockAdjustTicks();
        this.bidElasticity = b.askStockElasticity();
        this.thriftTrigger = b.thrift().triggerMultiple();
        this.thriftRatePerTick = b.thrift().ratePerYear() / world.ticksPerYear();
        this.thriftPatience = b.thrift().patienceTicks();
        this.thriftMaxPace = b.thrift().maxPaceMultiple();
        this.minRatio = b.minStockPriceRatio();
        this.maxRatio = b.maxStockPriceRatio();
        this.precaution = new PrecautionaryBid(
                TickTime.ticks(b.precaution().coverWeeksAtFullRisk(), world.ticksPerYear()), bidElasticity, maxRatio);
        this.bidSteps = stepsPerSlot(firms);
        this.stretch = new StockStretch(TickTime.ticks(b.precaution().stretchWeeks(), world.ticksPerYear()));
        this.valuedUse = b.offersLadder() ? TickTime.firstWeek(world.ticksPerYear()) : 1.0;
    }

    /** Each slot bids as many steps as its market's count of buying firms calls for. */
    private static byte[] stepsPerSlot(Firms firms) {
        int slots = firms.inputMarket.length;
        int markets = 0;
        for (int s = 0; s < slots; s++) {
            markets = Math.max(markets, firms.inputMarket[s] + 1);
        }
        int[] buyers = new int[markets];
        for (int f = 0; f < firms.count; f++) {
            for (int s = firms.inputOffset[f]; s < firms.inputOffset[f + 1]; s++) {
                buyers[firms.inputMarket[s]]++;
            }
        }
        byte[] steps = new byte[slots];
        for (int s = 0; s < slots; s++) {
            steps[s] = (byte) BidSteps.count(buyers[firms.inputMarket[s]]);
        }
        return steps;
    }

    /** How many bids slot s puts in its market's book. */
    int bidSteps(int s) {
        return bidSteps[s];
    }

    /** The supply risk the firms read, the same the traders read. */
    public void useRisk(SupplyRisk risk) {
        this.risk = risk;
    }

    private double riskOf(int market) {
        return risk == null ? 0 : risk.of(market);
    }

    /**
     * How far this tick's news moves the expected price of what is sold in market m: when the risk its buyers
     * see rises, every one of them seeks the cover the new risk calls for, and by the model's own relation
     * between price and cover ({@code (target / stock)^η}) the price rises by the ratio of the new cover to
     * the old raised to η. A falling risk revises nothing: that news comes through the prices. The covers are
     * the firm's own of that input, as it reads the news by what it would do itself.
     */
    double newsRevision(int slot) {
        if (risk == null) {
            return 1;
        }
        int m = firms.inputMarket[slot];
        return precaution.newsRevision(firms.slotCover[slot], risk.of(m), risk.before(m));
    }

    void seat(int seat) {
        this.seat = seat;
    }

    /**
     * Updates the expected price of each input and returns the expected output price net of input costs,
     * in the output's price unit: the price the firm expects for its conversion work.
     */
    public double expectNetPrice(int f, Markets markets) {
        Firms x = firms;
        double outValue = x.outputValue[f];
        double inputCost = 0;
        for (int s = x.inputOffset[f], end = x.inputOffset[f + 1]; s < end; s++) {
            x.inputExpectedPrice[s] += expectationRate * (markets.price(x.inputMarket[s]) - x.inputExpectedPrice[s]);
            x.inputExpectedPrice[s] *= newsRevision(s);
            inputCost += x.intensity[s] * x.inputExpectedPrice[s] * inputValue(s);
        }
        x.expectedInputCost[f] = inputCost;
        return x.expectedPrice[f] - inputCost / outValue;
    }

    private double inputValue(int slot) {
        return firms.inputValue[slot];
    }

    /**
     * Works out what the firm can pay for its inputs this tick: what it expects a unit of output to bring it less
     * its conversion cost at the planned output. A price support or a certificate premium counts, as in its plan:
     * a firm that plans on a strike and bids for its inputs on the market price plans output it cannot buy the
     * inputs for. Comes after {@link #expectNetPrice}, whose input costs {@link #bid} uses,
     * and after the firm's plan.
     */
    public void prepareBids(int f) {
        Firms x = firms;
        if (x.status[f] == FirmStatus.EXITED) {
            return;
        }
        double planned = x.plannedOutput[f];
        double outValue = x.outputValue[f];
        double conversion;
        if (planned > 0) {
            double cost = x.variableCostOfAvailable(f, planned);
            x.plannedVariableCost[f] = cost;
            conversion = cost / planned * outValue;
        } else {
            conversion = x.costBase[f] * outValue;
        }
        x.inputBudget[f] = x.supports.supportedPrice(f, x.expectedPrice[f]) * outValue - conversion;
    }

    /**
     * Bids for one input of a firm (slot {@code s}): its order, sized from the firm's target input cover by
     * {@link #order}, as a schedule of limits up to its reservation price. Comes after {@link #prepareBids} for
     * the slot's firm.
     */
    public void bid(int s, Markets markets) {
        Firms x = firms;
        int f = x.slotFirm[s];
        if (x.status[f] == FirmStatus.EXITED) {
            return;
        }
        double a = x.intensity[s];
        double use = a * x.plannedOutput[f];
        // The input-stock target follows normal sales, not this tick's plan, so a plan that jumps does not
        // turn into a burst of restocking orders upstream.
        // Under supply risk the target of this input, and only of this input, moves toward the cover at full risk.
        double r = riskOf(x.inputMarket[s]);
        double target = precaution.cover(x.slotCover[s], r) * a * x.normalSales[f];
        // Cargo a consortium has on order for the firm is its supply line: ignoring it, the firm would buy at home
        // what the pool is already bringing it, and its stock would overshoot once the pooled cargo landed. How
        // far above its expected price it bids still follows the stock it holds, which is what it runs on until
        // that cargo lands.
        double quantity = order(use, target, x.inputStock[s] + x.inputOnOrder(s));
        if (quantity <= 0) {
            return;
        }
        double value = inputValue(s);
        double expected = x.inputExpectedPrice[s];
        double own = a * expected * value;
        double reservation = (x.inputBudget[f] - (x.expectedInputCost[f] - own)) / (a * value);
        if (r > 0) {
            // What a unit of the input is worth to a firm that keeps its plant: its output less its other inputs
            // and the least its conversion can cost, the price past which its capacity rule would close it. Its
            // output is valued as in its budget and that rule, support and premium included: on the market price
            // a supported firm's worth fell below its budget's reservation, and the risk raised nothing.
            double worth = PrecautionaryBid.worth(x.supports.supportedPrice(f, x.expectedPrice[f]) * x.outputValue[f],
                    x.costBase[f] * x.outputValue[f], x.expectedInputCost[f] - own, a * value);
            reservation = precaution.highest(reservation, worth, r);
        }
        if (reservation <= 0) {
            return;
        }
        double stock = x.inputStock[s];
        int steps = bidSteps[s];
        double step = quantity / steps;
        OrderBook book = markets.book(x.inputMarket[s]);
        int owner = Owner.of(seat, s);
        for (int k = 1; k <= steps; k++) {
            double ratio = BidSteps.ratio(target, stock, use * valuedUse, k, steps, bidElasticity, minRatio, maxRatio);
            book.addBid(Math.min(reservation, expected * ratio), step, owner);
        }
    }

    /**
     * An input order by stock management, anchoring and adjustment (Sterman, "Modeling managerial behavior:
     * misperceptions of feedback in a dynamic decision making experiment", <i>Management Science</i> 35(3),
     * 1989; <i>Business Dynamics</i>, 2000, ch. 17-18): replace the use expected this tick and close
     * {@code 1 / stockAdjustTicks} of the gap between the target stock and the stock held, never below zero.
     * The use expected is the plan's, which already moves only part of the way to the desired rate each tick
     * (the smoothing Sterman's rule applies to the loss rate it anchors on). A manufacturer buys in its own
     * region's market and what it buys is delivered in the tick, so it has no supply line of its own to count;
     * the supply line of goods at sea is the traders', whose orders count it with full weight ({@link Traders}),
     * and a consortium's, whose cargo for the firm its caller adds to {@code stock} with full weight too.
     */
    double order(double use, double target, double stock) {
        return Math.max(0.0, use + (target - stock) / adjustTicks);
    }

    /** Books an input purchase: the input enters stock, its cost counts against producer surplus. */
    public void settlePurchase(int slot, double quantity, double price, Ledger ledger) {
        Firms x = firms;
        x.inputStock[slot] += quantity;
        ledger.inputCost(x.market[x.slotFirm[slot]], quantity * price * inputValue(slot));
    }

    /**
     * Converts inputs into output: as much of the plan as the scarcest input allows. What the plan wanted and
     * the inputs could not cover is lost output. Each input's use, and what the plan needed beyond its stock, are
     * kept in {@link Firms#inputUse} and {@link Firms#inputShort} for the input's market to add up.
     *
     * @return the output made, which the caller adds to the output's market with its variable cost
     */
    public double produce(int f) {
        Firms x = firms;
        double planned = x.plannedOutput[f];
        x.output[f] = 0;
        x.lostOutput[f] = 0;
        if (planned <= 0) {
            // A firm that makes nothing uses nothing: its last tick's use must not count as this tick's.
            for (int s = x.inputOffset[f], end = x.inputOffset[f + 1]; s < end; s++) {
                x.inputUse[s] = 0;
                x.inputShort[s] = 0;
            }
            return 0;
        }
        double q = planned;
        for (int s = x.inputOffset[f], end = x.inputOffset[f + 1]; s < end; s++) {
            double a = x.intensity[s];
            if (a > 0) {
                q = Math.min(q, x.inputStock[s] / a);
                if (stretch.on()) {
                    q = Math.min(q, stretch.most(planned, a, x.inputStock[s], riskOf(x.inputMarket[s])));
                }
            }
        }
        for (int s = x.inputOffset[f], end = x.inputOffset[f + 1]; s < end; s++) {
            double a = x.intensity[s];
            double use = a * q;
            x.inputShort[s] = a * planned - x.inputStock[s];
            x.inputUse[s] = use;
            x.inputStock[s] = Math.max(0, x.inputStock[s] - use);
        }
        x.output[f] = q;
        x.lostOutput[f] = planned - q;
        if (q > 0) {
            x.stock[f] += q;
        }
        return q;
    }

    /**
     * Lowers the intensity of every input whose expected price has stayed above the trigger multiple of its
     * price before the shock for the patience period, closing a share of the gap to the recipe's floor each
     * tick; the share grows with how far past the trigger the price stands. Thrifting is not undone when prices
     * fall: the redesigned product keeps its lower content.
     *
     * <p>Nor is it free. A firm that could save a unit of input for less than the input's price before the shock
     * would have done so already, so the cheapest saving it has not made costs at least that price: each unit of
     * input thrifted adds its price before the shock, the one the trigger is set against (where the run starts, at
     * its equilibrium or its initial prices), to the firm's conversion cost. Dear inputs make the saving pay; once
     * prices are back where they started, the redesigned product costs what the old one did, where a free
     * redesign would leave the firm cheaper than before the shock for ever, a gain the shock did not make.
     */
    public void thrift(int f) {
        Firms x = firms;
        for (int s = x.inputOffset[f], end = x.inputOffset[f + 1]; s < end; s++) {
            if (x.inputExpectedPrice[s] > thriftTrigger * x.inputInitialPrice[s]) {
                x.dearTicks[s]++;
            } else {
                x.dearTicks[s] = 0;
            }
            if (x.dearTicks[s] >= thriftPatience) {
                // The dearer the input, the more engineering effort its saving repays: the pace grows with
                // the price multiple, measured in doublings past the trigger (twice the pace at twice the
                // trigger, up to thriftMaxPace times).
                double urgency = Math.min(thriftMaxPace, 1.0 + Math.log(x.inputExpectedPrice[s]
                        / (thriftTrigger * x.inputInitialPrice[s])) / Math.log(2.0));
                double saved = urgency * thriftRatePerTick * (x.intensity[s] - x.inputFloor[s]);
                x.intensity[s] -= saved;
                x.costBase[f] += saved * x.inputInitialPrice[s] * inputValue(s) / x.outputValue[f];
            }
        }
    }
}
