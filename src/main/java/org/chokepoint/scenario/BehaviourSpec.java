package org.chokepoint.scenario;

/**
 * How agents decide, shared by every firm, trader and market of a scenario. Absent values take the
 * defaults below; {@code docs/scenario-format.md} says why each default is plausible. Spans named in weeks
 * are calendar time, turned into ticks through {@code time.ticksPerYear} (see {@link TickTime}); spans named
 * in ticks are ticks.
 *
 * @param expectationRate share of the gap between the last price and the expectation closed each tick
 * @param stockCoverTicks a firm's target output stock, in ticks of its normal sales
 * @param inputCoverTicks a manufacturer's target input stock, in ticks of its input use
 * @param stockAdjustTicks ticks over which a firm plans to close a gap between its stock and the target
 * @param askStockElasticity how far a seller's ask moves with its stock: {@code ask = E * (target / stock)^η}
 * @param priceAdjustment share by which a market's quoted price moves in a tick without a crossing
 * @param investment when and how firms add capacity
 * @param exit when firms mothball, exit and restart
 * @param thrift how manufacturers cut the use of an input that stays dear
 * @param demandNoise standard deviation of the log of final demand around its curve, per tick
 * @param demandNoisePersistence autocorrelation of that noise from one tick to the next
 * @param outputAdjustment share of the gap between last tick's output and the desired output closed in a tick
 * @param contractPriceAdjustment share of the gap to its formula's target a contract price closes from one tick
 *                                to the next
 * @param speculation when traders hold stock on an expected rise in price
 * @param normalSalesWeeks the span over which a firm's and a trader's normal sales follow what they sold
 * @param offerWeeks weeks of its normal sales a seller offers in a tick when its stock is at its target
 * @param minStockPriceRatio lowest ratio {@code (target / stock)^η} by which a seller's ask or a buyer's bid
 *                           departs from its expected price
 * @param maxStockPriceRatio highest such ratio
 * @param maxPricePull the most a price above a firm's marginal cost multiplies the sales it plans for in a tick
 * @param trading how traders size their flows and hold cargo
 * @param jointProcurement the windows over which a joint-procurement consortium watches and remembers
 * @param strategicStockpile how a stockpile agency follows the region's use
 * @param precaution how buyers raise the cover they hold when their supply is threatened
 * @param sellerAsk what an operating seller asks: {@link #ASK_PLAN} (the marginal cost of its plan, its whole offer
 *                  cut when it is long in stock), {@link #ASK_NORMAL_SALES} (the marginal cost of its normal sales,
 *                  only the stock beyond its target cut; traders likewise cut only their share of the lane's excess) or
 *                  {@link #ASK_LADDER} (the same, its offer in slices each at the cost of the normal sales it would
 *                  leave, and traders buying their whole order at their least margin)
 * @param manufacturerPlan the sales a manufacturer plans for: {@link #PLAN_SALES} (its normal sales, pulled by its
 *                         price over the marginal cost of its plan, as every other firm) or {@link #PLAN_SUPPLY_CURVE}
 *                         (its conversion supply curve's output at the net price it expects)
 */
public record BehaviourSpec(Double expectationRate, Double stockCoverTicks, Double inputCoverTicks,
                            Double stockAdjustTicks, Double askStockElasticity, Double priceAdjustment,
                            Investment investment, Exit exit, Thrift thrift, Double demandNoise,
                            Double demandNoisePersistence, Double outputAdjustment, Double contractPriceAdjustment,
                            Speculation speculation, Double normalSalesWeeks, Double offerWeeks,
                            Double minStockPriceRatio, Double maxStockPriceRatio, Double maxPricePull, Trading trading,
                            JointProcurement jointProcurement, StrategicStockpile strategicStockpile,
                            Precaution precaution, String sellerAsk, String manufacturerPlan) {

    /** A seller asks the marginal cost of its plan and cuts its whole offer when long in stock. */
    public static final String ASK_PLAN = "plan";
    /** A seller asks the marginal cost of its normal sales and cuts only the stock beyond its target. */
    public static final String ASK_NORMAL_SALES = "normalSales";
    /**
     * As {@link #ASK_NORMAL_SALES}, the offer in slices each asked at the cost of the normal sales its sale would
     * leave, and a trader's bid for cargo buying its whole order while the cargo earns its least margin.
     */
    public static final String ASK_LADDER = "ladder";
    /** A manufacturer plans, as every firm, on its normal sales pulled by its price over its marginal cost. */
    public static final String PLAN_SALES = "sales";
    /** A manufacturer plans on its supply curve's output at the net price it expects. */
    public static final String PLAN_SUPPLY_CURVE = "supplyCurve";

    public static final BehaviourSpec DEFAULTS =
            new BehaviourSpec(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null);

    public BehaviourSpec {
        expectationRate = or(expectationRate, 0.08);
        stockCoverTicks = or(stockCoverTicks, 4.0);
        inputCoverTicks = or(inputCoverTicks, 6.0);
        stockAdjustTicks = or(stockAdjustTicks, 8.0);
        askStockElasticity = or(askStockElasticity, 0.2);
        priceAdjustment = or(priceAdjustment, 0.25);
        investment = investment == null ? new Investment(null, null, null, null, null, null, null, null) : investment;
        exit = exit == null ? new Exit(null, null, null, null, null) : exit;
        thrift = thrift == null ? new Thrift(null, null, null, null) : thrift;
        demandNoise = or(demandNoise, 0.02);
        demandNoisePersistence = or(demandNoisePersistence, 0.8);
        outputAdjustment = or(outputAdjustment, 0.2);
        contractPriceAdjustment = or(contractPriceAdjustment, 0.02);
        speculation = speculation == null ? new Speculation(null, null, null, null, null, null) : speculation;
        normalSalesWeeks = or(normalSalesWeeks, 13.0);
        offerWeeks = or(offerWeeks, 1.5);
        minStockPriceRatio = or(minStockPriceRatio, 0.5);
        maxStockPriceRatio = or(maxStockPriceRatio, 3.0);
        maxPricePull = or(maxPricePull, 2.0);
        trading = trading == null ? new Trading(null, null, null, null, null, null, null, null) : trading;
        jointProcurement = jointProcurement == null ? new JointProcurement(null, null, null, null) : jointProcurement;
        strategicStockpile = strategicStockpile == null ? new StrategicStockpile(null) : strategicStockpile;
        precaution = precaution == null ? new Precaution(null, null, null, null) : precaution;
        sellerAsk = sellerAsk == null ? ASK_PLAN : sellerAsk;
        manufacturerPlan = manufacturerPlan == null ? PLAN_SALES : manufacturerPlan;
    }

    /** The same behaviour with these investment settings. */
    public BehaviourSpec withInvestment(Investment other) {
        return new BehaviourSpec(expectationRate, stockCoverTicks, inputCoverTicks, stockAdjustTicks,
                askStockElasticity, priceAdjustment, other, exit, thrift, demandNoise, demandNoisePersistence,
                outputAdjustment, contractPriceAdjustment, speculation, normalSalesWeeks, offerWeeks,
                minStockPriceRatio, maxStockPriceRatio, maxPricePull, trading, jointProcurement, strategicStockpile,
                precaution, sellerAsk, manufacturerPlan);
    }

    /** Whether sellers ask the cost of their normal sales and cut only the stock beyond their target. */
    public boolean asksNormalSales() {
        return ASK_NORMAL_SALES.equals(sellerAsk) || ASK_LADDER.equals(sellerAsk);
    }

    /** Whether manufacturers plan on their supply curve's output at the net price they expect. */
    public boolean manufacturersPlanOnSupplyCurve() {
        return PLAN_SUPPLY_CURVE.equals(manufacturerPlan);
    }

    /** Whether sellers offer along a ladder of the costs their sales would leave ({@link #ASK_LADDER}). */
    public boolean offersLadder() {
        return ASK_LADDER.equals(sellerAsk);
    }

    static double or(Double v, double d) {
        return v == null ? d : v;
    }

    static int or(Integer v, int d) {
        return v == null ? d : v;
    }

    /**
     * @param hurdle margin over full-capacity marginal cost, as a share of it, that must hold before a firm invests
     * @param patienceTicks ticks the expected margin must stay above the hurdle
     * @param stepShare capacity added by one project, as a share of current capacity
     * @param defaultLeadTicks lead time of a project when the firm gives none: by stage of the output
     * @param trendUtilizationFloor share of its normal utilization below which a firm's sales no longer justify
     *                              building capacity for the growth of demand it serves
     * @param tradeLeadTicks lead time of a trader's project to add shipping capacity on a lane that earns a rent
     * @param discountRate the yearly rate, real, at which a firm that gives its plant's capital cost (a prospect,
     *                     or any firm with {@code capexPerAnnualUnit}) recovers it; absent,
     *                     {@link #DEFAULT_DISCOUNT_RATE}
     * @param projectLifeYears the years over which such a firm recovers it; absent,
     *                         {@link #DEFAULT_PROJECT_LIFE_YEARS}
     */
    public record Investment(Double hurdle, Integer patienceTicks, Double stepShare, LeadTicks defaultLeadTicks,
                             Double trendUtilizationFloor, Integer tradeLeadTicks,
                             @com.fasterxml.jackson.annotation.JsonInclude(
                                     com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                             Double discountRate,
                             @com.fasterxml.jackson.annotation.JsonInclude(
                                     com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                             Integer projectLifeYears) {
        /**
         * Mining projects' feasibility studies discount at 5-10% real: 100 filed on SEDAR averaged 7.18%, 8.36%
         * leaving out the 35 at 5% (Ovalle, MassMin 2020). Only firms that give their plant's capital cost read it.
         */
        public static final double DEFAULT_DISCOUNT_RATE = 0.08;
        /** An assumption, a round life for a mine or a plant, not calibrated to any figure. */
        public static final int DEFAULT_PROJECT_LIFE_YEARS = 20;

        public Investment {
            hurdle = or(hurdle, 0.25);
            patienceTicks = or(patienceTicks, 26);
            stepShare = or(stepShare, 0.2);
            defaultLeadTicks = defaultLeadTicks == null ? new LeadTicks(null, null, null, null) : defaultLeadTicks;
            trendUtilizationFloor = or(trendUtilizationFloor, 0.9);
            tradeLeadTicks = or(tradeLeadTicks, 13);
            // The two stay null when absent rather than taking their defaults here: the manifest writes the
            // behaviour back as read, and a scenario whose firms give no capital cost, which never reads them, keeps its
            // bytes.
        }

        /** The same settings with the capital's rate and life written out, as a run whose firms give a capex uses them. */
        public Investment withCapitalDefaults() {
            return new Investment(hurdle, patienceTicks, stepShare, defaultLeadTicks, trendUtilizationFloor,
                    tradeLeadTicks, discountRateOrDefault(), projectLifeYearsOrDefault());
        }

        public double discountRateOrDefault() { return discountRate == null ? DEFAULT_DISCOUNT_RATE : discountRate; }

        public int projectLifeYearsOrDefault() {
            return projectLifeYears == null ? DEFAULT_PROJECT_LIFE_YEARS : projectLifeYears;
        }
    }

    /** Lead times by stage, in ticks: mines take years, separation plants one to two. */
    public record LeadTicks(Integer raw, Integer refined, Integer component,
                            @com.fasterxml.jackson.annotation.JsonProperty("final") Integer finalGood) {
        public LeadTicks {
            raw = or(raw, 156);
            refined = or(refined, 78);
            component = or(component, 52);
            finalGood = or(finalGood, 26);
        }
    }

    /**
     * @param mothballAfterTicks ticks the price the firm's goods fetch must stay below the lowest variable cost before a firm mothballs
     * @param exitAfterTicks ticks mothballed before a firm leaves for good
     * @param restartTicks ticks a firm long mothballed needs to produce again once it decides to; absent, half
     *                     the firm's investment lead time (a mine takes longer to bring back than an assembly line)
     * @param restartMargin margin over the lowest variable cost that makes a mothballed firm restart
     * @param restartPerIdleTick ticks of restart per tick the firm has stood mothballed, up to the restart lead: a
     *                           plant idled for a few months comes back sooner than one on care and maintenance for
     *                           years
     */
    public record Exit(Integer mothballAfterTicks, Integer exitAfterTicks, Integer restartTicks, Double restartMargin,
                       Double restartPerIdleTick) {
        public Exit {
            mothballAfterTicks = or(mothballAfterTicks, 26);
            exitAfterTicks = or(exitAfterTicks, 260);
            // Absent, a firm's restart takes half its investment lead time (see CapacityDecisions).
            restartMargin = or(restartMargin, 0.15);
            restartPerIdleTick = or(restartPerIdleTick, 1.0 / 3);
        }
    }

    /**
     * @param triggerMultiple input price, relative to its price where the run starts (its equilibrium price by
     *                        default, its initial price with {@code startAt} {@code initialPrices}), above which
     *                        manufacturers thrift
     * @param ratePerYear share of the gap to the floor closed per year while the trigger holds
     * @param patienceTicks ticks the trigger must hold before thrifting starts
     * @param maxPaceMultiple the most the pace of thrifting grows with the price: the pace grows by
     *                        {@code ratePerYear} with each doubling of the price past the trigger, up to this
     *                        multiple of it
     */
    public record Thrift(Double triggerMultiple, Double ratePerYear, Integer patienceTicks, Double maxPaceMultiple) {
        public Thrift {
            triggerMultiple = or(triggerMultiple, 2.0);
            ratePerYear = or(ratePerYear, 0.3);
            patienceTicks = or(patienceTicks, 13);
            maxPaceMultiple = or(maxPaceMultiple, 4.0);
        }
    }

    /**
     * Speculative storage: a trader extrapolates the price trend in each of the two markets it trades in and
     * holds extra stock there when the appreciation it expects over its holding horizon beats the carrying
     * cost; {@code docs/scenario-format.md} gives the rule and why each default is plausible.
     *
     * @param carryingCostPerYear interest, storage and insurance per year, as a share of the stock's value
     * @param horizonTicks ticks over which a trader expects to hold a speculative position
     * @param trendRate share of the gap between the last price change and the expected trend closed each tick
     * @param confidence standard errors of its own estimate by which a trend must exceed zero before a trader
     *                   believes it, so that noise around a steady price builds no position
     * @param capacityTicks the largest speculative position in each market, in ticks of the trader's shipping
     *                      capacity (its warehouse and credit line); 0 turns speculation off
     * @param sellFloor the lowest price a speculator takes for stock it no longer wants, as a share of the last
     *                  price
     */
    public record Speculation(Double carryingCostPerYear, Integer horizonTicks, Double trendRate, Double confidence,
                              Double capacityTicks, Double sellFloor) {
        public Speculation {
            carryingCostPerYear = or(carryingCostPerYear, 0.10);
            horizonTicks = or(horizonTicks, 26);
            trendRate = or(trendRate, 0.04);
            confidence = or(confidence, 2.5);
            capacityTicks = or(capacityTicks, 0.0);
            sellFloor = or(sellFloor, 0.5);
        }
    }

    /**
     * How a trader sizes the cargo it buys and the stock it holds, and prices what it lands: by stock management
     * with the supply line, at the lane's cost-plus price (see {@code agent.Traders}).
     *
     * @param stockCoverWeeks weeks of its normal sales a trader is content to hold at its destination once a
     *                        tick's sales are made
     * @param bootstrapShare share of its capacity a lane with no sales aims to ship once the gap has opened by
     *                       {@code openGap}
     * @param hoardingPremium how far above its expected destination price a trader holds stock while a
     *                        restriction is ahead, as a share of it, where its buyers do not read the supply
     *                        risk (with precaution the larger cover they call for holds the stock back instead)
     * @param detourWeeks extra transit of cargo that goes round a restriction through a third country
     * @param openGap how far the destination price must stand above a lane's cost-plus price, as a share of it,
     *                before a lane with no sales aims for its whole bootstrap share
     * @param passThrough how much of a dearer origin price a trader expects to pass on to its buyers, as a share
     *                    of the destination price: it bids at the origin up to that much above what the cargo is
     *                    worth at today's destination price
     * @param strandedCover multiples of its target stock beyond which a lane sells below what the cargo cost to
     *                      bring in
     * @param frontRunCoverWeeks weeks of its normal sales a trader can store at its destination, beyond its cargo
     *                           at sea, when it buys ahead of a restriction: its warehouse, not its ships, ends
     *                           front-running
     */
    public record Trading(Double stockCoverWeeks, Double bootstrapShare, Double hoardingPremium, Double detourWeeks,
                          Double openGap, Double passThrough, Double strandedCover, Double frontRunCoverWeeks) {
        public Trading {
            stockCoverWeeks = or(stockCoverWeeks, 2.0);
            bootstrapShare = or(bootstrapShare, 0.5);
            hoardingPremium = or(hoardingPremium, 0.15);
            detourWeeks = or(detourWeeks, 2.0);
            openGap = or(openGap, 0.1);
            passThrough = or(passThrough, 0.1);
            strandedCover = or(strandedCover, 4.0);
            frontRunCoverWeeks = or(frontRunCoverWeeks, 13.0);
        }
    }

    /**
     * @param cutoffWindowWeeks the span over which a consortium averages the imports from the disrupted origin
     *                          before it compares them with their baseline
     * @param allocationMemoryWeeks the span over which it remembers what it delivered to each member, which sets
     *                              the share of a member's output made from pooled input
     * @param allocationRequestWeeks weeks of its use of the product a buyer asks the allocation for, less its stock
     * @param collusiveMarkup the markup over marginal cost members price at while the consortium passes them
     *                        figures on each other's selling prices, output, customers or costs (Boyer and
     *                        Kotchoni 2015, bias-corrected median cartel overcharge: 16%)
     */
    public record JointProcurement(Double cutoffWindowWeeks, Double allocationMemoryWeeks,
                                   Double allocationRequestWeeks, Double collusiveMarkup) {
        public JointProcurement {
            cutoffWindowWeeks = or(cutoffWindowWeeks, 8.0);
            allocationMemoryWeeks = or(allocationMemoryWeeks, 13.0);
            allocationRequestWeeks = or(allocationRequestWeeks, 2.0);
            collusiveMarkup = or(collusiveMarkup, 0.16);
        }
    }

    /**
     * @param useAverageWeeks the span over which a stockpile agency's estimate of the region's use follows its
     *                        consumption (the use its target of days is counted in)
     */
    public record StrategicStockpile(Double useAverageWeeks) {
        public StrategicStockpile {
            useAverageWeeks = or(useAverageWeeks, 20.0);
        }
    }

    /**
     * Precautionary demand: a buyer's perceived risk to its supply of an input (0 to 1) is the share of its
     * market's supply that a restriction threatens, from the tick the restriction is announced, and the share
     * that restrictions, closures and licence refusals actually stop once they bite, plus a share for prices
     * far more volatile than usual; it falls back at its half-life once the threat has gone. The cover a buyer
     * aims for moves from its usual cover toward {@code coverWeeksAtFullRisk} in proportion to the risk, and
     * while it is short of that cover it bids above the going price, up to what the input is worth to it
     * (see {@code docs/scenario-format.md}).
     *
     * @param coverWeeksAtFullRisk weeks of its use a buyer aims to hold when its whole supply is threatened;
     *                             26 by default (the sourced value); 0 turns precautionary demand off
     * @param riskHalfLifeWeeks weeks in which the perceived risk halves once the threat behind it has gone
     * @param volatilityWeight the risk read into a price whose recent volatility is far above its usual:
     *                         none below twice the usual variance of weekly price changes, this much from
     *                         four times; 0 by default, as the model's own price cycles then feed on themselves
     * @param stretchWeeks weeks over which a firm whose input is threatened makes its stock of it last: it uses
     *                     no more a tick than the share of its use it still expects to receive plus its stock
     *                     over this many weeks; 0, the default, lets it run until the stock is gone
     */
    public record Precaution(Double coverWeeksAtFullRisk, Double riskHalfLifeWeeks, Double volatilityWeight,
            Double stretchWeeks) {
        public Precaution {
            coverWeeksAtFullRisk = or(coverWeeksAtFullRisk, 26.0);
            riskHalfLifeWeeks = or(riskHalfLifeWeeks, 26.0);
            volatilityWeight = or(volatilityWeight, 0.0);
            stretchWeeks = or(stretchWeeks, 0.0);
        }

        /** Whether buyers read a supply risk at all: to hold more cover or to stretch their stocks. */
        public boolean on() {
            return coverWeeksAtFullRisk > 0 || stretchWeeks > 0;
        }
    }
}
