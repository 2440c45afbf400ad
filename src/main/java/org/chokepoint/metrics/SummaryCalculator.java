package org.chokepoint.metrics;

import java.util.ArrayList;
import java.util.List;
import org.chokepoint.agent.Households;
import org.chokepoint.scenario.PriceBase;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.world.Commodity;
import org.chokepoint.world.World;

/**
 * Turns a finished run (and its counterfactual, when there is one) into a {@link Summary}. The definitions,
 * which {@code docs/outputs.md} repeats for readers of the results:
 *
 * <ul>
 *   <li><b>pre-shock window</b>: the {@code W = time.baselineWindowTicks} ticks before the first shock
 *       {@code s >= 1} ({@link org.chokepoint.scenario.Scenario#firstShockTick()}, policies included), {@code [max(0, s - W), s)}; without a shock the W ticks before the end of the warm-up,
 *       {@code [max(0, warmup - W), warmup)}, or tick 0 alone with no warm-up; clipped to the horizon.
 *       Everything below looks at ticks from the window's start on.</li>
 *   <li><b>baseline price</b>: mean price over the window; <b>peak</b>: highest price (first tick on ties);
 *       <b>recovery</b>: first tick after the peak with {@code |p / baseline - 1| <= 0.10}, or the peak tick
 *       when the peak is within 10% of the baseline.</li>
 *   <li><b>downstream output loss</b>: counterfactual minus actual production of component and final goods,
 *       valued at their initial prices.</li>
 *   <li><b>consumer surplus change</b>: for each household sector and tick, minus the area under this tick's
 *       demand curve between the counterfactual price and the actual price, less what households paid beyond the
 *       price (a resilience standard's premium and penalty), the run's less the counterfactual's.</li>
 *   <li><b>producer surplus change</b>: actual minus counterfactual producer surplus.</li>
 *   <li><b>traders' surplus change</b>: actual minus counterfactual traders' surplus, the margin of the cargo
 *       sold in each market after every cost the traders paid, duties and licence rents included.</li>
 * </ul>
 */
public final class SummaryCalculator {

    /** A price within this share of its baseline has recovered. */
    public static final double RECOVERY_BAND = 0.10;

    /**
     * The price multiples of the baseline whose first crossing the summary reports ({@code firstTickAbove2x},
     * {@code firstTickAbove5x}): a doubling is where buyers start to thrift and substitute in earnest, five
     * times is a crisis price (the 2011 rare-earth peak was ten to twenty times the 2009 price).
     */
    public static final int[] PRICE_MULTIPLES = {2, 5};

    private SummaryCalculator() {
    }

    /** The pre-shock window {@code [start, end)} of a run, in ticks. */
    public record Window(int start, int end) {
        public int length() {
            return end - start;
        }
    }

    /** @param counterfactual the same scenario without its shocks (background kept), same seed; may be null */
    public static Summary compute(RunView run, RunView counterfactual) {
        if (counterfactual != null && counterfactual.horizon() != run.horizon()) {
            throw new IllegalArgumentException("a counterfactual must run as long as the run: "
                    + counterfactual.horizon() + " ticks against " + run.horizon());
        }
        SeriesRecorder series = run.series();
        World world = run.world();
        int horizon = run.horizon();
        int shock = run.firstShockTick();
        Window window = window(run.scenario().time(), shock, horizon);
        int from = accountingStart(run.scenario(), window);

        List<Summary.MarketSummary> markets = new ArrayList<>();
        for (int m = 0; m < world.marketCount(); m++) {
            if (run.reported(m)) {
                markets.add(market(series, counterfactual == null ? null : counterfactual.series(), world, m,
                        window, from, shock, horizon, run.scenario().outputs().exhaustionShareOrDefault()));
            }
        }

        double rate = run.scenario().time().discountRateOrDefault();
        int decision = run.scenario().decisionTick();
        double[] discount = discountFactors(rate, world.ticksPerYear(), horizon, decision);
        double atEnd = discountFactor(rate, world.ticksPerYear(), horizon, decision);
        int regions = world.regionCount();
        // Every money flow is the run's less its counterfactual's: background policies spend in both worlds.
        double[][] loss = new double[regions][horizon];
        double[] shortage = new double[horizon];
        double[][] cs = new double[regions][horizon];
        double[][] ps = new double[regions][horizon];
        double[][] fiscal = new double[regions][horizon];
        double[][] levy = new double[regions][horizon];
        double[][] quota = new double[regions][horizon];
        double[][] traders = new double[regions][horizon];
        double[] stock = new double[regions];
        double[] privateStock = new double[regions];
        double[] plant = new double[regions];
        if (counterfactual != null) {
            valueAddedLossByRegionAndTick(run, counterfactual, from, loss);
            shortage = finalDemandShortageByTick(run, counterfactual, from);
            consumerSurplusChangeByTick(run, counterfactual, from, cs);
            producerSurplusChangeByTick(run, counterfactual, from, ps);
            differenceByRegion(run, counterfactual, Metric.TRADER_SURPLUS, from, traders);
            differenceByRegion(run, counterfactual, Metric.FISCAL_COST, fiscal);
            differenceByRegion(run, counterfactual, Metric.LEVY_REVENUE, levy);
            differenceByRegion(run, counterfactual, Metric.QUOTA_RENT, quota);
            double[] mine = publicStockValueByRegion(run);
            double[] theirs = publicStockValueByRegion(counterfactual);
            double[] held = privateStockValueByRegion(run);
            double[] heldCf = privateStockValueByRegion(counterfactual);
            double[] built = plantValueByRegion(run);
            double[] builtCf = plantValueByRegion(counterfactual);
            for (int r = 0; r < regions; r++) {
                stock[r] = mine[r] - theirs[r];
                privateStock[r] = held[r] - heldCf[r];
                plant[r] = built[r] - builtCf[r];
            }
        }
        double[] lossAll = new double[horizon];
        double[] csAll = new double[horizon];
        double[] psAll = new double[horizon];
        double[] fiscalAll = new double[horizon];
        double[] levyAll = new double[horizon];
        double[] quotaAll = new double[horizon];
        double[] tradersAll = new double[horizon];
        double stockAll = 0;
        double privateStockAll = 0;
        double plantAll = 0;
        List<Summary.RegionSurplus> byRegion = new ArrayList<>();
        for (int r = 0; r < regions; r++) {
            double[] taxpayers = new double[horizon];
            for (int t = 0; t < horizon; t++) {
                lossAll[t] += loss[r][t];
                csAll[t] += cs[r][t];
                psAll[t] += ps[r][t];
                fiscalAll[t] += fiscal[r][t];
                levyAll[t] += levy[r][t];
                quotaAll[t] += quota[r][t];
                tradersAll[t] += traders[r][t];
                taxpayers[t] = levy[r][t] - fiscal[r][t];
            }
            stockAll += stock[r];
            privateStockAll += privateStock[r];
            plantAll += plant[r];
            byRegion.add(new Summary.RegionSurplus(world.region(r).id(), sum(cs[r], null), sum(ps[r], null),
                    sum(taxpayers, null) + stock[r], sum(quota[r], null), sum(traders[r], null), privateStock[r],
                    plant[r], sum(loss[r], null), sum(cs[r], discount), sum(ps[r], discount),
                    sum(taxpayers, discount) + stock[r] * atEnd, sum(quota[r], discount), sum(traders[r], discount),
                    privateStock[r] * atEnd, plant[r] * atEnd, sum(loss[r], discount)));
        }
        double[] dwl = new double[horizon];
        for (int t = 0; t < horizon; t++) {
            dwl[t] = Summary.Totals.deadweight(csAll[t], psAll[t], fiscalAll[t], 0, levyAll[t], quotaAll[t],
                    tradersAll[t], 0, 0);
        }
        // The stocks and plant held at the end are valued once, after the last tick: the same sum with the flows at
        // zero.
        double stocksAtEnd = Summary.Totals.deadweight(0, 0, 0, stockAll, 0, 0, 0, privateStockAll, plantAll);
        Summary.PresentValues pv = new Summary.PresentValues(sum(lossAll, discount), sum(shortage, discount),
                sum(csAll, discount), sum(psAll, discount), sum(fiscalAll, discount), stockAll * atEnd,
                sum(levyAll, discount), sum(quotaAll, discount), sum(tradersAll, discount), privateStockAll * atEnd,
                plantAll * atEnd, sum(dwl, discount) + stocksAtEnd * atEnd);
        Summary.Totals totals = new Summary.Totals(sum(lossAll, null), sum(shortage, null), sum(csAll, null),
                sum(psAll, null), sum(fiscalAll, null), stockAll, sum(levyAll, null), sum(quotaAll, null),
                sum(tradersAll, null), privateStockAll, plantAll, sum(dwl, null) + stocksAtEnd, rate, decision, pv);
        PriceBase money = PriceBase.of(run.scenario());
        double k = money.deflator();
        return new Summary(markets, totals.scaled(k), byRegion.stream().map(r -> r.scaled(k)).toList(),
                run.policyIndicators(), money, run.prospectIndicators(), run.expansionIndicators());
    }

    /** {@code (1 + rate)^(-(t - decision) / ticksPerYear)} for each tick t from the run's first. */
    public static double[] discountFactors(double rate, int ticksPerYear, int horizon, int decision) {
        double[] d = new double[horizon];
        for (int t = 0; t < horizon; t++) {
            d[t] = discountFactor(rate, ticksPerYear, t, decision);
        }
        return d;
    }

    /**
     * What a dollar at tick t is worth at the decision tick: less when it comes later, more (compounded forward
     * at the same rate) when it came before.
     */
    public static double discountFactor(double rate, int ticksPerYear, int t, int decision) {
        return Math.pow(1 + rate, -(double) (t - decision) / ticksPerYear);
    }

    /** A metric of the run less the counterfactual's, by region of its market and tick, from tick 0. */
    private static void differenceByRegion(RunView run, RunView cf, Metric metric, double[][] out) {
        differenceByRegion(run, cf, metric, 0, out);
    }

    /** A metric of the run less the counterfactual's, by region of its market and tick, from tick {@code from}. */
    private static void differenceByRegion(RunView run, RunView cf, Metric metric, int from, double[][] out) {
        World world = run.world();
        for (int m = 0; m < world.marketCount(); m++) {
            int r = world.regionOfMarket(m);
            for (int t = from; t < run.horizon(); t++) {
                out[r][t] += run.series().get(t, m, metric) - cf.series().get(t, m, metric);
            }
        }
    }

    /**
     * What the stocks governments hold at the end of a run are worth at the last tick's market price, by the
     * region whose government holds them, in US dollars: a stock bought is an asset, not spent money, and is valued
     * as the market would value it, where it lies. It goes to the government that paid for it, whose fiscal cost
     * the purchase is: credited to the region it lies in, an agency buying abroad left its own taxpayers with the
     * whole outlay and handed the other region's the stock.
     */
    public static double[] publicStockValueByRegion(RunView run) {
        World world = run.world();
        double[] out = new double[world.regionCount()];
        int last = run.horizon() - 1;
        for (int m = 0; m < world.marketCount(); m++) {
            if (run.publicStockAtEnd(m) == 0) {
                continue;
            }
            double price = run.series().get(last, m, Metric.PRICE);
            double valuePerUnit = world.commodity(world.commodityOfMarket(m)).valuePerUnit();
            for (int r = 0; r < out.length; r++) {
                double q = run.publicStockAtEnd(m, r);
                if (q != 0) {
                    out[r] += q * price * valuePerUnit;
                }
            }
        }
        return out;
    }

    /**
     * What the new plant whose capital the sum counted is worth after the last tick, by the region it makes in, in US
     * dollars ({@link org.chokepoint.agent.PlantBook}): the capital was charged whole when paid.
     */
    public static double[] plantValueByRegion(RunView run) {
        World world = run.world();
        double[] byMarket = new double[world.marketCount()];
        run.addPlantValueAtEnd(byMarket);
        double[] out = new double[world.regionCount()];
        for (int m = 0; m < byMarket.length; m++) {
            out[world.regionOfMarket(m)] += byMarket[m];
        }
        return out;
    }

    /**
     * What the stocks everyone but the governments' instruments holds at the end of a run are worth at the last
     * tick's market price, beyond what the surplus series already count them at, by region, in US dollars. Firms
     * and traders charge a unit's cost to their surplus when they pay it (production, a purchase, freight), so
     * their stock at the end is counted at nothing and is valued whole; stockists and consortium pools charge a
     * purchase only when they sell the units or hand them on, so theirs is counted at what it cost, and only the
     * market value above that is added. Cargo at sea is valued at its destination's price.
     */
    public static double[] privateStockValueByRegion(RunView run) {
        World world = run.world();
        int markets = world.marketCount();
        double[] held = new double[markets];
        double[] bookValue = new double[markets];
        run.addPrivateStockAtEnd(held, bookValue);
        double[] out = new double[world.regionCount()];
        int last = run.horizon() - 1;
        for (int m = 0; m < markets; m++) {
            if (held[m] != 0 || bookValue[m] != 0) {
                out[world.regionOfMarket(m)] += held[m] * run.series().get(last, m, Metric.PRICE)
                        * world.commodity(world.commodityOfMarket(m)).valuePerUnit() - bookValue[m];
            }
        }
        return out;
    }

    /**
     * Final demand rationed, the run's less the counterfactual's, valued at initial prices, per tick from
     * {@code from} on. Firms' unmet input demand is not in it: what it cost shows as their lost output.
     */
    public static double[] finalDemandShortageByTick(RunView run, RunView cf, int from) {
        World world = run.world();
        double[] out = new double[run.horizon()];
        for (int m = 0; m < world.marketCount(); m++) {
            Commodity c = world.commodity(world.commodityOfMarket(m));
            double value = c.initialPrice() * c.valuePerUnit();
            for (int t = from; t < run.horizon(); t++) {
                out[t] += (run.series().get(t, m, Metric.UNMET_FINAL_DEMAND)
                        - cf.series().get(t, m, Metric.UNMET_FINAL_DEMAND)) * value;
            }
        }
        return out;
    }

    private static double sum(double[] x, double[] weights) {
        double s = 0;
        for (int t = 0; t < x.length; t++) {
            s += weights == null ? x[t] : x[t] * weights[t];
        }
        return s;
    }

    /**
     * The pre-shock window for a first shock at {@code shock} (below 1: none), clipped to the horizon. A window
     * that would end at tick 0 (no warm-up, and no shock after tick 0) is tick 0 alone, the price the run starts
     * at: with no tick in it every market's baseline price, and all that is measured against it, was undefined.
     */
    public static Window window(Scenario.TimeSpec time, int shock, int horizon) {
        int w = time.baselineWindowOrDefault();
        int end = shock >= 1 ? shock : time.warmupOrDefault();
        end = Math.min(Math.max(end, 1), horizon);
        int start = Math.max(0, end - w);
        return new Window(start, end);
    }

    /**
     * The first tick the welfare totals and a market's output loss count: the pre-shock window's start, or, where
     * an instrument acts before it (a contract for difference or a tariff floor in force years before the
     * restriction), the first tick the run can differ from its counterfactual, so that what an option spends and
     * what it changes are counted over the same weeks. Before that tick the run and its counterfactual are the
     * same world under the same seed, and every difference is zero.
     */
    static int accountingStart(Scenario scenario, Window window) {
        int differs = scenario.firstDifferenceFromCounterfactual();
        return differs < 0 ? window.start() : Math.min(window.start(), differs);
    }

    private static Summary.MarketSummary market(SeriesRecorder s, SeriesRecorder cf, World world, int m,
                                                Window window, int from, int shock, int horizon,
                                                double exhaustionShare) {
        double sum = 0;
        for (int t = window.start(); t < window.end(); t++) {
            sum += s.get(t, m, Metric.PRICE);
        }
        double baseline = window.length() > 0 ? sum / window.length() : Double.NaN;

        double peak = Double.NaN;
        int peakTick = -1;
        double shortage = 0;
        for (int t = window.start(); t < horizon; t++) {
            double p = s.get(t, m, Metric.PRICE);
            if (peakTick < 0 || p > peak) {
                peak = p;
                peakTick = t;
            }
            shortage += s.get(t, m, Metric.UNMET_DEMAND);
        }
        double multiple = peakMultiple(peak, baseline);

        Integer recovery = null;
        if (multiple <= 1 + RECOVERY_BAND) {
            recovery = peakTick;
        } else {
            for (int t = peakTick + 1; t < horizon; t++) {
                if (Math.abs(s.get(t, m, Metric.PRICE) / baseline - 1) <= RECOVERY_BAND) {
                    recovery = t;
                    break;
                }
            }
        }

        Double cover = null;
        if (shock >= 1 && shock - 1 < horizon) {
            double days = s.get(shock - 1, m, Metric.INVENTORY_DAYS);
            cover = Double.isNaN(days) ? null : days;
        }
        Double lost = null;
        Double lostShare = null;
        if (cf != null) {
            double produced = 0;
            double wouldHave = 0;
            for (int t = from; t < horizon; t++) {
                produced += s.get(t, m, Metric.PRODUCTION);
                wouldHave += cf.get(t, m, Metric.PRODUCTION);
            }
            lost = wouldHave - produced;
            // The loss counts from the accounting start (what an early instrument changed included), but the share
            // divides it by the counterfactual's output from the window's start, which every option of a
            // comparison shares: an inert instrument from week 26 must not dilute the share.
            double base = 0;
            for (int t = window.start(); t < horizon; t++) {
                base += cf.get(t, m, Metric.PRODUCTION);
            }
            lostShare = base > 0 ? lost / base : null;
        }
        int market = m;
        Integer exhaustion = ticksToExhaustion(t -> s.get(t, market, Metric.STOCK), window, shock, horizon,
                exhaustionShare);
        Integer above2 = firstTickAboveMultiple(t -> s.get(t, market, Metric.PRICE), window.start(), horizon,
                PRICE_MULTIPLES[0], baseline);
        Integer above5 = firstTickAboveMultiple(t -> s.get(t, market, Metric.PRICE), window.start(), horizon,
                PRICE_MULTIPLES[1], baseline);
        return new Summary.MarketSummary(world.region(world.regionOfMarket(m)).id(),
                world.commodity(world.commodityOfMarket(m)).id(), baseline, peak, peakTick, multiple, recovery,
                shortage, cover, lost, lostShare, exhaustion, above2, above5);
    }

    /**
     * Ticks from the first shock {@code shock} to the first tick from it on whose stock is below {@code share}
     * of the mean stock over the pre-shock window; null without a shock, with no stock before it, or when the
     * stock never fell so far.
     */
    public static Integer ticksToExhaustion(java.util.function.IntToDoubleFunction stock, Window window, int shock,
                                            int horizon, double share) {
        if (shock < 1 || window.length() == 0) {
            return null;
        }
        double sum = 0;
        for (int t = window.start(); t < window.end(); t++) {
            sum += stock.applyAsDouble(t);
        }
        double before = sum / window.length();
        if (!(before > 0)) {
            return null;
        }
        for (int t = shock; t < horizon; t++) {
            if (stock.applyAsDouble(t) < share * before) {
                return t - shock;
            }
        }
        return null;
    }

    /**
     * The peak price over the pre-shock price; NaN (NA in the tables) when the pre-shock price is not above 0,
     * since a multiple of nothing is no number, not an infinity to plot or rank markets by.
     */
    public static double peakMultiple(double peak, double baseline) {
        return baseline > 0 ? peak / baseline : Double.NaN;
    }

    /**
     * The first tick from {@code from} on whose price is above {@code k} times {@code baseline}; null when there
     * is none, and when the pre-shock price is not above 0 (any price at all is "above" twice nothing).
     */
    public static Integer firstTickAboveMultiple(java.util.function.IntToDoubleFunction price, int from, int horizon,
                                                 double k, double baseline) {
        return baseline > 0 ? firstTickAbove(price, from, horizon, k * baseline) : null;
    }

    /** The first tick from {@code from} on whose price is above {@code level}, or null (also for a NaN level). */
    public static Integer firstTickAbove(java.util.function.IntToDoubleFunction price, int from, int horizon,
                                         double level) {
        if (Double.isNaN(level)) {
            return null;
        }
        for (int t = from; t < horizon; t++) {
            if (price.applyAsDouble(t) > level) {
                return t;
            }
        }
        return null;
    }

    /**
     * Lost production of component and final goods per tick, in value added at initial prices, US dollars:
     * each good's lost output times its {@link #valueAddedPerUnit}, so a magnet lost with the motor it would
     * have gone into counts once, in the motor maker's and the magnet maker's value added.
     */
    public static double[] downstreamOutputLossByTick(RunView run, RunView cf, int from) {
        double[][] byRegion = new double[run.world().regionCount()][run.horizon()];
        valueAddedLossByRegionAndTick(run, cf, from, byRegion);
        double[] loss = new double[run.horizon()];
        for (double[] r : byRegion) {
            for (int t = 0; t < loss.length; t++) {
                loss[t] += r[t];
            }
        }
        return loss;
    }

    /** {@link #downstreamOutputLossByTick} by the region of the firms that lost it, added into {@code out}. */
    public static void valueAddedLossByRegionAndTick(RunView run, RunView cf, int from, double[][] out) {
        World world = run.world();
        for (int m = 0; m < world.marketCount(); m++) {
            int c = world.commodityOfMarket(m);
            if (!world.commodity(c).stage().isDownstream()) {
                continue;
            }
            double value = valueAddedPerUnit(world, c);
            int r = world.regionOfMarket(m);
            for (int t = from; t < run.horizon(); t++) {
                out[r][t] += (cf.series().get(t, m, Metric.PRODUCTION) - run.series().get(t, m, Metric.PRODUCTION))
                        * value;
            }
        }
    }

    /**
     * A good's value added per quantity unit at initial prices, US dollars: its value less the value of the
     * inputs its recipe takes at their initial intensities. A good no recipe makes adds its whole value.
     */
    public static double valueAddedPerUnit(World world, int commodity) {
        Commodity c = world.commodity(commodity);
        double value = c.initialPrice() * c.valuePerUnit();
        int recipe = world.recipeFor(commodity);
        if (recipe >= 0) {
            org.chokepoint.world.Recipe rec = world.recipe(recipe);
            for (int j = 0; j < rec.inputCount(); j++) {
                Commodity in = world.commodity(rec.inputs()[j]);
                value -= rec.perUnit()[j] * in.initialPrice() * in.valuePerUnit();
            }
        }
        return value;
    }

    /**
     * Consumer surplus change per region and tick, added into {@code out[region][tick]}: the area under the demand
     * curves between the two prices, less what households paid beyond the price (a resilience standard's premium),
     * the run's less the counterfactual's.
     */
    public static void consumerSurplusChangeByTick(RunView run, RunView cf, int from, double[][] out) {
        Households h = run.households();
        World world = run.world();
        for (int i = 0; i < h.count; i++) {
            int m = h.market(i);
            int r = world.regionOfMarket(m);
            double value = world.commodity(world.commodityOfMarket(m)).valuePerUnit();
            for (int t = from; t < run.horizon(); t++) {
                double actual = run.series().get(t, m, Metric.PRICE);
                double counterfactual = cf.series().get(t, m, Metric.PRICE);
                out[r][t] -= demandIntegral(run.householdScale(t, i), h.referencePrice(i), h.elasticity(i),
                        h.linear(i), h.chokePrice(i), counterfactual, actual) * value;
            }
        }
        for (int r = 0; r < world.regionCount(); r++) {
            for (int t = from; t < run.horizon(); t++) {
                out[r][t] -= run.householdCharges(t, r) - cf.householdCharges(t, r);
            }
        }
    }

    /** Producer surplus change per region and tick, added into {@code out[region][tick]}. */
    public static void producerSurplusChangeByTick(RunView run, RunView cf, int from, double[][] out) {
        World world = run.world();
        for (int m = 0; m < world.marketCount(); m++) {
            int r = world.regionOfMarket(m);
            for (int t = from; t < run.horizon(); t++) {
                out[r][t] += run.series().get(t, m, Metric.PRODUCER_SURPLUS)
                        - cf.series().get(t, m, Metric.PRODUCER_SURPLUS);
            }
        }
    }

    /** Lost production of component and final goods, in value added at initial prices, in US dollars. */
    static double downstreamOutputLoss(RunView run, RunView cf, int from) {
        double loss = 0;
        for (double l : downstreamOutputLossByTick(run, cf, from)) {
            loss += l;
        }
        return loss;
    }

    /**
     * {@link #demandIntegral(double, double, double, boolean, double, double)} of a curve that buys nothing above
     * {@code choke}, as a household sector's does: a price above it is counted as the choke price, where the
     * sector already bought nothing, so a quote that rises past it loses the sector no more surplus. Integrated to
     * the quote, the curve's area above the choke price was counted as surplus lost on purchases never made.
     */
    public static double demandIntegral(double scale, double p0, double eps, boolean linear, double choke, double a,
                                        double b) {
        return demandIntegral(scale, p0, eps, linear, Math.min(a, choke), Math.min(b, choke));
    }

    /**
     * {@code ∫_a^b D(x) dx} for a demand curve of scale A through reference price p0 with elasticity eps at
     * p0: isoelastic {@code D(x) = A (x/p0)^eps}, flat below {@link Households#FLAT_BELOW} of p0 as the
     * households' curve is, or linear {@code D(x) = A max(0, 1 + eps (x/p0 - 1))}. The integral is signed:
     * negative when {@code b < a}.
     */
    public static double demandIntegral(double scale, double p0, double eps, boolean linear, double a, double b) {
        if (a == b) {
            return 0;
        }
        if (linear) {
            return scale * (linearAntiderivative(p0, eps, b) - linearAntiderivative(p0, eps, a));
        }
        if (Math.min(a, b) < Households.FLAT_BELOW * p0) {
            return scale * (isoelasticAntiderivative(p0, eps, b) - isoelasticAntiderivative(p0, eps, a));
        }
        if (Math.abs(eps + 1) < 1e-12) {
            return scale * p0 * Math.log(b / a);
        }
        return scale * p0 / (eps + 1) * (Math.pow(b / p0, eps + 1) - Math.pow(a / p0, eps + 1));
    }

    /**
     * An antiderivative of {@code (max(x, k)/p0)^eps}, {@code k} being {@link Households#FLAT_BELOW} of p0: the
     * curve is flat below k. A market can quote 0 (a crossing at a zero ask), and the power's own integral down to
     * 0 is infinite at an elasticity of -1 or below, where the households' purchases are bounded by the flat part.
     */
    private static double isoelasticAntiderivative(double p0, double eps, double x) {
        double knee = Households.FLAT_BELOW * p0;
        double flat = 0;
        if (x < knee) {
            flat = (x - knee) * Math.pow(Households.FLAT_BELOW, eps);
            x = knee;
        }
        double power = Math.abs(eps + 1) < 1e-12 ? p0 * Math.log(x / p0)
                : p0 / (eps + 1) * Math.pow(x / p0, eps + 1);
        return power + flat;
    }

    /**
     * An antiderivative of {@code max(0, 1 + eps (x/p0 - 1))}: the line is integrated up to the choke price
     * {@code p0 (1 - 1/eps)} and is flat beyond it (below it when eps is positive).
     */
    private static double linearAntiderivative(double p0, double eps, double x) {
        if (eps != 0) {
            double choke = p0 * (1 - 1 / eps);
            x = eps < 0 ? Math.min(x, choke) : Math.max(x, choke);
        }
        return (1 - eps) * x + eps * x * x / (2 * p0);
    }
}
