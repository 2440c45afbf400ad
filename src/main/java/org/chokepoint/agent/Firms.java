package org.chokepoint.agent;

import ec.util.MersenneTwisterFast;
import org.chokepoint.market.Ledger;
import org.chokepoint.market.Markets;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.world.World;

/**
 * Every firm of the model, one index per firm, held as parallel primitive arrays so that a tick over
 * 100,000 firms walks memory in order and allocates nothing. The behaviour that reads and writes these
 * arrays lives in {@link Producers}, {@link Manufacturers}, {@link Recyclers} and {@link CapacityDecisions}; the
 * price supports and premiums instruments give the firms are held in {@link PriceSupports}.
 */
public final class Firms implements java.io.Serializable {
    public final int count;
    final String[] id;
    final FirmType[] type;
    final int[] region;
    final int[] commodity;
    final int[] market;
    /** Recipe index for manufacturers, -1 otherwise. */
    final int[] recipe;
    /** US dollars per unit of output at a price of one price unit. */
    final double[] outputValue;

    final double[] capacity;
    final double[] costBase;
    final double[] costSlope;
    final double[] costExponent;
    final int[] leadTicks;

    final byte[] status;
    final int[] statusTicks;
    final int[] restartAt;
    /** Mothballed since before the run, for a spell the scenario does not give: it restarts at the full lead. */
    final boolean[] mothballedBeforeRun;
    /** The price its goods fetched ({@link #capacityNetPrice}) in the last week no restriction on its exports held. */
    final double[] unrestrictedPrice;
    final int[] belowCostTicks;
    final int[] aboveHurdleTicks;
    /** Capacity on order, not yet in place: the sum of the three stages of construction below. */
    final double[] pendingCapacity;
    /**
     * Capacity under construction in three stages of a third-order delay: an order enters the first and comes
     * into use from the third, a mean lead time after it was placed, spread round it as a population of plants'
     * projects are.
     */
    final double[] building1;
    final double[] building2;
    final double[] building3;
    /** Capacity ordered this tick, for instruments that pay toward it. */
    final double[] ordered;
    /** Capacity at the start of the firm's growth path, from which it plans capacity for the trend. */
    final double[] trendCapacity;
    /** The utilization the firm plans its capacity for: where it stood when the run began. */
    final double[] normalUtilization;

    /** Output stock held for sale. */
    final double[] stock;
    /** Expected price of the output (for manufacturers: of the output net of input costs, see below). */
    final double[] expectedPrice;
    /** Normal sales per tick, a slow average that sets the stock target. */
    final double[] normalSales;
    /**
     * The price the firm expects its goods to fetch, a slow average like {@link #expectedPrice}: of the quote,
     * except on a tick on which it offered stock and sold none, when it is the price at which it would have
     * to offer that stock to sell it ({@code Producers#realise}). It decides capacity on this.
     */
    final double[] salePrice;
    /** Output stock offered in the market this tick. */
    final double[] offered;
    /** What the last tick's unsold offer would fetch a unit when below the quote; NaN when it fetched the quote. */
    final double[] fetched;
    /**
     * What the firm's quota release would have fetched a unit last tick, when the quota held it and its buyers left
     * some of its offer: NaN otherwise ({@link Producers#realise}).
     */
    final double[] releaseFetched;
    /** The price supports and premiums the firms count on over what the market pays them. */
    final PriceSupports supports;
    /** The price the firm expects for its own work: the output price, net of input costs for manufacturers. */
    final double[] netPrice;
    /** The same for the price its goods fetch ({@link #salePrice}): what it mothballs, restarts and builds on. */
    final double[] capacityNetPrice;
    /** A manufacturer's expected input cost per unit of output this tick, in US dollars. */
    final double[] expectedInputCost;
    /** What a manufacturer can pay for all its inputs per unit of output this tick, in US dollars. */
    final double[] inputBudget;
    /**
     * A manufacturer's variable cost of this tick's planned output, worked out when it bids; its cost of
     * production whenever its inputs let it make the whole plan (output and costs do not change in between).
     */
    final double[] plannedVariableCost;
    final double[] plannedOutput;
    final double[] output;
    final double[] sold;
    /** Output the firm planned but could not make for want of inputs, this tick. */
    final double[] lostOutput;
    /** Effective capacity this tick after outages (and, for recyclers, scrap). */
    final double[] availableCapacity;
    /**
     * Per market, the share of its capacity an outage leaves each firm selling there this tick (1 without one), set as
     * the tick begins, before any measure reads the firms; a quota's cap is not an outage. An outage strikes a
     * market's firms alike, so one value a market serves, and the per-firm loops read the firm's market, which they
     * read anyway, instead of an array of a value a firm.
     */
    private final double[] operableShare;
    /** Whether a production quota holds what the firm may make this tick below what its plants could. */
    final boolean[] quotaCapped;
    /**
     * Whether a production quota binds on the firm this tick: it caps what the firm may make below what its plants
     * could, and the plants, priced at what the firm expects, would make all the quota lets them. Read from the
     * price rather than the plan, which eases toward a larger share without reaching it and dips below the share
     * while the firm works off a stock beyond its target. The firm is then held to its share, and the price it
     * earns above its marginal cost is the quota's rent, not its plants'.
     */
    final boolean[] quotaBinds;
    /**
     * Whether a production quota may hold any firm, set once a quota is in the model. Until then no firm is capped
     * or bound, no release has fetched anything, and the tick reads none of those arrays (as with {@link PriceSupports#given}).
     */
    private boolean quotasMayHold;

    /**
     * A manufacturer's target input stock, in ticks of its use of each input: {@code behaviour.inputCoverTicks}
     * to begin with. One value per firm, so that what makes one firm more cautious (the supply risk it sees)
     * moves its own target alone; its orders follow the target through the stock-management rule in
     * {@link Manufacturers}.
     */
    final double[] inputCover;
    /**
     * The target stock of each input slot, in ticks of the firm's use of that input: the firm's
     * {@link #inputCover} unless the scenario opens the region with a stock of the input for its users to hold,
     * in which case the cover that stock gives, so that the firm keeps what it opened with.
     */
    final double[] slotCover;
    /** First slot of the firm's inputs in the flat input arrays; inputs follow the recipe's order. */
    final int[] inputOffset;
    final int[] inputMarket;
    final double[] intensity;
    final double[] inputStock;
    /**
     * Input on order for the firm by others than the firm itself: its share of the cargo a consortium it belongs
     * to holds, has at sea or has ordered for its members. Its own orders count it as their supply line.
     */
    final double[] inputOnOrder;
    /** Whether anything has been put on order for any firm: until then every slot's is 0 and bids need not read it. */
    private boolean onOrderGiven;
    final double[] inputExpectedPrice;
    /** Input used by this tick's production, and what the plan needed beyond the stock held. */
    final double[] inputUse;
    final double[] inputShort;
    final int[] dearTicks;
    final int[] slotFirm;
    final int[] slotInput;
    /** The commodity each input slot holds. */
    final int[] inputCommodity;
    /** US dollars per unit of the input at a price of one price unit. */
    final double[] inputValue;
    final double[] inputInitialPrice;
    /** The least intensity thrifting can reach. */
    final double[] inputFloor;

    /** For recyclers: the feedstock market and collection parameters; unused otherwise. */
    final int[] feedstockMarket;
    final double[] yieldPerUnit;
    final double[] collectionShare;
    final double[] collectionElasticity;
    final double[] maxCollectionShare;
    final int[] scrapLag;
    /**
     * A recycler whose output is a scrap commodity: it collects end-of-life goods for others to recover, as much
     * each tick as its costs allow, since the goods reach the end of their life whether or not the yard is busy.
     */
    final boolean[] collector;
    /**
     * Per firm, the capital cost of its plant in US dollars per unit of yearly capacity ({@code capexPerAnnualUnit}),
     * NaN where its entry gives none; null when no entry gives one, so a scenario without capital costs keeps no
     * array for them.
     */
    double[] capex;

    Firms(int n, int slots, int markets) {
        count = n;
        id = new String[n];
        type = new FirmType[n];
        region = new int[n];
        commodity = new int[n];
        market = new int[n];
        recipe = new int[n];
        outputValue = new double[n];
        capacity = new double[n];
        costBase = new double[n];
        costSlope = new double[n];
        costExponent = new double[n];
        leadTicks = new int[n];
        status = new byte[n];
        statusTicks = new int[n];
        restartAt = new int[n];
        mothballedBeforeRun = new boolean[n];
        unrestrictedPrice = new double[n];
        belowCostTicks = new int[n];
        aboveHurdleTicks = new int[n];
        pendingCapacity = new double[n];
        building1 = new double[n];
        building2 = new double[n];
        building3 = new double[n];
        ordered = new double[n];
        trendCapacity = new double[n];
        normalUtilization = new double[n];
        stock = new double[n];
        expectedPrice = new double[n];
        normalSales = new double[n];
        salePrice = new double[n];
        offered = new double[n];
        fetched = new double[n];
        java.util.Arrays.fill(fetched, Double.NaN);
        releaseFetched = new double[n];
        java.util.Arrays.fill(releaseFetched, Double.NaN);
        netPrice = new double[n];
        capacityNetPrice = new double[n];
        expectedInputCost = new double[n];
        inputBudget = new double[n];
        plannedVariableCost = new double[n];
        supports = new PriceSupports(n);
        plannedOutput = new double[n];
        output = new double[n];
        sold = new double[n];
        lostOutput = new double[n];
        availableCapacity = new double[n];
        operableShare = new double[markets];
        java.util.Arrays.fill(operableShare, 1.0);
        quotaCapped = new boolean[n];
        quotaBinds = new boolean[n];
        inputCover = new double[n];
        inputOffset = new int[n + 1];
        slotCover = new double[slots];
        inputMarket = new int[slots];
        intensity = new double[slots];
        inputStock = new double[slots];
        inputOnOrder = new double[slots];
        inputExpectedPrice = new double[slots];
        inputUse = new double[slots];
        inputShort = new double[slots];
        dearTicks = new int[slots];
        slotFirm = new int[slots];
        slotInput = new int[slots];
        inputCommodity = new int[slots];
        inputValue = new double[slots];
        inputInitialPrice = new double[slots];
        inputFloor = new double[slots];
        feedstockMarket = new int[n];
        yieldPerUnit = new double[n];
        collectionShare = new double[n];
        collectionElasticity = new double[n];
        maxCollectionShare = new double[n];
        scrapLag = new int[n];
        collector = new boolean[n];
    }

    /**
     * Marginal cost of output q on the capacity an outage leaves the firm this tick: the outage takes a share of
     * its plants away, and the rest run along the same curve over less capacity, the supply curve the equilibrium
     * start solves with, so a world that starts with an outage in force starts at rest. A production quota caps
     * output but leaves the plants, and their costs, as they are.
     */
    public double marginalCostOfAvailable(int f, double q) {
        double cap = capacity[f] * operableShare[market[f]];
        double u = cap > 0 ? q / cap : 0;
        return costBase[f] + costSlope[f] * power(u, costExponent[f]);
    }

    /** Marginal cost at output q: {@code base + slope * (q / capacity)^exponent}. */
    public double marginalCost(int f, double q) {
        double cap = capacity[f];
        double u = cap > 0 ? q / cap : 0;
        return costBase[f] + costSlope[f] * power(u, costExponent[f]);
    }

    /**
     * Marginal cost at full capacity, {@code marginalCost(f, capacity(f))}: with a finite positive capacity its
     * utilization is exactly 1 and the curve's power is 1 whatever its exponent, so the cost is
     * {@code base + slope * 1}, worked out without the division.
     */
    public double costAtCapacity(int f) {
        double cap = capacity[f];
        if (cap > 0 && cap < Double.POSITIVE_INFINITY) {
            return costBase[f] + costSlope[f];
        }
        return marginalCost(f, cap);
    }

    /**
     * {@code x^k}, without the cost of {@code Math.pow} for the common linear and quadratic curves nor at
     * full capacity, where {@code x} is 1 and so is the result, exactly as {@code Math.pow} gives it.
     */
    static double power(double x, double k) {
        if (x == 1.0) {
            return 1.0;
        }
        if (k == 2.0) {
            return x * x;
        }
        if (k == 1.0) {
            return x;
        }
        return Math.pow(x, k);
    }

    /** Variable cost of producing q: the integral of the marginal cost from 0 to q. */
    public double variableCost(int f, double q) {
        return variableCostOn(f, q, capacity[f]);
    }

    /**
     * Variable cost of producing q on the plants an outage leaves the firm: the integral of
     * {@link #marginalCostOfAvailable}, the curve it plans and asks on, so what it books and what it can pay for
     * its inputs are those of the plants that make the output.
     */
    public double variableCostOfAvailable(int f, double q) {
        return variableCostOn(f, q, capacity[f] * operableShare[market[f]]);
    }

    private double variableCostOn(int f, double q, double cap) {
        if (q <= 0 || cap <= 0) {
            return 0;
        }
        double u = q / cap;
        double k = costExponent[f];
        return q * costBase[f] + cap * costSlope[f] * u * power(u, k) / (k + 1);
    }

    /**
     * The output at which marginal cost equals {@code price}, between 0 and {@code cap}. A price that reaches
     * the top of the curve is capacity before any root is taken: with an exponent of 0 the curve is flat at
     * {@code base + slope}, and at exactly that price the root would be {@code 1^Infinity}, which is NaN.
     */
    public double outputAtPrice(int f, double price, double cap) {
        double margin = price - costBase[f];
        if (margin <= 0 || cap <= 0) {
            return 0;
        }
        double slope = costSlope[f];
        if (slope <= 0) {
            return cap;
        }
        double ratio = margin / slope;
        if (ratio >= 1) {
            return cap;
        }
        double k = costExponent[f];
        double u = k == 2.0 ? Math.sqrt(ratio) : k == 1.0 ? ratio : Math.pow(ratio, 1.0 / k);
        return u >= 1 ? cap : u * cap;
    }

    /**
     * The output at which the marginal cost of the plants an outage leaves the firm ({@link #marginalCostOfAvailable})
     * reaches {@code price}, within {@code available}, what it may make this tick. A production quota's share caps the
     * output and leaves the curve as it is: {@code outputAtPrice(f, price, available)} scales the curve into the share
     * instead, so a mine of 100 t paid where its cost reaches 57.7 t and held to 60 counted on 34.6.
     */
    public double outputAtPriceWithin(int f, double price, double available) {
        return Math.min(outputAtPrice(f, price, operableCapacity(f)), available);
    }

    public boolean producing(int f) {
        return status[f] == FirmStatus.ACTIVE;
    }

    /** Whether the firm has capacity that can make output now or after a restart: not exited, not yet built. */
    public boolean inService(int f) {
        byte s = status[f];
        return s == FirmStatus.ACTIVE || s == FirmStatus.MOTHBALLED || s == FirmStatus.RESTARTING;
    }

    /** Whether the firm is mothballed: it makes nothing until the price it counts on pays for a restart. */
    public boolean mothballed(int f) {
        return status[f] == FirmStatus.MOTHBALLED;
    }

    /** Whether the firm is state capacity not yet built. */
    public boolean planned(int f) {
        return status[f] == FirmStatus.PLANNED;
    }

    /** Whether the firm is a declared project that has not yet committed to being built. */
    public boolean prospect(int f) {
        return status[f] == FirmStatus.PROSPECT;
    }

    /** Whether the firm is a prospect that has committed and is under construction. */
    public boolean building(int f) {
        return status[f] == FirmStatus.BUILDING;
    }

    /**
     * Brings planned capacity into use: the firm operates from now on and, like a plant that restarts, expects to
     * sell its supply curve's output at the net price it has been following, and plans its first runs on that.
     */
    public void commission(int f) {
        if (status[f] != FirmStatus.PLANNED) {
            return;
        }
        startOperating(f);
    }

    /**
     * The firm operates from this tick: a plant coming into use or back from mothballs has no sales to go by, so
     * it expects to sell what its expected price justifies, its supply curve's output, and plans its first runs
     * on that. The curve is that of the plants an outage leaves it, the one it plans and asks on: read on its
     * whole plant, a mine back during an outage that left it half expected to sell all that half, at a price that
     * justified a quarter.
     */
    void startOperating(int f) {
        status[f] = FirmStatus.ACTIVE;
        mothballedBeforeRun[f] = false;
        belowCostTicks[f] = 0;
        normalSales[f] = outputAtPrice(f, netPrice[f], operableCapacity(f));
    }

    /**
     * Closes the firm for good, with its capacity built and building: a plant mothballed too long, or state
     * capacity at the end of the measure that built it.
     */
    public void retire(int f) {
        status[f] = FirmStatus.EXITED;
        capacity[f] = 0;
        pendingCapacity[f] = 0;
        building1[f] = 0;
        building2[f] = 0;
        building3[f] = 0;
    }

    // ---- what others may read --------------------------------------------------------------------------------

    public String id(int f) { return id[f]; }
    public FirmType type(int f) { return type[f]; }
    public int region(int f) { return region[f]; }
    public int commodity(int f) { return commodity[f]; }
    /** The market the firm sells in. */
    public int market(int f) { return market[f]; }
    public double capacity(int f) { return capacity[f]; }
    /** The capacity an outage leaves the firm this tick, along which it plans ({@link #marginalCostOfAvailable}). */
    public double operableCapacity(int f) { return capacity[f] * operableShare[market[f]]; }
    /** Ticks a capacity project of the firm takes to come into use. */
    public int leadTicks(int f) { return leadTicks[f]; }
    /** Marginal cost at zero output, its rise to full capacity and the curve's exponent. */
    public double costBase(int f) { return costBase[f]; }
    public double costSlope(int f) { return costSlope[f]; }
    public double costExponent(int f) { return costExponent[f]; }
    /** Capacity committed and not yet arrived. */
    public double pendingCapacity(int f) { return pendingCapacity[f]; }
    /** Capacity the firm ordered this tick. */
    public double ordered(int f) { return ordered[f]; }
    /** Whether the firm's entry gives the capital cost of its plant, which then pays for what it builds. */
    public boolean declaresCapex(int f) { return capex != null && !Double.isNaN(capex[f]); }
    /** The capital cost of the firm's plant, US dollars per unit of yearly capacity; NaN when its entry gives none. */
    public double capexPerAnnualUnit(int f) { return capex == null ? Double.NaN : capex[f]; }

    /**
     * Gives the firm's plant a capital cost, as its entry's {@code capexPerAnnualUnit} does; the first such firm makes
     * the array, every other firm's cost NaN.
     */
    void setCapex(int f, double capexPerAnnualUnit) {
        if (capex == null) {
            capex = new double[count];
            java.util.Arrays.fill(capex, Double.NaN);
        }
        capex[f] = capexPerAnnualUnit;
    }
    /** Output stock held for sale. */
    public double stock(int f) { return stock[f]; }
    /** Output made this tick. */
    public double output(int f) { return output[f]; }
    public double plannedOutput(int f) { return plannedOutput[f]; }

    /** Sales per tick, a slow average. */
    public double normalSales(int f) { return normalSales[f]; }
    /** The price the firm counts on for its output, the one it plans its runs on. */
    public double expectedPrice(int f) { return expectedPrice[f]; }

    /** Lets production quotas hold firms from now on: before this no firm is capped or bound by one. */
    public void letQuotasHold() { quotasMayHold = true; }
    /** Whether a production quota may hold any firm (before {@link #letQuotasHold}, none does). */
    public boolean quotasMayHold() { return quotasMayHold; }
    /** Whether a production quota binds on the firm this tick (see {@link #quotaBinds}). */
    public boolean quotaBinds(int f) { return quotasMayHold && quotaBinds[f]; }
    public double inputStock(int slot) { return inputStock[slot]; }
    public double inputOnOrder(int slot) { return onOrderGiven ? inputOnOrder[slot] : 0; }

    /** Sets what others have on order for the firm of an input slot (see {@link #inputOnOrder}). */
    public void setInputOnOrder(int slot, double quantity) {
        onOrderGiven = true;
        inputOnOrder[slot] = quantity;
    }

    /** Forgets every input on order, before those who hold it say again, each tick, what they have. */
    public void clearInputsOnOrder() {
        java.util.Arrays.fill(inputOnOrder, 0.0);
    }
    /** A manufacturer's target input stock, in ticks of its use of each input. */
    public double inputCoverTicks(int f) { return inputCover[f]; }
    /** The target stock of one input slot, in ticks of the firm's use of it. */
    public double slotCoverTicks(int slot) { return slotCover[slot]; }
    /** The firm's use of the slot's input per tick at its normal sales: what its cover is counted in. */
    public double normalUse(int slot) { return intensity[slot] * normalSales[slotFirm[slot]]; }
    /** Units of the slot's input per unit of the firm's output. */
    public double intensity(int slot) { return intensity[slot]; }

    /** The firm's input slots are {@code firstSlot(f)} to {@code firstSlot(f + 1)}, in its recipe's order. */
    public int firstSlot(int f) { return inputOffset[f]; }
    /** The market an input slot buys in. */
    public int inputMarket(int slot) { return inputMarket[slot]; }

    /**
     * Starts a firm in a steady state at the prices the markets quote: expecting them, producing and selling
     * {@code output} a tick with its output stock and its input stocks at their targets (its own
     * {@link #inputCoverTicks(int) input cover}).
     *
     * @param netPrice the price it counts on for its own work (net of input costs for a manufacturer)
     * @param utilisation output over capacity, the utilization it plans its capacity for
     */
    public void startAt(int f, double output, double netPrice, double utilisation, double stockCover,
                        Markets markets) {
        expectedPrice[f] = markets.price(market[f]);
        salePrice[f] = expectedPrice[f];
        for (int s = inputOffset[f]; s < inputOffset[f + 1]; s++) {
            inputExpectedPrice[s] = markets.price(inputMarket[s]);
            // Thrift reads dearness against, and prices its redesign at, the input's price before any shock: in
            // a run that starts here that is this price, not the scenario's guess of it.
            inputInitialPrice[s] = inputExpectedPrice[s];
        }
        if (status[f] != FirmStatus.ACTIVE) {
            return;
        }
        normalSales[f] = output;
        this.output[f] = output;
        plannedOutput[f] = output;
        stock[f] = output * stockCover;
        this.netPrice[f] = netPrice;
        capacityNetPrice[f] = netPrice;
        if (utilisation > 0) {
            normalUtilization[f] = utilisation;
        }
        if (type[f] == FirmType.MANUFACTURER) {
            for (int s = inputOffset[f]; s < inputOffset[f + 1]; s++) {
                inputStock[s] = output * intensity[s] * slotCover[s];
            }
        }
    }

    /** The input slot of firm f for a commodity, or -1 when its recipe does not use it. */
    public int slotOf(int f, int commodity) {
        for (int s = inputOffset[f]; s < inputOffset[f + 1]; s++) {
            if (inputCommodity[s] == commodity) {
                return s;
            }
        }
        return -1;
    }

    // ---- what others may do ------------------------------------------------------------------------------------

    /** The share of market m's plants the outages in force leave its firms. */
    public double operableShare(int m) {
        return operableShare[m];
    }

    /** The share of their capacity an outage leaves the firms selling in market m this tick. */
    public void setOperableShare(int m, double share) {
        operableShare[m] = share;
    }

    /** The premium per unit the firm counts on over the market price for its output (0: none). */
    public void premium(int f, double perUnit) {
        supports.premium(f, perUnit);
    }

    /** The premium per unit over the market price the firm counts on, 0 when none. */
    public double premium(int f) { return supports.premium(f); }

    /** The price the firm last planned on for its own work: net of input costs, support and premium included. */
    public double netPrice(int f) { return netPrice[f]; }

    /** The same net of the price its goods fetch: what it mothballs, restarts and builds on. */
    public double capacityNetPrice(int f) { return capacityNetPrice[f]; }

    /** Units of a slot's input the firm used this tick. */
    public double inputUse(int slot) { return inputUse[slot]; }

    /**
     * Gives firm {@code f} a support for tick {@code tick} from {@code holder}, unless another instrument has given it
     * a better one this tick ({@link PriceSupports#offer}).
     */
    public void offerSupport(int f, int tick, double strike, double upsideShare, double payment, int holder) {
        supports.offer(f, tick, strike, upsideShare, payment, holder);
    }

    /** The same for a contract whose cap covers {@code coveredQuantity} of the firm's offer. */
    public void offerSupport(int f, int tick, double strike, double upsideShare, double payment,
                             double coveredQuantity, double coveredPayment, int holder) {
        supports.offer(f, tick, strike, upsideShare, payment, coveredQuantity, coveredPayment, holder);
    }

    /** Whether the support firm {@code f} plans on at tick {@code tick} is the one {@code holder} gave it. */
    public boolean holdsSupportOf(int f, int tick, int holder) {
        return supports.givenBy(f, tick, holder);
    }

    /** Withdraws an ended instrument's support from firm {@code f}, unless another gave it one this tick. */
    public void withdrawSupport(int f, int tick) {
        supports.withdraw(f, tick);
    }

    /** Firm f hands part of its output stock to another holder outside the auction (an allocation by key). */
    public void handOver(int f, double quantity, double revenueUsd, Ledger ledger) {
        stock[f] -= quantity;
        sold[f] += quantity;
        ledger.revenue(market[f], revenueUsd);
    }

    /**
     * Opens an input slot with {@code ticks} of the firm's normal use in stock and makes that its target cover: a
     * firm told to hold a stock keeps it rather than selling it off as surplus to its usual cover.
     */
    public void holdInputCover(int slot, double ticks) {
        slotCover[slot] = ticks;
        inputStock[slot] = normalUse(slot) * ticks;
    }

    /** An input slot receives goods outside the auction (a consortium's delivery, an allocation by key). */
    public void receiveInput(int slot, double quantity, double costUsd, Ledger ledger) {
        inputStock[slot] += quantity;
        ledger.inputCost(market[slotFirm[slot]], costUsd);
    }

    /**
     * Builds every firm of a scenario ({@link FirmsFromScenario}). Populations draw their parameters from the model's
     * generator in the order the file lists them, so the same seed gives the same firms.
     */
    public static Firms build(Scenario scenario, World world, MersenneTwisterFast random) {
        return FirmsFromScenario.build(scenario, world, random);
    }
}
