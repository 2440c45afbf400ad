package org.chokepoint.agent;

import org.chokepoint.market.Ledger;
import org.chokepoint.market.OrderBook;
import org.chokepoint.market.Owner;
import org.chokepoint.scenario.BehaviourSpec;
import org.chokepoint.scenario.TickTime;

/**
 * What every firm does as a seller: form a price expectation, plan output, offer stock, and produce.
 * Manufacturers plan on their output price net of input costs (see {@link Manufacturers}); producers and
 * recyclers on the output price itself.
 *
 * <p>Output is planned by stock management (Sterman, <i>Business Dynamics</i>, ch. 17): the sales a firm
 * expects, plus a share of the gap between its stock and its target; the sales it expects are its normal
 * sales, scaled by how far the price it expects stands above the marginal cost of its plan (up to
 * {@code maxPricePull} times), the signal that buyers want more than it sells. It asks the marginal cost of
 * that plan, so in a market at rest it sells on its supply curve; a firm long in stock cuts its ask by
 * {@code (target / stock)^η} to work the stock off, while one short of stock still asks its cost and leaves
 * buyers' bids to lift the price. Plans move a share {@code outputAdjustment} of the way toward the desired rate
 * each tick (partial adjustment). Under {@code behaviour.sellerAsk: normalSales}, which the reference scenarios set,
 * it asks instead the marginal cost of its normal sales and cuts only the stock beyond its target
 * ({@link BeyondTargetOffer}).
 */
public final class Producers implements java.io.Serializable {
    /** Stock below this share of capacity is not offered. */
    static final double DUST = 1e-9;
    /**
     * Slices of a firm's offer under {@code sellerAsk: ladder} ({@link #offerLadder}). Sixteen: with four, Japan's
     * few magnet makers still asked in steps of about 1% of the price, and a lane landing there asking between two of
     * them sold its whole offer one week and nothing the next (its landings changed by 13% of their median from one
     * week to the next in the rare-earth baseline without shocks; 4% with sixteen). The reference scenarios have at
     * most 30 firms in a market.
     */
    static final int LADDER_STEPS = 16;

    private final Firms firms;
    private final double expectationRate;
    private final double stockCover;
    private final double adjustTicks;
    private final double askElasticity;
    private final double outputAdjustment;
    /** Share of its stock a seller offers in a tick: its offer in ticks of normal sales over its stock cover. */
    private final double offerShare;
    private final double minRatio;
    private final double maxRatio;
    /** Weight of this tick's sales in a firm's normal sales. */
    private final double normalSalesWeight;
    /** The most a price above marginal cost multiplies the sales a firm plans for in a tick. */
    private final double maxPricePull;
    /**
     * Whether an operating firm's ask is cut only when it is long in stock: with {@code η > 0} and the ratio's
     * bounds either side of 1, a firm with no more stock than its target has {@code (target / stock)^η >= 1},
     * and its ask is cut only by a ratio below 1. Its cut is then 1 without the {@code Math.pow}, the costliest
     * step of an offer ({@code Math.pow} is semi-monotonic and gives exactly 1 at 1, so it never lands below).
     */
    private final boolean cutOnlyWhenLong;
    /** {@code sellerAsk: normalSales}: ask the cost of normal sales, cut only the stock beyond target. */
    private final boolean askNormalSales;
    /** Whether it offers along a ladder of costs ({@code sellerAsk: ladder}, {@link #offerLadder}). */
    private final boolean laddered;
    /** {@code manufacturerPlan: supplyCurve}: a manufacturer plans on its supply curve, not its pulled sales. */
    private final boolean manufacturersOnCurve;
    /** The seat of the firms' participant, which tags their asks. */
    private int seat;

    /**
     * @param ticksPerYear ticks in a year, to turn the behaviour's spans of weeks into ticks
     */
    public Producers(Firms firms, BehaviourSpec b, int ticksPerYear) {
        this.firms = firms;
        this.outputAdjustment = b.outputAdjustment();
        this.expectationRate = b.expectationRate();
        this.stockCover = TickTime.coverTicks(b.stockCoverTicks(), ticksPerYear);
        this.adjustTicks = b.stockAdjustTicks();
        this.askElasticity = b.askStockElasticity();
        this.offerShare = TickTime.bufferTicks(b.offerWeeks(), ticksPerYear) / stockCover;
        this.minRatio = b.minStockPriceRatio();
        this.maxRatio = b.maxStockPriceRatio();
        this.normalSalesWeight = TickTime.averageWeight(b.normalSalesWeeks(), ticksPerYear);
        this.maxPricePull = b.maxPricePull();
        this.cutOnlyWhenLong = askElasticity > 0 && minRatio <= 1.0 && maxRatio >= 1.0;
        this.askNormalSales = b.asksNormalSales();
        this.laddered = b.offersLadder();
        this.manufacturersOnCurve = b.manufacturersPlanOnSupplyCurve();
    }

    void seat(int seat) {
        this.seat = seat;
    }

    /**
     * Updates the firm's expectation of its output price from the market's quote, and of the price its goods
     * fetch from what its last offer fetched: the quote, unless it sold none of it ({@link #realise}). A firm held to
     * its production-quota share whose buyers left some of its offer follows instead what its release would have
     * fetched ({@link #realise}).
     */
    public void expect(int f, double quotedPrice) {
        Firms x = firms;
        double release = x.quotasMayHold() ? x.releaseFetched[f] : Double.NaN;
        x.expectedPrice[f] += expectationRate * ((Double.isNaN(release) ? quotedPrice : release) - x.expectedPrice[f]);
        double got = x.fetched[f];
        x.salePrice[f] += expectationRate * ((Double.isNaN(got) ? quotedPrice : got) - x.salePrice[f]);
    }

    /**
     * A firm held to its production-quota share reads a new release as news of the price its stock will fetch: it
     * must sell {@code change} times the volume it sold at the price it expects, and it knows neither its buyers'
     * elasticity nor what they hold. It counts on the revenue of its release staying what it was, the price moving
     * by {@code 1 / change}, as it would with buyers of unit elasticity. Where the firms under the quota are the
     * market's whole supply and demand is inelastic, that is less than the price will move, and its stock term
     * {@code (target / stock)^η} takes up the rest; where recyclers outside the quota or imports supply part of the
     * market, the demand the held firms face is more elastic and the news is read too large (halving the release
     * of firms that make half of a unit-elastic market's supply lifts its price by 4/3, not 2), an error its
     * expected price corrects as it follows what its release fetches week by week ({@link #realise}). A raise
     * does not take its price below the marginal cost of its new share (plus the inputs it expects to buy), below which
     * the quota would no longer bind, nor of all its plant can make where the share is more. A quota's end is read as a
     * raise to all the firm's plant can make, its price falling no lower than its marginal cost at full capacity
     * ({@code ExporterInstrumentsTest.AQuotasEnd}). A firm the quota did not hold last tick reads nothing: the release
     * did not set its price. The exception is the week a quota starts to hold a firm that ran free, read after its
     * plan, once it knows the quota binds at the price it counts on: it must sell its share instead of its normal
     * sales, and {@code change} is the one over the other. Read as no news, its expected price followed the market's
     * up from the free-trade price at {@code expectationRate} a week, its ask stayed below what buyers paid for the
     * release, they took all it offered, and its stock came to rest where that offer, {@code offerWeeks /
     * stockCoverTicks} of it, was the release: two thirds of its target, for 28 weeks in the two-region test world
     * held to 30 a week ({@code ExporterInstrumentsTest.AQuotasFirstYear}).
     *
     * @param change this tick's release over last tick's, or the firm's share over its normal sales the week a
     *               quota starts to hold it, or all its plant can make over its runs of last tick the week it ends
     * @param share what the quota lets the firm make this tick (all its plant can make once the quota has ended)
     */
    public void readRelease(int f, double change, double share) {
        Firms x = firms;
        if (!x.quotaBinds(f) || !(change > 0)) {
            return;
        }
        double e = x.expectedPrice[f];
        double read = e / change;
        if (change > 1) {
            // A share past what its plant can make this tick is all it can make: the cost curve's reach beyond it is
            // a cost no plant bears, and a release raised past it frees the firm as the quota's end does.
            read = Math.min(e, Math.max(read, costOfRunning(f, Math.min(share, x.operableCapacity(f)))));
        }
        revise(f, read);
    }

    /**
     * A firm an outage left none of its plant last tick, and some of it this tick, reads its return as a quota's end
     * after a nil release ({@link #readRelease}): the price it counts on had the scarcity of its own absence in it,
     * and falls to its marginal cost at all it can now make, if it stood higher. Planning on that price (the
     * buyers' limit of 100 in the two-region world, its mines out for 50 weeks), back at full runs within weeks, the
     * mines made up to 194 a week, their stock reached 1,400, 2.4 times the 576 they hold at free trade, and X's price
     * fell to 7.1 against 9.2 ({@code WholePlantOutageTest}).
     */
    public void readPlantsBack(int f, double available) {
        Firms x = firms;
        if (x.status[f] != FirmStatus.ACTIVE || !(available > 0)) {
            return;
        }
        revise(f, Math.min(x.expectedPrice[f], costOfRunning(f, available)));
    }

    /** Marginal cost at {@code q} plus, for a manufacturer, the inputs it expects to buy a unit of output. */
    private double costOfRunning(int f, double q) {
        Firms x = firms;
        double inputs = x.type[f] == FirmType.MANUFACTURER ? x.expectedInputCost[f] / x.outputValue[f] : 0;
        return x.marginalCostOfAvailable(f, q) + inputs;
    }

    private void revise(int f, double read) {
        Firms x = firms;
        if (read == x.expectedPrice[f]) {
            return;
        }
        x.salePrice[f] *= read / x.expectedPrice[f];
        x.expectedPrice[f] = read;
    }

    /**
     * A firm held to its quota share last tick whose release is now larger, or whose quota has ended: what it may sell
     * is no longer what the quota held its sales to, so its normal sales, which ran down to that, are raised to what
     * its expected price justifies within what it may now make (never lowered). Like a plant back from a mothball
     * ({@link Firms#startOperating}) it does not go by sales the quota set, and its plan then moves
     * {@code outputAdjustment} of the way to it a week, as every plan does. Planning on its normal sales, a firm
     * released from a nil or a near-nil release planned about nothing and its runs grew a few percent a week: held
     * to 30 a week again after a nil year, the two-region test world's mines made 2 a week three months on and 95%
     * of 30 only 79 weeks on; freed from a release of 0.01 a week, they made their free-trade output of 144 only 152
     * weeks on, their price at their buyers' limit for the first 108. Restarting, they make 95% of 30 in 13 weeks
     * after the nil year, and 144 five weeks after the quota ends, whether its last release was nothing or 0.01 a
     * week ({@code ExporterInstrumentsTest.AYearOfNilRelease}, {@code ANearNilReleaseEnded}): a release of nothing
     * and one of almost nothing are read alike, as a rule for the one alone did not. A larger release that still
     * binds takes the firm's normal sales to its new share at once, and its stock target with them: 30 raised to 40
     * a week leaves it short of four weeks of 40, 160, and it asks more while it rebuilds, as a held firm short of
     * stock does ({@code ExporterInstrumentsTest.AQuotaRaisedButStillBinding}).
     */
    public void resume(int f, double netPrice, double available) {
        Firms x = firms;
        if (x.status[f] == FirmStatus.ACTIVE) {
            x.normalSales[f] = Math.max(x.normalSales[f], x.outputAtPriceWithin(f, netPrice, available));
        }
    }

    /**
     * Plans this tick's output given the price the firm expects to get for its conversion work and the
     * capacity it has this tick.
     */
    public void plan(int f, double netPrice, double available) {
        Firms x = firms;
        x.availableCapacity[f] = available;
        if (x.status[f] != FirmStatus.ACTIVE) {
            x.plannedOutput[f] = 0;
            if (x.quotasMayHold()) {
                x.quotaBinds[f] = false;
            }
            return;
        }
        if (!(x.normalSales[f] > 0)) {
            // A firm with no sales to go by (one that starts the run idle, at its initial prices) is in the place of a
            // plant back from a mothball: it expects to sell its supply curve's output at the price it expects. Planning
            // on no sales, it planned nothing, had nothing to sell and so never sold anything: the one magnet maker of
            // a two-region world left its plant idle for a year while its price rose to its buyers' choke price.
            x.normalSales[f] = x.outputAtPriceWithin(f, netPrice, available);
        }
        double target = stockCover * x.normalSales[f];
        // Under manufacturerPlan: supplyCurve a manufacturer plans what its conversion curve makes at the net price it
        // expects: its sales may be low because it had no input to work, not because its buyers wanted less, and
        // pulled up from them it comes back from a starved spell at most maxPricePull times a week's small sales.
        double expected = manufacturersOnCurve && x.type[f] == FirmType.MANUFACTURER
                ? x.outputAtPriceWithin(f, netPrice, available) : pulledSales(f, netPrice);
        double desired = expected + (target - x.stock[f]) / adjustTicks;
        // A firm whose price is supported below a strike sells whatever the market pays, so its sales alone would
        // not stop it: it makes no more than the output at which marginal cost reaches what it is paid a unit, the
        // strike under a guarantee on its own market, its expected price plus the payment under a contract for
        // difference settled against another market or a guarantee whose cap covers part of its output, and any
        // certificate premium it earns on top.
        PriceSupports supports = x.supports;
        if (supports.given()) {
            double strike = supports.strike[f];
            double payment = supports.payment[f];
            double extra = supports.premium[f];
            if (!Double.isNaN(payment)) {
                if (payment > 0) {
                    desired = Math.min(desired, x.outputAtPriceWithin(f, x.expectedPrice[f] + payment + extra, available));
                }
            } else if (!Double.isNaN(strike) && x.expectedPrice[f] < strike) {
                desired = Math.min(desired, x.outputAtPriceWithin(f, extra == 0 ? strike : strike + extra, available));
            }
        }
        // Held to its share: its plants, priced at what it counts on, would make all the quota lets them. Read from
        // the price, not the plan, so a firm long in stock that plans less than its share for a few weeks to work it
        // off still counts its stock at the quota's price: it can make again only its share of it.
        if (x.quotasMayHold()) {
            x.quotaBinds[f] = x.quotaCapped[f] && x.outputAtPrice(f, netPrice, x.operableCapacity(f)) >= available;
        }
        desired = desired < 0 ? 0 : Math.min(desired, available);
        // The plan moves part of the way toward the desired rate each tick: plants do not swing their runs
        // with every weekly price, and without this the chain's stocks would amplify each swing upstream.
        // It starts from last tick's plan, not from what inputs allowed, so a missed delivery does not
        // reset the run rate to zero.
        double previous = x.plannedOutput[f];
        double planned = previous + outputAdjustment * (desired - previous);
        x.plannedOutput[f] = Math.max(0.0, Math.min(planned, available));
    }

    /** The firm's normal sales, scaled by how far the price it expects stands above the marginal cost of its plan. */
    private double pulledSales(int f, double netPrice) {
        Firms x = firms;
        double cost = x.marginalCostOfAvailable(f, x.plannedOutput[f]);
        // A plan that costs nothing stands infinitely far below any positive price, so it pulls as hard as one that
        // costs almost nothing: read as no signal, a mine of constant zero cost planned its normal sales for good.
        double pull = netPrice > 0 ? (cost > 0 ? Math.min(maxPricePull, netPrice / cost) : maxPricePull) : 1.0;
        return x.normalSales[f] * pull;
    }

    /**
     * A collector's plan: all it can collect at a cost the price it counts on covers, its cost curve scaled to what
     * there is to collect, as the equilibrium has it. Unlike a plant it does not ease its rate toward a target,
     * since the goods reach the end of their life whether or not the yard is busy; what it cannot sell waits in its
     * stock and is offered cheaper.
     */
    public void collect(int f, double netPrice, double available) {
        Firms x = firms;
        x.availableCapacity[f] = available;
        x.plannedOutput[f] = x.status[f] == FirmStatus.ACTIVE ? x.outputAtPrice(f, netPrice, available) : 0;
    }

    /**
     * Offers part of the firm's stock in its market. A firm that still operates never asks less than its
     * shutdown price, the lowest average variable cost (plus, for a manufacturer, what it expects its inputs
     * to cost): below it, keeping the goods for later beats selling them.
     *
     * @param inputCost expected input cost per unit of output, in the output's price unit (0 without recipe)
     * @param markup the markup over marginal cost at which the firm prices, 0 for a firm that competes (a member
     *               of a consortium that passed it its rivals' figures, see {@code Industry#collusiveMarkup})
     */
    public void offer(int f, double inputCost, double markup, OrderBook book) {
        Firms x = firms;
        double s = x.stock[f];
        x.offered[f] = 0;
        // Dust left by rounding is not worth an order.
        if (s <= DUST * x.capacity[f]) {
            return;
        }
        double target = stockCover * x.normalSales[f];
        double share = offerShare;
        double quantity = share >= 1 ? s : s * share;
        x.offered[f] = quantity;
        double ask;
        if (x.status[f] == FirmStatus.EXITED) {
            ask = x.expectedPrice[f] * stockRatio(target, s);
        } else if (x.collector[f]) {
            // A yard's inflow is fixed by what reaches the end of its life, so its cost says nothing about what the
            // scrap is worth: it holds out for the price it expects, less as its stock runs above target, and never
            // below what collecting cost.
            ask = Math.max(x.expectedPrice[f] * stockRatio(target, s), x.costBase[f]);
        } else {
            double mc = x.marginalCostOfAvailable(f, askNormalSales ? pricedRate(f) : x.plannedOutput[f]) + inputCost;
            if (markup != 0) {
                mc *= 1 + markup;
            }
            // target >= s > 0 makes target / s >= 1, and then the ratio too (see cutOnlyWhenLong).
            double cut = cutOnlyWhenLong && target >= s ? 1.0 : Math.min(1.0, stockRatio(target, s));
            // A certified firm's premium is paid on top of the market price, so it covers that much of its cost.
            double extra = x.supports.premium(f);
            double cost = lowestPrice(f, extra == 0 ? mc : mc - extra);
            double shutdown = x.costBase[f] + inputCost - support(f);
            double rent = Math.max(quotaRentAsk(f, target, s), shutWholeAsk(f));
            ask = held(Math.max(cost * cut, rent), shutdown, extra);
            double covered = Math.min(quantity, x.supports.covered(f));
            if (covered > 0) {
                // Its part of a contract's volume cap, which the contract makes up to the strike whatever it sells
                // at, or pays the reference's whole gap on, is asked as under a contract with no cap, and sells in a
                // week the rest, asked at its cost less the covered share's payment, does not. Asked with the rest,
                // it sold nothing in a week importers asked a hair less, and nothing was paid; the stock left over
                // sold the next week, beyond the cap.
                double net = extra == 0 ? mc : mc - extra;
                double whole = x.supports.coveredPayment(f);
                double floor = Double.isNaN(whole) ? strikeFloor(f, net) : Math.max(0.0, net - whole);
                // What it is paid a unit on that part, the premium included as on the rest, is what its shutdown
                // price gives up.
                double paid = (Double.isNaN(whole)
                        ? x.supports.madeUpToStrike(f, x.expectedPrice[f]) - x.expectedPrice[f] : whole) + extra;
                book.addAsk(held(Math.max(floor * cut, rent), x.costBase[f] + inputCost - paid, extra), covered,
                        Owner.of(seat, f));
                quantity -= covered;
                if (!(quantity > 0)) {
                    return;
                }
            }
            if (laddered && rent == 0 && onNormalSales(f)) {
                offerLadder(f, quantity, s - target, cut < 1.0 ? ask : Double.NaN, inputCost, markup, shutdown, book);
                return;
            }
            if (askNormalSales) {
                BeyondTargetOffer.add(book, quantity, held(Math.max(cost, rent), shutdown, extra), ask, s - target,
                        Owner.of(seat, f));
                return;
            }
        }
        book.addAsk(ask, quantity, Owner.of(seat, f));
    }

    /**
     * The least a firm held to its production-quota share asks for its stock, or 0 for any other firm. It cannot
     * make again what it sells from stock, so a unit sold now is one fewer to sell later: it asks what it expects
     * the unit to fetch, raised while it is short of its stock target and lowered while it is long by
     * {@code (target / stock)^η}, the stock-price relation buyers bid by. Its marginal cost lies below that by the
     * quota's rent; asking it would sell the stock into the rent. What it expects follows what its release fetches
     * ({@link #realise}) and moves with the news of a new release ({@link #readRelease}), so its sales settle where
     * they match the quota with its stock at target, and the price where demand takes the quota.
     */
    private double quotaRentAsk(int f, double target, double stock) {
        Firms x = firms;
        if (!x.quotaBinds(f)) {
            return 0;
        }
        return x.expectedPrice[f] * stockRatio(target, stock);
    }

    /**
     * The least a firm an outage has left none of its plant asks for its stock, or 0 for any other firm. It cannot
     * make again what it sells until the outage ends, so, as a firm held to its quota share, it asks what it expects
     * a unit to fetch; asking the marginal cost of a plant that makes nothing, its cost base, it sold half again
     * its normal sales in the outage's first week at that cost, X's households taking twice their usual ({@code WholePlantOutageTest}). Unlike the held firm
     * it does not raise the ask while short of its stock target: a target it has no plant to rebuild toward says
     * nothing of what the stock is worth, and the raise, followed by the price it expects, kept lifting its ask above
     * every buyer's limit while its last units stood unsold.
     */
    private double shutWholeAsk(int f) {
        Firms x = firms;
        return x.operableShare(x.market[f]) == 0 ? x.expectedPrice[f] : 0;
    }

    /**
     * The most asks one firm puts in its market's book in a tick: its offer's (one, the cost of its normal sales and
     * its stock beyond target, or the ladder's slices and that stock) and the part of a contract's volume cap it holds,
     * asked on its own ({@link #offer}). Counted without that part, a held firm's book outgrew the size it was given.
     */
    int asksPerFirm() {
        return 1 + (laddered ? LADDER_STEPS + 1 : askNormalSales ? 2 : 1);
    }

    /** An operating firm's ask held at its shutdown price, and at zero where a premium would take it below. */
    private static double held(double ask, double shutdown, double premium) {
        double atLeast = Math.max(ask, shutdown);
        return premium != 0 && atLeast < 0 ? 0 : atLeast;
    }

    /**
     * The rate whose marginal cost a firm asks under {@code sellerAsk: normalSales}: its normal sales, within what it
     * can make this tick. Its plan carries its restocking, so asking the plan's cost would let one week's dip in
     * sales cut its price at once. A firm under a price support or earning a certificate premium asks the cost of
     * its plan, since the plan is what the support pays for; so does one with no sales yet, and one mothballed or
     * restarting, which makes nothing this tick and sells its stock at the shutdown price as before.
     */
    private double pricedRate(int f) {
        Firms x = firms;
        return onNormalSales(f) ? Math.min(x.normalSales[f], x.availableCapacity[f]) : x.plannedOutput[f];
    }

    /** Whether the firm asks the cost of its normal sales under {@code sellerAsk: normalSales} ({@link #pricedRate}). */
    private boolean onNormalSales(int f) {
        Firms x = firms;
        return x.status[f] == FirmStatus.ACTIVE && !paysForPlan(f) && x.supports.premium(f) == 0
                && x.normalSales[f] > 0;
    }

    /**
     * Offers a firm's stock under {@code sellerAsk: ladder} along a ladder, where {@code normalSales} offers it at one
     * price. What it sells this tick moves its normal sales by {@code w} (one over {@code normalSalesWeeks}) of its gap
     * to them, and its
     * normal sales are what it makes again and prices on, so it asks for each slice of its offer the marginal cost of
     * the normal sales its sale would leave: the slice that takes its sales to their normal rate at the cost of that
     * rate, the ask it made at one price, the slices before it a little less and those after a little more. Any
     * stock beyond its target comes first, at the cut price, as before.
     *
     * <p>Why. Offered at one price, the cost of its normal sales, the whole offer (a week and a half of sales) went to
     * whichever of a market's sellers asked a hair less: home plants and the lanes landing in the same market took its
     * orders in turns, each week's lumpy sales moved the plants' normal sales and with them their ask past the lanes'
     * for the next week, and so on (Japan's naphtha refiners sold 181, 376, 46 and 407 kt in four weeks of the naphtha
     * scenario without shocks, demand noise 0, seed 1, their ask 675.5, 680.4, 698.6 and 674.7 $/t); at the origin the
     * same turn-taking between the refiners' ask and the lanes' steps made the lanes' cargoes alternate. Along a ladder
     * a seller whose ask stands a little above a rival's sells a little less, not nothing.
     *
     * @param beyond its stock beyond its target
     * @param cutAsk the price it asks for that stock, or NaN when it holds none beyond target worth cutting
     */
    private void offerLadder(int f, double quantity, double beyond, double cutAsk, double inputCost, double markup,
            double shutdown, OrderBook book) {
        Firms x = firms;
        double first = Double.isNaN(cutAsk) ? 0 : Math.max(0.0, Math.min(quantity, beyond));
        if (first > 0) {
            book.addAsk(cutAsk, first, Owner.of(seat, f));
        }
        double rest = quantity - first;
        // Its normal sales themselves, not within what it can make: under an outage that leaves less plant than it
        // normally sells, a sale leaves normal sales it still cannot make, and every slice asks the cost of its whole
        // remaining plant. Started from what the plant can make, the ladder sold its first slices below that cost in
        // the outage's first week while the plant ran flat out (11.53 against 12 in a textbook market that lost half
        // its plant; SellerAskTest).
        double normal = x.normalSales[f];
        double slice = rest / LADDER_STEPS;
        double left = rest;
        for (int j = 1; j <= LADDER_STEPS && rest > 0; j++) {
            // The middle unit of the slice: what the firm has sold this tick once the slice is half sold.
            double sold = first + (j - 0.5) * rest / LADDER_STEPS;
            double rate = Math.min(x.availableCapacity[f], Math.max(0.0, normal + normalSalesWeight * (sold - normal)));
            double mc = x.marginalCostOfAvailable(f, rate) + inputCost;
            if (markup != 0) {
                mc *= 1 + markup;
            }
            // The last slice is what the others leave, so that the slices sold whole take from its stock just what it
            // offered: sixteen of rest / 16 taken one after another can come to more by a rounding, and a firm
            // offering all it held (as every firm does on a daily clock, where a week and a half of sales is more
            // than its stock cover) was left holding -6e-15, a negative stock in the market's series.
            double q = j == LADDER_STEPS ? left : slice;
            book.addAsk(held(lowestPrice(f, mc), shutdown, 0), q, Owner.of(seat, f));
            left -= q;
        }
    }

    /**
     * Whether a price support pays for the firm's plan: not one that pays it nothing a unit, as one capped at 0, which
     * covers none of what the firm makes, so that it plans on its price and asks as it does without the support.
     * Asking its plan's cost under it, the importer world's mines, asking the cost of their normal sales, sold under a
     * contract on their own price capped at 0 at other prices, in the last digits, than without it.
     */
    private boolean paysForPlan(int f) {
        Firms x = firms;
        return !Double.isNaN(x.supports.strike(f)) && x.supports.payment[f] != 0;
    }

    /**
     * After the market cleared: what the firm's offer fetched, for its sale price to follow at its next plan
     * ({@link #expect}). Whatever it sold, it sold at the market's price, and the unsold rest of an offer some
     * of which sold would have gone at about that price another week. An offer none of which sold fetched
     * nothing at the quote: in a market where it is the only seller the quote may be no more than its own ask,
     * held at its shutdown price, which buyers did not take. What that stock would fetch is the price at which
     * the firm would have to offer it to sell it, the quote cut by {@code (target / stock)^η} as its
     * ask is cut ({@link #stockedShare}) before the shutdown price stops it.
     */
    public void realise(int f, double quote) {
        Firms x = firms;
        x.fetched[f] = Double.NaN;
        // A firm held to its quota share whose ask priced its offer (its buyers left some of it) reads what the
        // sales it means to make, its release plus a share of its stock beyond target (1 / stockAdjustTicks, as its
        // plan closes the gap), would have fetched had its buyers spent on them what they spent: the quote scaled
        // by what they took over that, within the stock-price ratio's bounds. Its expected price, which anchors
        // its ask, then settles where buyers take its release with its stock at target. Following the quote
        // alone, the anchor moved only as fast as the (target / stock)^η cut pulled the quote below it: after the
        // release of a two-region world was raised from 30 to 40 a week, the stock ran to 2.2 times its target
        // and swung round it for four years (ExporterInstrumentsTest.AQuotaRaisedButStillBinding).
        if (x.quotasMayHold()) {
            x.releaseFetched[f] = Double.NaN;
            double release = x.availableCapacity[f];
            if (x.quotaBinds[f] && x.offered[f] > x.sold[f] && release > 0) {
                double meant = release + (x.stock[f] - stockCover * x.normalSales[f]) / adjustTicks;
                double taken = meant > 0 ? x.sold[f] / meant : maxRatio;
                x.releaseFetched[f] = quote * Math.max(minRatio, Math.min(maxRatio, taken));
            }
        }
        if (x.offered[f] > 0 && x.sold[f] <= 0) {
            double share = stockedShare(f);
            if (share < 1.0) {
                x.fetched[f] = quote * share;
            }
        }
    }

    /**
     * The share of its expected price at which the firm would offer its stock to sell it: 1 with its stock at or
     * below target, {@code (target / stock)^η} within the ratio's bounds when it holds more, the cut its ask
     * takes ({@link #offer}).
     *
     * <p>With η = 0.2 and a floor of 0.5: a stock of twice its target fetches {@code 0.5^0.2 = 0.871} of the
     * expected price; eight times its target or more, 0.5.
     */
    public double stockedShare(int f) {
        Firms x = firms;
        double s = x.stock[f];
        double target = stockCover * x.normalSales[f];
        if (s <= DUST * x.capacity[f] || cutOnlyWhenLong && target >= s) {
            return 1.0;
        }
        return Math.min(1.0, stockRatio(target, s));
    }

    /**
     * {@code (target / stock)^η} within the ratio's bounds ({@link StockPriceRatio#of}); the least ratio without a
     * target. Every caller has a stock above dust.
     */
    private double stockRatio(double target, double stock) {
        return target > 0 ? StockPriceRatio.of(target, stock, askElasticity, minRatio, maxRatio) : minRatio;
    }

    /**
     * The lowest market price at which the firm's revenue per unit, with any price support, covers a marginal cost: the
     * cost itself without support. Under a contract for difference the firm is paid, on top of its sale price, what the
     * contract pays a unit (the strike less the reference market's price, scaled by the share of its sales the contract
     * covers, or less the clawback above the strike): it sells down to its cost less that payment and no lower, since
     * the payment does not grow as its own price falls within the tick. A purchase guarantee whose cap covers only part
     * of its output pays so too: the covered share of the floor's gap over last tick's price; so does a contract on
     * the firm's own price so capped, on all but the firm's part of the cap ({@link #strikeFloor}). Under any other
     * purchase guarantee on its own market, below a floor above the cost, the expected price less the room the floor
     * leaves over the cost; above the floor with an upside share, the price whose share kept covers the cost.
     */
    private double lowestPrice(int f, double mc) {
        Firms x = firms;
        double strike = x.supports.strike(f);
        if (Double.isNaN(strike)) {
            return mc;
        }
        double payment = x.supports.payment[f];
        if (!Double.isNaN(payment)) {
            return Math.max(0.0, mc - payment);
        }
        return strikeFloor(f, mc);
    }

    /**
     * The lowest market price at which a unit the firm's support makes up to its strike covers a marginal cost: the
     * expected price less the room the strike leaves over the cost below it, the price whose share kept covers the
     * cost above it with an upside share.
     */
    private double strikeFloor(int f, double mc) {
        Firms x = firms;
        double strike = x.supports.strike[f];
        if (mc <= strike) {
            return Math.max(0.0, x.expectedPrice[f] - (strike - mc));
        }
        double u = x.supports.upsideShare[f];
        return u < 1 ? (mc - u * strike) / (1 - u) : mc;
    }

    /** What a support adds to the firm's expected price per unit (negative above a strike with upside share). */
    private double support(int f) {
        return firms.supports.supportedPrice(f, firms.expectedPrice[f]) - firms.expectedPrice[f];
    }

    /** Books a sale: stock leaves, revenue counts toward producer surplus. */
    public void settleSale(int f, double quantity, double price, double valuePerUnit, Ledger ledger) {
        firms.stock[f] -= quantity;
        firms.sold[f] += quantity;
        ledger.revenue(firms.market[f], quantity * price * valuePerUnit);
    }

    /**
     * Produces the planned output of a firm with no purchased inputs.
     *
     * @return the output made, which the caller adds to the firm's market with its variable cost
     */
    public double produce(int f) {
        double q = firms.plannedOutput[f];
        firms.output[f] = q;
        if (q <= 0) {
            return 0;
        }
        firms.stock[f] += q;
        return q;
    }

    /** Normal sales follow actual sales slowly, over {@code behaviour.normalSalesWeeks} (a quarter by default). */
    public void endTick(int f) {
        Firms x = firms;
        x.normalSales[f] += normalSalesWeight * (x.sold[f] - x.normalSales[f]);
        x.sold[f] = 0;
    }
}
