package org.chokepoint.equilibrium;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.chokepoint.scenario.DecimalText;

/**
 * Solves a {@link Network} for its equilibrium prices and flows.
 *
 * <p>With the wedges between the prices of an arc's two ends held fixed, the equilibrium is the minimum of
 * a convex function of the prices (the dual of Samuelson's net social payoff, Takayama and Judge 1971):
 * {@code f(p, ρ) = Σ consumer surplus(p) + Σ firm profit(p) + Σ volume * ρ}, subject to
 * {@code p_d - p_o - Σ ρ <= wedge} for every arc, where {@code ρ} is the rent of each volume limit. Its
 * gradient in a price is the market's excess supply, and the multipliers of the arc constraints are the
 * flows. It is minimised by damped Newton steps, each a convex quadratic programme solved by ojAlgo's
 * {@link ConvexSolver}, with a backtracking (Armijo) line search on {@code f}, which converges from any
 * feasible start because {@code f} is convex.
 *
 * <p>Ad valorem wedges (export taxes, tariffs, the traders' margin), tariff-floor levies, the net price of
 * a supported manufacturer, a recycler's scrap-limited capacity (or, solved the other way, only the scrap it
 * collects from, what share it collects answering its own price within the round) and a government's offtake
 * volume depend on the prices and quantities themselves, which no single convex function captures; they are fixed for a round, the
 * problem is solved, and they are recomputed from its prices until they no longer change (the iterative
 * treatment of ad valorem tariffs in Takayama and Judge), taking only a share of each change where the rounds
 * swing ({@link AitkenRelaxation}).
 */
final class PriceSolver {
    private static final int MAX_NEWTON_PER_ROUND = 100;
    /**
     * Newton steps in all before the solver gives up: the shipped scenarios need 10 to 16 from their initial
     * prices; a chain whose rounds contract slowly (two steps a round, each round's change 0.6 of the last)
     * needs 60 to 75; a network that needs more still is one whose quantities span many orders of magnitude,
     * on which each further step gains little.
     */
    private static final int MAX_NEWTON_STEPS = 200;

    final Network net;
    private final double tolerance;
    private final int maxRounds;
    /** Where the solve started, for the report. */
    private final String start;
    /**
     * Whether a recycler's capacity follows its own price within a round through what it collects (only its
     * feedstock use held for the round), rather than being held for the round as a whole.
     */
    private final boolean collectionInRound;
    /**
     * Whether a step may be lengthened past the whole ({@link LineSearch}): a lengthened step eases the damping as a
     * whole one does.
     */
    private final boolean longSteps;
    /**
     * Whether, before each Newton step, a market short at a price below the least at which any firm there makes
     * anything is lifted to that price ({@link #liftShortMarkets}).
     */
    private final boolean liftShort;
    /**
     * Whether a market where nothing is made, bought or used has its excess (what its lanes bring in less what they
     * take out) measured against the volume of the markets those lanes join rather than its own ({@link #report}).
     */
    private final boolean transitByLanes;
    /**
     * Whether a firm's supply slope in the Newton step is read as no less than its secant from its cost base, what
     * it makes over its margin ({@link #gradientAndHessian}).
     */
    private final boolean secantSlopes;

    /** Markets solved for and their position among the prices. */
    final int[] marketOf;
    private final int[] varOf;
    final int na;
    final int ns;
    /** Dollar price of each market (the world's indexing; 0 for unused). */
    final double[] price;
    /** Rent per unit of each volume limit, dollars. */
    final double[] rent;
    final double[] flow;
    private final double[] rentScale;
    private final double objectiveScale;
    private double damping = 1e-8;
    private final AitkenRelaxation relaxation;

    // Work arrays.
    private final double[] grad;
    private final double[][] hess;
    /** The households' part of {@link #grad} and of the diagonal of {@link #hess}, per price solved for. */
    private final double[] demandGrad;
    private final double[] demandHess;
    /** Prices with one market's moved, where {@link #excessAt} reads its excess. */
    private final double[] probe;
    /** How far each Newton step is taken. */
    private final LineSearch search;
    final double[] supply;
    final double[] demand;
    final double[] inputs;
    final double[] firmOutput;
    /** What share of its firms' sales each capped contract or guarantee pays on. */
    private final CoveredShares covered;

    int rounds;
    int newtonSteps;
    /**
     * The largest excess of a market as a share of its volume, at the last report, counting only markets whose
     * excess is more than the rounding of their price allows (see {@link #report}).
     */
    private double unresolved;
    /** The market {@link #report} named as the worst balanced, -1 for none. */
    private int worstMarket = -1;
    double wedgeChange = Double.NaN;
    /** The last round's change over the change of the round before it ({@link #crawls}); NaN before two rounds. */
    private double lastPace = Double.NaN;
    EquilibriumResult.Convergence convergence;

    PriceSolver(Network net, double tolerance, int maxRounds, String start, boolean collectionInRound,
                boolean exactSearch, boolean longSteps, boolean liftShort, boolean transitByLanes,
                boolean secantSlopes) {
        this.secantSlopes = secantSlopes;
        this.liftShort = liftShort;
        this.transitByLanes = transitByLanes;
        this.longSteps = longSteps;
        this.net = net;
        this.start = start;
        this.collectionInRound = collectionInRound;
        this.tolerance = tolerance;
        this.maxRounds = maxRounds;
        int count = 0;
        varOf = new int[net.markets];
        Arrays.fill(varOf, -1);
        for (int m = 0; m < net.markets; m++) {
            if (net.used[m]) {
                varOf[m] = count++;
            }
        }
        na = count;
        marketOf = new int[na];
        for (int m = 0; m < net.markets; m++) {
            if (varOf[m] >= 0) {
                marketOf[varOf[m]] = m;
            }
        }
        ns = net.caps.size();
        price = new double[net.markets];
        rent = new double[ns];
        flow = new double[net.arcs.size()];
        rentScale = new double[ns];
        for (int s = 0; s < ns; s++) {
            double sum = 0;
            for (int a : net.caps.get(s).arcs) {
                sum += net.reference[net.arcs.get(a).from];
            }
            rentScale[s] = sum / Math.max(1, net.caps.get(s).arcs.length);
        }
        double scale = 0;
        for (int h = 0; h < net.demands; h++) {
            scale += net.dScale[h] * net.dP0[h];
        }
        for (int f = 0; f < net.firms; f++) {
            scale += net.fWeight[f] * net.fCapacity[f] * net.reference[net.fMarket[f]];
        }
        objectiveScale = scale > 0 ? scale : 1;
        grad = new double[na];
        hess = new double[na][na];
        demandGrad = new double[na];
        demandHess = new double[na];
        probe = new double[net.markets];
        supply = new double[net.markets];
        demand = new double[net.markets];
        inputs = new double[net.markets];
        firmOutput = new double[net.firms];
        covered = new CoveredShares(net);
        search = new LineSearch(this, exactSearch, longSteps);
        relaxation = new AitkenRelaxation(net.arcs.size() + 2 * net.firms + ns, 10 * tolerance);
    }

    /** Solves from the commodities' initial prices; throws {@link EquilibriumException} when it cannot. */
    void solve() {
        startingPrices();
        for (int f = 0; f < net.firms; f++) {
            net.fShift[f] = 0;
            if (net.fType[f] == Network.RECYCLER) {
                net.fEffective[f] = net.fCapacity[f] * net.capacityFactor[net.fMarket[f]];
                net.fFeedUse[f] = Double.POSITIVE_INFINITY;
            }
        }
        if (idleEquilibrium()) {
            return;
        }
        updateWedges(true);
        for (rounds = 1; rounds <= maxRounds; rounds++) {
            // While the wedges still move, solving a round more closely than they move is wasted work; the
            // first round's wedges are those of the initial prices.
            boolean tight = wedgeChange <= 10 * tolerance;
            // A change taken at a share above one carries the round's own error with it at that share.
            double target = Double.isNaN(wedgeChange) ? 1e-3
                    : Math.max(0.1 * tolerance, 0.01 * wedgeChange / Math.max(1, relaxation.share()));
            feasibleRents();
            if (!newtonRound(tight ? 0.1 * tolerance : target) && !tight) {
                // The round accepted its start: a volume limit's rent took up the wedges' move within a target as
                // loose as that move. Its prices are the last round's, so the wedges read from them would be the
                // last round's again: a change of nil, read as a pace of nil and then of infinity, and, where the
                // relaxation takes more than the whole change, a step back from the relaxed wedges. It is solved
                // to the full tolerance instead.
                tight = true;
                newtonRound(0.1 * tolerance);
            }
            double before = wedgeChange;
            wedgeChange = updateWedges(false);
            double pace = wedgeChange / before;
            relaxation.endRound(wedgeChange, crawls(wedgeChange, pace));
            lastPace = pace;
            // Done when a round solved to the full tolerance left the wedges where they were: within a hundredth of
            // the tolerance of their fixed point, which lies the change over 1 - g' away, the share (above one,
            // where the rounds crawl) times the change.
            if (tight && wedgeChange * Math.max(1, relaxation.share()) <= tolerance * 0.01) {
                convergence = report(true);
                if (convergence.converged()) {
                    return;
                }
                throw new EquilibriumException("the equilibrium did not converge: " + residuals(convergence),
                        convergence);
            }
        }
        convergence = report(false);
        throw new EquilibriumException("the equilibrium did not converge in " + maxRounds
                + " rounds: the wedges still moved by " + wedgeChange + " (tolerance " + tolerance + ")", convergence);
    }

    /**
     * Whether the rounds crawl: each of the last two took off the same share of what was left, within a hundredth,
     * and no more than half of it ({@code pace}, this round's change over the last's, at least one half), as a
     * fixed-point iteration that contracts linearly does, and at that pace they would not bring the change down to a
     * hundredth of the tolerance in the Newton steps or the rounds left, at the steps a round has taken so far. An
     * ad valorem export subsidy of 0.9 where the exporter's price follows its lane alone (it sells all it makes
     * abroad) leaves each round 0.9 of the last round's change: some 180 rounds of two Newton steps each. Rounds that
     * narrow faster, however many steps each takes, are not what keeps such a solve from settling, and rounds whose
     * pace still wanders (a diversification bound halving toward where the others' imports hold it, a recycler's
     * capacity answering its own market) are no linear iteration to read a share from.
     */
    private boolean crawls(double change, double pace) {
        if (!(change > 10 * tolerance && pace >= 0.5 && pace < 1 && Math.abs(pace - lastPace) <= 0.01 * pace)) {
            return false;
        }
        double left = Math.log(0.01 * tolerance / change) / Math.log(pace);
        double steps = (double) newtonSteps / rounds;
        return left * steps > MAX_NEWTON_STEPS - newtonSteps || rounds + left > maxRounds;
    }

    private void startingPrices() {
        for (int m = 0; m < net.markets; m++) {
            price[m] = net.used[m] ? Math.min(net.reference[m], Math.min(net.ceiling[m], net.choke[m])) : 0;
        }
    }

    /**
     * A world where nobody buys at any price (households that want nothing, no government offtake) and no firm
     * is supported has, wherever some prices make every firm make nothing and no lane's trade pay, those prices
     * with nothing made, bought or shipped as an equilibrium; the Newton steps find one only slowly, the Hessian
     * being nil and the QP degenerate on every arc. The prices chosen: each market at its starting price (its
     * initial price within its ceiling), lowered only where it must be, to the cost base of each firm there with
     * capacity (a manufacturer's plus what its inputs cost at their prices so chosen) and to the most a lane into
     * it lets it be at its origin's price ({@link Network#highestIdleDestinationPrice}); lowered pass by pass,
     * each lowering only lowering others, until a pass lowers nothing: the highest such prices at or below the
     * starting ones. They are taken only when the report's own tests find them an equilibrium (every market
     * balanced, no lane's condition broken); otherwise the prices are as they started, and Newton's steps solve.
     *
     * @return whether the equilibrium was so found ({@link #convergence} set, no round and no Newton step)
     */
    private boolean idleEquilibrium() {
        if (na == 0) {
            return false;
        }
        for (int h = 0; h < net.demands; h++) {
            if (net.dScale[h] != 0) {
                return false;
            }
        }
        for (Network.Arc a : net.arcs) {
            if (a.kind == Network.ArcKind.OFFTAKE) {
                return false;
            }
        }
        for (int f = 0; f < net.firms; f++) {
            if (!Double.isNaN(net.fStrike[f])) {
                return false;
            }
        }
        double[] p = price.clone();
        boolean lowered = true;
        for (int pass = 0; lowered; pass++) {
            if (pass > 2 * na + 2) {
                return false;
            }
            lowered = false;
            for (int f = 0; f < net.firms; f++) {
                if (!(net.fEffective[f] > 0 && net.fOutputCap[f] > 0 && net.fWeight[f] > 0)) {
                    continue;
                }
                int m = net.fMarket[f];
                if (plannedPrice(f, p) > net.fBase[f] && p[m] > 0) {
                    p[m] = Math.max(0, Math.min(p[m], p[m] - plannedPrice(f, p) + net.fBase[f]));
                    for (int k = 0; k < 16 && p[m] > 0 && plannedPrice(f, p) > net.fBase[f]; k++) {
                        p[m] = Math.nextDown(p[m]);
                    }
                    lowered = true;
                }
            }
            for (Network.Arc a : net.arcs) {
                if (p[a.to] - p[a.from] > net.wedge(a, p) && p[a.to] > 0) {
                    p[a.to] = Math.max(0, Math.min(p[a.to], net.highestIdleDestinationPrice(a, p)));
                    for (int k = 0; k < 16 && p[a.to] > 0 && p[a.to] - p[a.from] > net.wedge(a, p); k++) {
                        p[a.to] = Math.nextDown(p[a.to]);
                    }
                    lowered = true;
                }
            }
        }
        double[] wedges = new double[net.arcs.size()];
        for (int i = 0; i < wedges.length; i++) {
            Network.Arc a = net.arcs.get(i);
            wedges[i] = a.wedge;
            a.wedge = net.wedge(a, p);
        }
        System.arraycopy(p, 0, price, 0, net.markets);
        Arrays.fill(flow, 0);
        rounds = 0;
        newtonSteps = 0;
        wedgeChange = 0;
        convergence = report(true);
        if (convergence.converged()) {
            return true;
        }
        startingPrices();
        for (int i = 0; i < wedges.length; i++) {
            net.arcs.get(i).wedge = wedges[i];
        }
        convergence = null;
        wedgeChange = Double.NaN;
        return false;
    }

    /**
     * Both tests a solution must pass, since either may be the one that failed: a world whose markets all balance
     * (no market has any excess demand, and none is named) can still leave a lane whose price gap its traders'
     * condition does not meet.
     */
    private String residuals(EquilibriumResult.Convergence c) {
        return "excess demand " + DecimalText.of(c.maxRelativeExcessDemand()) + " of the volume"
                + (c.worstMarket().isEmpty() ? "" : " in " + c.worstMarket() + whereShort()) + ", complementarity gap "
                + DecimalText.of(c.relativeComplementarityGap()) + " of the value traded (tolerance "
                + DecimalText.of(tolerance) + ")";
    }

    /**
     * Where the worst market is short at a price that no Newton step could lift it from by answering its excess: at
     * its ceiling (a market without final demand is held at a thousand times its reference, which a volume limit can
     * hold its equilibrium above), or, with nothing made there, below the least price at which any firm there with
     * capacity would make something, where neither side of the market answers its price. Empty otherwise. Read at
     * the prices and flows {@link #report} last measured.
     */
    private String whereShort() {
        int m = worstMarket;
        if (m < 0) {
            return "";
        }
        evaluateQuantities(price);
        double[] n = netImports();
        double lacking = demand[m] + inputs[m] - supply[m] - n[m] - rationed(m, n[m]);
        if (!(lacking > 0)) {
            return "";
        }
        double v = net.value[m];
        if (price[m] >= net.ceiling[m] * (1 - 1e-12)) {
            return " (short by " + DecimalText.of(lacking) + " at its ceiling of " + DecimalText.of(net.ceiling[m] / v)
                    + ", which its equilibrium may lie above)";
        }
        if (supply[m] > 0) {
            return "";
        }
        double least = leastPriceAnyFirmMakes(m);
        return Double.isFinite(least) ? " (short by " + DecimalText.of(lacking) + " at " + DecimalText.of(price[m] / v)
                + ", below " + DecimalText.of(least / v) + ", the least at which any firm there makes it)" : "";
    }

    // ---- outer rounds -------------------------------------------------------------------------------

    /** Recomputes every price- or quantity-dependent term; returns the largest relative change. */
    private double updateWedges(boolean first) {
        double change = 0;
        int arcs = net.arcs.size();
        for (int i = 0; i < arcs; i++) {
            Network.Arc a = net.arcs.get(i);
            double w = net.wedge(a, price);
            change = Math.max(change, Math.abs(w - a.wedge) / net.reference[a.from]);
            a.wedge = relaxation.move(i, a.wedge, w, net.reference[a.from]);
        }
        evaluateQuantities(price);
        double[] shares = covered.at(this);
        for (int f = 0; f < net.firms; f++) {
            int m = net.fMarket[f];
            if (net.fReference[f] >= 0 || net.fType[f] == Network.MANUFACTURER && !Double.isNaN(net.fStrike[f])) {
                double s = net.fReference[f] >= 0 ? shares[net.fSupport[f]] * covered.paymentPerUnit(f, price)
                        : Curves.supported(price[m], net.fStrike[f], net.fUpside[f]) - price[m];
                change = Math.max(change, Math.abs(s - net.fShift[f]) / net.reference[m]);
                net.fShift[f] = relaxation.move(arcs + f, net.fShift[f], s, net.reference[m]);
            }
            if (net.fType[f] == Network.RECYCLER && !collectionInRound) {
                int feed = net.fFeedMarket[f];
                double use = demand[feed] + inputs[feed];
                double k = net.recyclerCapacity(f, price[m] / net.value[m], use);
                double scale = Math.max(net.fCapacity[f], 1e-300);
                change = Math.max(change, Math.abs(k - net.fEffective[f]) / scale);
                net.fEffective[f] = relaxation.move(arcs + net.firms + f, net.fEffective[f], k, scale);
            } else if (net.fType[f] == Network.RECYCLER) {
                int feed = net.fFeedMarket[f];
                double use = demand[feed] + inputs[feed];
                double was = net.fFeedUse[f];
                if (Double.isInfinite(was)) {
                    was = use;
                }
                // Measured as the capacity it gives at the current price, against the recycler's own capacity.
                double k = net.recyclerCapacity(f, price[m] / net.value[m], use);
                double kWas = net.recyclerCapacity(f, price[m] / net.value[m], was);
                double scale = Math.max(net.fCapacity[f], 1e-300);
                change = Math.max(change, Math.abs(k - kWas) / scale);
                net.fFeedUse[f] = relaxation.move(arcs + net.firms + f, was, use, Math.max(use, 1e-300));
            }
        }
        evaluateQuantities(price);
        for (int c = 0; c < ns; c++) {
            Network.Cap cap = net.caps.get(c);
            if (cap.kind == Network.CapKind.DIVERSIFICATION && !first) {
                // What the other origins shipped in the round, times s / (1 - s): before any round, no bound. Each
                // origin's bound moves half way there: moved whole, an origin held to nothing lets the others ship,
                // which frees it and holds them to nothing the round after, a cycle of two rounds.
                double others = 0;
                for (int a : cap.others) {
                    others += flow[a];
                }
                double v = 0.5 * (cap.volume + cap.ratio * others);
                // Measured against what the importing market uses too, so a bound halving toward nothing settles;
                // where it uses nothing, against what the origin's lanes could carry, where the bound started:
                // against itself alone, a bound halving toward nothing changed by half of itself every round, and
                // an importer with no buyers never converged.
                int to = net.arcs.get(cap.arcs[0]).to;
                double uses = demand[to] + inputs[to];
                double scale = Math.max(Math.max(Math.max(v, cap.volume), uses > 0 ? uses : cap.reach), 1e-300);
                change = Math.max(change, Math.abs(v - cap.volume) / scale);
                cap.volume = relaxation.move(arcs + 2 * net.firms + c, cap.volume, v, scale);
            }
            if (cap.kind != Network.CapKind.OFFTAKE) {
                continue;
            }
            Network.Instrument ins = net.instruments.get(cap.instrument);
            double eligible = 0;
            for (int f = 0; f < net.firms; f++) {
                if (net.guaranteeCovers(cap.instrument, f)) {
                    eligible += net.fWeight[f] * firmOutput[f];
                }
            }
            double v = Math.min(ins.volumeCap, eligible);
            double scale = Math.max(Math.max(v, cap.volume), 1e-300);
            change = Math.max(change, Math.abs(v - cap.volume) / scale);
            // Measured against the cap itself where there is one, so that two rounds' changes share a scale.
            double fixed = Double.isFinite(ins.volumeCap) && ins.volumeCap > 0 ? ins.volumeCap : scale;
            cap.volume = relaxation.move(arcs + 2 * net.firms + c, cap.volume, v, fixed);
        }
        return first ? Double.POSITIVE_INFINITY : change;
    }

    /** Raises the rents of volume limits until every arc constraint holds at the current prices. */
    private void feasibleRents() {
        for (int a = 0; a < net.arcs.size(); a++) {
            double violation = arcLeft(a, price, rent) - net.arcs.get(a).wedge;
            if (violation <= 0) {
                continue;
            }
            for (int s = 0; s < ns && violation > 0; s++) {
                Network.Cap cap = net.caps.get(s);
                for (int i = 0; i < cap.arcs.length; i++) {
                    if (cap.arcs[i] == a && cap.coefficient[i] > 0) {
                        rent[s] += violation / cap.coefficient[i] * (1 + 1e-12) + 1e-12 * rentScale[s];
                        violation = 0;
                        break;
                    }
                }
            }
        }
    }

    /** {@code p_d - p_o - Σ coefficient * rent} of an arc (for an offtake, {@code offtakePrice - p_o - ...}). */
    double arcLeft(int a, double[] p, double[] r) {
        Network.Arc arc = net.arcs.get(a);
        double left = (arc.to >= 0 ? p[arc.to] : arc.offtakePrice) - p[arc.from];
        for (int s = 0; s < ns; s++) {
            Network.Cap cap = net.caps.get(s);
            for (int i = 0; i < cap.arcs.length; i++) {
                if (cap.arcs[i] == a) {
                    left -= cap.coefficient[i] * r[s];
                }
            }
        }
        return left;
    }

    // ---- Newton steps -------------------------------------------------------------------------------

    /**
     * Newton steps with the wedges fixed, until the current prices with the flows of the last quadratic
     * programme balance every market and meet every arc's condition to within a tenth of the tolerance.
     *
     * @return whether any step was taken: false where the prices the round started from already met {@code target}
     */
    private boolean newtonRound(double target) {
        boolean stepped = false;
        for (int k = 0; k < MAX_NEWTON_PER_ROUND; k++) {
            if (liftShort) {
                liftShortMarkets();
            }
            feasibleRents();
            gradientAndHessian(price);
            double[] step = quadraticStep();
            newtonSteps++;
            EquilibriumResult.Convergence now = report(true);
            if (newtonSteps >= MAX_NEWTON_STEPS && !(unresolved <= target
                    && now.relativeComplementarityGap() <= target)) {
                convergence = report(false);
                throw new EquilibriumException("the equilibrium did not converge in " + MAX_NEWTON_STEPS
                        + " Newton steps: " + residuals(now), convergence);
            }
            if (unresolved <= target && now.relativeComplementarityGap() <= target) {
                return stepped;
            }
            double[] dp = new double[net.markets];
            double[] dr = new double[ns];
            for (int i = 0; i < na; i++) {
                dp[marketOf[i]] = step[i] * net.reference[marketOf[i]];
            }
            for (int s = 0; s < ns; s++) {
                dr[s] = step[na + s] * rentScale[s] - rent[s];
            }
            double t = search.share(dp, dr);
            search.take(t, dp, dr);
            // A step taken whole, or lengthened, eases the damping; a step cut short stiffens it.
            damping = t == 1 || longSteps && t > 1 ? Math.max(damping * 0.1, 1e-12) : Math.min(damping * 10, 1e2);
            stepped = true;
        }
        return stepped;
    }

    /**
     * Lifts each market that is short (its buyers want more than is made there and shipped in, under the last
     * step's flows) while nothing is made there, at a price below the least at which any firm there with capacity
     * would make something, to that price, or as near it as every lane into it lets it be at its origin's price and
     * its ceiling allow. Below that price neither side of the market answers its own: the Newton step's model is
     * flat in it but for its excess, and the step, cut where f stops falling along the prices it moves together,
     * moves it by next to nothing. f falls along the lift while the market stays short (its slope in a market's
     * price is that market's supply, nil there, less what its buyers take); where imports at the last step's flows
     * would cover its buyers below that price the lift overshoots the price that clears it and the next step takes
     * it back. No lane's condition is broken.
     */
    private void liftShortMarkets() {
        evaluateQuantities(price);
        double[] n = netImports();
        for (int i = 0; i < na; i++) {
            int m = marketOf[i];
            if (supply[m] > 0 || !(supply[m] + n[m] - demand[m] - inputs[m] < 0)) {
                continue;
            }
            double least = leastPriceAnyFirmMakes(m);
            if (!Double.isFinite(least)) {
                continue;
            }
            double to = Math.min(least, bound(m));
            for (int a = 0; a < net.arcs.size(); a++) {
                if (net.arcs.get(a).to == m) {
                    to = Math.min(to, price[m] + net.arcs.get(a).wedge - arcLeft(a, price, rent));
                }
            }
            if (to > price[m]) {
                price[m] = to;
            }
        }
    }

    /**
     * The least price above its own at which a firm of market m with capacity would make something, its supported
     * firms (which make output whatever the price) aside: infinite where none would. Where nothing is made there,
     * below this price neither side of the market answers its own.
     */
    private double leastPriceAnyFirmMakes(int m) {
        double least = Double.POSITIVE_INFINITY;
        for (int f = 0; f < net.firms; f++) {
            if (net.fMarket[f] != m || !(net.fWeight[f] > 0 && capacity(f, price) > 0 && net.fOutputCap[f] > 0)
                    || !Double.isNaN(net.fStrike[f])) {
                continue;
            }
            double at = price[m] + net.fBase[f] - plannedPrice(f, price);
            if (at > price[m]) {
                least = Math.min(least, at);
            }
        }
        return least;
    }

    /**
     * Whether market m's price is split at its households' choke in the step from the current prices: its ceiling
     * lies above the choke (a buyer it reaches would pay more) and its price stands at the choke or above it. Above
     * the choke nobody there buys, and at it they buy anything from nothing to what they take just below it (their
     * surplus has a kink there, not a slope): a Newton step's quadratic model, which reads demand's slope at one
     * price, cannot pass that kink, so the step prices the market as two parts, the price its households answer,
     * up to the choke, and what lies above it, which only its firms and lanes answer.
     */
    private boolean split(int m) {
        return net.ceiling[m] > net.choke[m] && price[m] >= net.choke[m] * (1 - 1e-12);
    }

    /**
     * The most a step from the current prices may take market m's price to: its ceiling where the price is split at
     * the choke ({@link #split}), and otherwise no higher than its households' choke, which a step reaches before
     * the next one passes it.
     */
    double bound(int m) {
        return split(m) ? net.ceiling[m] : Math.min(net.ceiling[m], net.choke[m]);
    }

    /**
     * One Newton step as a convex QP in the scaled price changes {@code Δπ} ({@code Δp = reference * Δπ}) and
     * the scaled rent changes {@code Δr}: minimise the quadratic model of {@code f} subject to every arc
     * constraint and the bounds ({@link ConvexQuadraticProgramme}, from no change, which is feasible); where
     * it finds no optimum, with more damping. Sets {@link #flow} from the multipliers of the arc constraints.
     *
     * <p>A market whose price is split at its households' choke ({@link #split}) has a second price change, that of
     * the part above the choke, {@code Δν}, and its price moves by {@code reference * (Δπ + Δν)}: its households'
     * surplus answers the part up to the choke ({@code Δπ}, bounded there), its firms and lanes the whole price.
     * The surplus of {@code p} is the least of the households' surplus over every such split of it, since below
     * the choke they buy more, so the model is the dual's own at the kink: the bound's multiplier on the lower part
     * is what the households leave unbought at the choke, anything from nothing to what they take just below it.
     *
     * @return {@code [Δπ, r]} with the new scaled rents, {@code Δπ} of a split market its whole price change
     */
    private double[] quadraticStep() {
        int[] upper = new int[na];
        int nl = 0;
        for (int i = 0; i < na; i++) {
            upper[i] = split(marketOf[i]) ? na + ns + nl++ : -1;
        }
        int nv = na + ns + nl;
        int arcs = net.arcs.size();
        if (nv == 0) {
            // No market is used (a world without firms or demand) and no volume limit binds: nothing to price,
            // and a problem of no variables, which the QP solver cannot be given.
            Arrays.fill(flow, 0);
            return new double[0];
        }
        double hbar = 0;
        int positive = 0;
        for (int i = 0; i < na; i++) {
            double ref = net.reference[marketOf[i]];
            double d = hess[i][i] * ref * ref / objectiveScale;
            if (d > 0) {
                hbar += d;
                positive++;
            }
        }
        hbar = positive > 0 ? hbar / positive : 1.0 / Math.max(na, 1);
        // The QP solver's tolerances are absolute: near the solution the gradient is tiny. Scaling the whole
        // objective keeps its work relative to what is left to do.
        double gmax = 0;
        for (int i = 0; i < na; i++) {
            gmax = Math.max(gmax, Math.abs(grad[i]) * net.reference[marketOf[i]] / objectiveScale);
        }
        double kappa = gmax > 0 ? Math.min(1.0 / gmax, 1e12) : 1.0;
        int rows = arcs + 2 * na + ns + 2 * nl;
        for (int attempt = 0; attempt < 8; attempt++) {
            double[][] q = new double[nv][nv];
            double[] c = new double[nv];
            for (int i = 0; i < na; i++) {
                double ri = net.reference[marketOf[i]];
                for (int j = 0; j < na; j++) {
                    q[i][j] = kappa * hess[i][j] * ri * net.reference[marketOf[j]] / objectiveScale;
                }
                q[i][i] += kappa * damping * hbar;
                c[i] = -kappa * grad[i] * ri / objectiveScale;
            }
            // The part above the choke: the firms' part of the model (the whole less the households'), which acts
            // on the sum of the two parts.
            for (int i = 0; i < na; i++) {
                if (upper[i] < 0) {
                    continue;
                }
                double ri = net.reference[marketOf[i]];
                for (int j = 0; j < na; j++) {
                    double firms = (hess[i][j] - (i == j ? demandHess[i] : 0)) * kappa * ri
                            * net.reference[marketOf[j]] / objectiveScale;
                    q[upper[i]][j] = firms;
                    q[j][upper[i]] = firms;
                    if (upper[j] >= 0) {
                        q[upper[i]][upper[j]] = firms;
                    }
                }
                q[upper[i]][upper[i]] += kappa * damping * hbar;
                c[upper[i]] = -kappa * (grad[i] - demandGrad[i]) * ri / objectiveScale;
            }
            double proximal = kappa * Math.max(damping, 1e-6) * hbar;
            for (int s = 0; s < ns; s++) {
                q[na + s][na + s] = proximal;
                c[na + s] = -kappa * net.caps.get(s).volume * rentScale[s] / objectiveScale;
            }
            double[][] ai = new double[rows][nv];
            double[] bi = new double[rows];
            for (int a = 0; a < arcs; a++) {
                Network.Arc arc = net.arcs.get(a);
                double scale = net.reference[arc.from];
                if (arc.to >= 0) {
                    ai[a][varOf[arc.to]] = net.reference[arc.to] / scale;
                }
                ai[a][varOf[arc.from]] -= net.reference[arc.from] / scale;
                for (int s = 0; s < ns; s++) {
                    Network.Cap cap = net.caps.get(s);
                    for (int i = 0; i < cap.arcs.length; i++) {
                        if (cap.arcs[i] == a) {
                            ai[a][na + s] -= cap.coefficient[i] * rentScale[s] / scale;
                        }
                    }
                }
                if (arc.to >= 0 && upper[varOf[arc.to]] >= 0) {
                    ai[a][upper[varOf[arc.to]]] = ai[a][varOf[arc.to]];
                }
                if (upper[varOf[arc.from]] >= 0) {
                    ai[a][upper[varOf[arc.from]]] = ai[a][varOf[arc.from]];
                }
                bi[a] = (arc.wedge - arcLeft(a, price, rent)) / scale;
            }
            for (int i = 0; i < na; i++) {
                int m = marketOf[i];
                // A split market's lower part stands at min(p, choke), its upper part at what lies above.
                double lower = upper[i] >= 0 ? Math.min(price[m], net.choke[m]) : price[m];
                double top = upper[i] >= 0 ? net.choke[m] : bound(m);
                ai[arcs + 2 * i][i] = -1;
                bi[arcs + 2 * i] = lower / net.reference[m];
                ai[arcs + 2 * i + 1][i] = 1;
                bi[arcs + 2 * i + 1] = (top - lower) / net.reference[m];
                if (upper[i] >= 0) {
                    int row = arcs + 2 * na + ns + 2 * (upper[i] - na - ns);
                    ai[row][upper[i]] = -1;
                    bi[row] = (price[m] - lower) / net.reference[m];
                    ai[row + 1][upper[i]] = 1;
                    bi[row + 1] = (net.ceiling[m] - net.choke[m] - (price[m] - lower)) / net.reference[m];
                }
            }
            for (int s = 0; s < ns; s++) {
                ai[arcs + 2 * na + s][na + s] = -1;
                bi[arcs + 2 * na + s] = rent[s] / rentScale[s];
            }
            double[] z = new double[nv];
            double[] y = new double[rows];
            if (ConvexQuadraticProgramme.solve(q, c, ai, bi, z, y)) {
                for (int a = 0; a < arcs; a++) {
                    flow[a] = Math.max(0, y[a]) / kappa * objectiveScale / net.reference[net.arcs.get(a).from];
                }
                for (int s = 0; s < ns; s++) {
                    z[na + s] += rent[s] / rentScale[s];
                }
                for (int i = 0; i < na; i++) {
                    if (upper[i] >= 0) {
                        z[i] += z[upper[i]];
                    }
                }
                return z;
            }
            damping = Math.max(damping * 100, 1e-6);
        }
        convergence = report(false);
        throw new EquilibriumException("the quadratic subproblem could not be solved at round " + rounds
                + " (ojAlgo: not optimal even with strong damping)", convergence);
    }

    // ---- the objective and its derivatives -----------------------------------------------------------

    private double netPrice(int i, double[] p) {
        double v = p[net.fMarket[i]] + net.fShift[i];
        for (int s = net.fInputFrom[i]; s < net.fInputFrom[i + 1]; s++) {
            v -= net.inputPerUnit[s] * p[net.inputMarket[s]];
        }
        return v;
    }

    /** The price a firm plans on, in dollars per unit of its output. */
    double plannedPrice(int i, double[] p) {
        if (net.fType[i] == Network.MANUFACTURER) {
            return netPrice(i, p);
        }
        if (net.fReference[i] >= 0) {
            return p[net.fMarket[i]] + net.fShift[i];
        }
        return Curves.supported(p[net.fMarket[i]], net.fStrike[i], net.fUpside[i]);
    }

    /** A firm's capacity at prices p: a recycler's may answer its own price through what it collects. */
    double capacity(int f, double[] p) {
        return collectionInRound && net.fType[f] == Network.RECYCLER ? net.recyclerCapacityAt(f, p[net.fMarket[f]])
                : net.fEffective[f];
    }

    /** Supply, final demand and input use of every market, and each firm's output, at prices p. */
    void evaluateQuantities(double[] p) {
        Arrays.fill(supply, 0);
        Arrays.fill(demand, 0);
        Arrays.fill(inputs, 0);
        for (int h = 0; h < net.demands; h++) {
            int m = net.dMarket[h];
            demand[m] += Curves.demand(p[m], net.dScale[h], net.dP0[h], net.dEps[h], net.dLinear[h], net.dChoke[h]);
        }
        for (int i = 0; i < net.firms; i++) {
            double q = Math.min(Curves.supply(plannedPrice(i, p), capacity(i, p), net.fBase[i], net.fSlope[i],
                    net.fExponent[i], net.fRamp[i]), net.fOutputCap[i]);
            firmOutput[i] = q;
            double w = net.fWeight[i] * q;
            supply[net.fMarket[i]] += w;
            for (int s = net.fInputFrom[i]; s < net.fInputFrom[i + 1]; s++) {
                inputs[net.inputMarket[s]] += net.inputPerUnit[s] * w;
            }
        }
    }

    private void gradientAndHessian(double[] p) {
        Arrays.fill(grad, 0);
        for (double[] row : hess) {
            Arrays.fill(row, 0);
        }
        Arrays.fill(demandGrad, 0);
        Arrays.fill(demandHess, 0);
        for (int h = 0; h < net.demands; h++) {
            int m = net.dMarket[h];
            int i = varOf[m];
            // A price above the choke is split there (see split): the households answer only its part up to the
            // choke, where their surplus is read from just below it; the bound of that part says how much of what
            // they would take there they leave.
            double pm = Math.min(p[m], net.choke[m]);
            double d = Curves.demand(pm, net.dScale[h], net.dP0[h], net.dEps[h], net.dLinear[h], net.dChoke[h]);
            double slope = Curves.demandSlope(pm, net.dScale[h], net.dP0[h], net.dEps[h], net.dLinear[h],
                    net.dChoke[h]);
            grad[i] -= d;
            hess[i][i] -= slope;
            demandGrad[i] -= d;
            demandHess[i] -= slope;
        }
        for (int f = 0; f < net.firms; f++) {
            double w = net.fWeight[f];
            int out = varOf[net.fMarket[f]];
            double v = plannedPrice(f, p);
            double k = capacity(f, p);
            double free = Curves.supply(v, k, net.fBase[f], net.fSlope[f], net.fExponent[f], net.fRamp[f]);
            double q = w * Math.min(free, net.fOutputCap[f]);
            // Past its quota share a firm's output no longer answers the price.
            double dq = free >= net.fOutputCap[f] ? 0
                    : w * Curves.supplySlope(v, k, net.fBase[f], net.fSlope[f], net.fExponent[f], net.fRamp[f]);
            if (secantSlopes && free > 0 && free < Math.min(k, net.fOutputCap[f])) {
                // A firm selling a sliver of its plant on a curve that rises as a root of its margin: the tangent,
                // a k-th of the secant, sends a step from twice the output its market takes to its cost base or
                // below, where nothing answers the price, and the step after comes back to twice (see Attempt in
                // SpatialEquilibrium). Read no flatter than its secant from the base, the step from above lands
                // above the base, at the output times the share of it that is wanted, and never passes it.
                double margin = v - net.fBase[f];
                dq = Math.max(dq, w * free / Math.max(margin, Curves.LEAST_UTILISATION * net.fSlope[f]));
            }
            if (net.fType[f] != Network.MANUFACTURER && net.fReference[f] < 0) {
                dq *= Curves.supportedSlope(p[net.fMarket[f]], net.fStrike[f], net.fUpside[f]);
            }
            if (collectionInRound && net.fType[f] == Network.RECYCLER && k > 0) {
                // A recycler collects more as its own price rises: its output at capacity one grows with it.
                dq += w * free / k * net.recyclerCapacitySlope(f, p[net.fMarket[f]]);
            }
            grad[out] += q;
            hess[out][out] += dq;
            int from = net.fInputFrom[f];
            int to = net.fInputFrom[f + 1];
            for (int s = from; s < to; s++) {
                int in = varOf[net.inputMarket[s]];
                double a = net.inputPerUnit[s];
                grad[in] -= a * q;
                hess[out][in] -= a * dq;
                hess[in][out] -= a * dq;
                for (int u = from; u < to; u++) {
                    hess[in][varOf[net.inputMarket[u]]] += a * net.inputPerUnit[u] * dq;
                }
            }
        }
    }

    // ---- the convergence report --------------------------------------------------------------------

    /** Imports less exports (offtake counted as exports) of every market under the current flows. */
    double[] netImports() {
        double[] n = new double[net.markets];
        for (int a = 0; a < flow.length; a++) {
            Network.Arc arc = net.arcs.get(a);
            n[arc.from] -= flow[a];
            if (arc.to >= 0) {
                n[arc.to] += flow[a];
            }
        }
        return n;
    }

    /**
     * Final demand left unserved at the choke price, per market: what the multiplier of the bound at the choke (of the
     * price, or of its households' part where it is split there) stands for. Above the choke nobody buys, and nothing
     * is unserved.
     */
    double rationed(int m, double netImport) {
        if (price[m] < net.choke[m] * (1 - 1e-12) || !hasDemand(m)) {
            return 0;
        }
        double excess = supply[m] + netImport - demand[m] - inputs[m];
        return excess < 0 ? Math.min(-excess, demand[m]) : 0;
    }

    private boolean hasDemand(int m) {
        for (int h = 0; h < net.demands; h++) {
            if (net.dMarket[h] == m) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether market {@code m}'s excess supply, with the flows as they stand and every other price held, is of
     * one sign {@code ulps} steps of its price's last binary digit below its price and of the other (or nil)
     * as many above: no double price of that market balances it better. Leaves the quantities at the probed price.
     */
    private boolean changesSignWithinUlps(int m, double[] netImport, int ulps) {
        double step = ulps * Math.ulp(price[m]);
        double below = excessAt(m, Math.max(0, price[m] - step), netImport[m]);
        double above = excessAt(m, price[m] + step, netImport[m]);
        return below <= 0 && above >= 0;
    }

    /** Market {@code m}'s excess supply at price {@code p}, every other price as it stands. */
    private double excessAt(int m, double p, double netImport) {
        System.arraycopy(price, 0, probe, 0, net.markets);
        probe[m] = p;
        evaluateQuantities(probe);
        return supply[m] + netImport - demand[m] - inputs[m];
    }

    /** Imports plus exports (offtake counted as exports) of every market under the current flows. */
    private double[] throughput() {
        double[] t = new double[net.markets];
        for (int a = 0; a < flow.length; a++) {
            Network.Arc arc = net.arcs.get(a);
            t[arc.from] += Math.abs(flow[a]);
            if (arc.to >= 0) {
                t[arc.to] += Math.abs(flow[a]);
            }
        }
        return t;
    }

    /**
     * For each market, the largest volume (as {@link #report} measures it) of any market that a lane carrying a flow
     * joins it to. A market where nothing is made, bought or used has no volume of its own but what its lanes carry:
     * a flow into it that no lane takes on, of a size the Newton step's damping leaves where no firm or buyer answers
     * the price (its excess there is the damping times the price's change), is a share of the lane's other end's
     * volume, and is judged as that market's own excess is.
     */
    private double[] joinedVolumes(double[] n) {
        double[] own = new double[net.markets];
        for (int i = 0; i < na; i++) {
            int m = marketOf[i];
            own[m] = Math.max(supply[m] + Math.max(n[m], 0), demand[m] + inputs[m] + Math.max(-n[m], 0));
        }
        double[] joined = new double[net.markets];
        for (int a = 0; a < flow.length; a++) {
            Network.Arc arc = net.arcs.get(a);
            if (arc.to >= 0 && flow[a] > 0) {
                joined[arc.to] = Math.max(joined[arc.to], own[arc.from]);
                joined[arc.from] = Math.max(joined[arc.from], own[arc.to]);
            }
        }
        return joined;
    }

    EquilibriumResult.Convergence report(boolean converged) {
        evaluateQuantities(price);
        double[] n = netImports();
        unresolved = 0;
        List<double[]> atResolution = null;
        double worst = 0;
        double worstAbs = 0;
        String worstName = "";
        worstMarket = -1;
        double totalValue = 0;
        boolean anyTraded = false;
        double[] joined = transitByLanes ? joinedVolumes(n) : null;
        double[] through = throughput();
        for (int i = 0; i < na; i++) {
            int m = marketOf[i];
            double excess = supply[m] + n[m] - demand[m] - inputs[m] + rationed(m, n[m]);
            // At a price of zero what nobody wants is left (free disposal).
            if (price[m] <= 1e-12 * net.reference[m] && excess > 0) {
                excess = 0;
            }
            double traded = Math.max(supply[m] + Math.max(n[m], 0), demand[m] + inputs[m] + Math.max(-n[m], 0));
            double volume = Math.max(traded, 1e-12);
            totalValue += volume * Math.max(price[m], 0);
            anyTraded |= traded > 0;
            if (joined != null && supply[m] == 0 && demand[m] == 0 && inputs[m] == 0) {
                volume = Math.max(volume, joined[m]);
            }
            double relative = Math.abs(excess) / volume;
            // A plant vastly larger than its market clears it a few parts in 10^13 above its cost base, where
            // one step of the price's last binary digit moves its supply by more than the tolerance of the
            // volume: there the market is as balanced as a double can make it when its excess changes sign
            // within four such steps either side of its price. The slope (hess[i][i], the market's excess
            // supply in its own price, from the last Newton step: at these prices, or at most a change of the
            // wedges away) says which markets may be so; only those are priced again, and the pricing decides.
            if (relative > 0.1 * tolerance && Math.abs(excess) <= 4 * hess[i][i] * Math.ulp(price[m])) {
                if (atResolution == null) {
                    atResolution = new ArrayList<>();
                }
                atResolution.add(new double[] {m, relative});
            } else if (!(Math.abs(excess) <= 4 * Math.ulp(supply[m] + demand[m] + inputs[m] + through[m]))) {
                // An excess within the rounding of the flows the market's balance adds up, its lanes' included, is
                // as small as a double can make it: a hub passing on 70 a tick whose households buy 1e-9 of it was
                // left 5e-15 out of balance, 1.5e-5 of its own volume, and no attempt of the solver converged.
                unresolved = Math.max(unresolved, relative);
            }
            if (relative > worst) {
                worst = relative;
                worstAbs = Math.abs(excess);
                worstMarket = m;
                worstName = net.world.region(net.world.regionOfMarket(m)).id() + "/"
                        + net.world.commodity(net.world.commodityOfMarket(m)).id();
            }
        }
        if (atResolution != null) {
            for (double[] r : atResolution) {
                if (!changesSignWithinUlps((int) r[0], n, 4)) {
                    unresolved = Math.max(unresolved, r[1]);
                }
            }
            evaluateQuantities(price);
        }
        double gap = 0;
        for (int a = 0; a < flow.length; a++) {
            Network.Arc arc = net.arcs.get(a);
            // A lane whose subsidy pays back a share of the origin price answers that price by only what is left of
            // it, 1 + tax + compliance - rate: a slack in its condition stands for that many times less of the
            // origin's price. At a rate of 0.9999, where the exporter's price follows its lane alone, a slack of
            // 2e-4 left it 2.2 (1e-4) above its equilibrium of 21,667 with a gap of 1e-8 of the value traded.
            double owed = 1 + arc.exportTax + arc.compliance - arc.subsidyRate;
            double slack = (arc.wedge - arcLeft(a, price, rent)) / Math.min(1, owed);
            gap = Math.max(gap, flow[a] * Math.abs(slack));
            if (slack < 0) {
                gap = Math.max(gap, -slack * Math.max(flow[a], arc.laneCapacity));
            }
        }
        for (int s = 0; s < ns; s++) {
            Network.Cap cap = net.caps.get(s);
            double used = 0;
            for (int i = 0; i < cap.arcs.length; i++) {
                used += cap.coefficient[i] * flow[cap.arcs[i]];
            }
            double spare = cap.volume - used;
            gap = Math.max(gap, rent[s] * Math.abs(spare));
            if (spare < 0) {
                gap = Math.max(gap, -spare * rentScale[s]);
            }
        }
        // Where nothing is traded, every price at which nothing is supplied or bought is an equilibrium, and the
        // gap is measured against what the world's capacity is worth at the reference prices instead. Where
        // something is, an idle market counts the same 1e-12 units in the value as in its own imbalance's share.
        double relativeGap = gap / (anyTraded && totalValue > 0 ? totalValue : objectiveScale);
        boolean met = converged && unresolved <= tolerance && relativeGap <= tolerance;
        return new EquilibriumResult.Convergence(met, rounds, newtonSteps, worstAbs, worst, worstName, gap,
                relativeGap, wedgeChange, tolerance, start);
    }
}
