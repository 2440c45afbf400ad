package org.chokepoint.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.chokepoint.scenario.spec.EventSpec;
import org.chokepoint.scenario.spec.RouteDisruptionSpec;

/**
 * What a run of a scenario over a given number of ticks asks for, against {@link Limits}: the numbers it
 * keeps in memory, and how far its demand curves grow. Checked for the scenario's horizon by validation, and
 * again for a longer run asked for on the command line.
 */
public final class RunLimits {

    /** Numbers kept per market and tick: the recorded metrics, with room for those added later. */
    private static final int VALUES_PER_MARKET_TICK = 16;
    /** Numbers kept per market, tick and partner region: imports by origin and exports by destination. */
    private static final int VALUES_PER_PARTNER = 2;
    /** Numbers kept per firm and per input slot of a manufacturer, rounded up. */
    private static final int VALUES_PER_FIRM = 64;
    private static final int VALUES_PER_INPUT = 16;
    /** Numbers kept per trader besides its cargo at sea. */
    private static final int VALUES_PER_TRADER = 48;

    private RunLimits() {
    }

    /** Problems as (JSON pointer, message) pairs; none when a run of {@code ticks} ticks is within the limits. */
    public static List<String[]> check(Scenario s, int ticks) {
        List<String[]> problems = new ArrayList<>();
        checkGrowth(s, ticks, problems);
        checkInvestment(s, ticks, problems);
        checkDiscounting(s, problems);
        checkMemory(s, ticks, problems);
        return problems;
    }

    private static void checkGrowth(Scenario s, int ticks, List<String[]> problems) {
        int perYear = s.time().ticksPerYearOrDefault();
        for (int i = 0; i < s.demand().size(); i++) {
            double g = s.demand().get(i).trendOrDefault();
            if (g <= 0) {
                continue;
            }
            double growth = Math.exp((double) ticks / perYear * Math.log1p(g));
            if (!(growth <= Limits.MAX_GROWTH_OVER_RUN)) {
                problems.add(new String[] {"/demand/" + i + "/trendPerYear", String.format(Locale.ROOT,
                        "trendPerYear %s would multiply demand by %s over %d ticks (%d a year); at most by %s:"
                                + " keep (1 + trendPerYear)^(ticks / ticksPerYear) <= %s", g, factor(growth), ticks,
                        perYear, Limits.format(Limits.MAX_GROWTH_OVER_RUN), Limits.format(Limits.MAX_GROWTH_OVER_RUN))});
            }
        }
    }

    /**
     * A firm whose margin stays above the hurdle orders {@code stepShare} of the capacity it has in place each time
     * its patience runs out, however much it has under construction, and a trader adds the same share of its
     * shipping capacity on the same patience, so what a firm has in place and on order grows at most by
     * {@code 1 + stepShare} every {@code patienceTicks}, whatever its lead time. Over a run that may compound to no
     * more than {@link Limits#MAX_CAPACITY_GROWTH}.
     */
    private static void checkInvestment(Scenario s, int ticks, List<String[]> problems) {
        if (s.firms().isEmpty() && s.traders().isEmpty()) {
            return;
        }
        BehaviourSpec.Investment inv = s.behaviour().investment();
        int cycle = Math.max(1, inv.patienceTicks());
        double growth = Math.exp((double) ticks / cycle * Math.log1p(inv.stepShare()));
        if (!(growth <= Limits.MAX_CAPACITY_GROWTH)) {
            problems.add(new String[] {"/behaviour/investment/stepShare", String.format(Locale.ROOT,
                    "investment could multiply a firm's capacity by %s over %d ticks (a step of %s every %d ticks,"
                            + " investment.patienceTicks); at most by %s: lower stepShare or raise patienceTicks",
                    factor(growth), ticks, inv.stepShare(), cycle, Limits.format(Limits.MAX_CAPACITY_GROWTH))});
        }
    }

    /**
     * Present values are discounted to the decision tick, so what a run records before it is compounded forward
     * by up to {@code (1 + discountRate)^(decision / ticksPerYear)}. With yearly ticks, the highest rate and a
     * decision (or, without {@code decisionTick}, a first shock) thousands of ticks away that factor is beyond a
     * double, and every present value came out infinite or NaN.
     */
    private static void checkDiscounting(Scenario s, List<String[]> problems) {
        Integer given = s.time().decisionTick();
        int decision = s.decisionTick();
        double rate = s.time().discountRateOrDefault();
        int perYear = s.time().ticksPerYearOrDefault();
        double growth = Math.exp((double) decision / perYear * Math.log1p(rate));
        if (!(growth <= Limits.MAX_DISCOUNT_COMPOUNDING)) {
            String when = given != null ? "decisionTick " + decision
                    : "the decision tick, " + decision + ", the first shock's (no decisionTick given),";
            problems.add(new String[] {given != null ? "/time/decisionTick" : "/time/discountRate",
                    String.format(Locale.ROOT, "discounting to %s at discountRate %s with %d ticks a year would"
                            + " compound the run's first tick by %s; at most by %s: keep (1 + discountRate)^"
                            + "(decisionTick / ticksPerYear) <= %s", when, rate, perYear, factor(growth),
                            Limits.format(Limits.MAX_DISCOUNT_COMPOUNDING),
                            Limits.format(Limits.MAX_DISCOUNT_COMPOUNDING))});
        }
    }

    /** A growth factor as messages write it: 1.05e+06, or "more than 1e308" beyond a double. */
    private static String factor(double growth) {
        return Double.isInfinite(growth) ? "more than 1e308" : String.format(Locale.ROOT, "%.3g", growth);
    }

    private static void checkMemory(Scenario s, int ticks, List<String[]> problems) {
        long regions = s.regions().size();
        long markets = regions * s.commodities().size();
        long series = ticks * markets * (VALUES_PER_MARKET_TICK + VALUES_PER_PARTNER * regions);
        long firms = 0;
        long inputs = 0;
        for (Scenario.FirmSpec f : s.firms()) {
            firms += f.countOrDefault();
            int perFirm = 0;
            for (Scenario.RecipeSpec r : s.recipes()) {
                if (r.id().equals(f.recipe()) || (f.recipe() == null && r.output().equals(f.commodity()))) {
                    perFirm = Math.max(perFirm, r.inputs().size());
                }
            }
            inputs += (long) f.countOrDefault() * perFirm;
        }
        long traders = 0;
        for (Scenario.TraderSpec t : s.traders()) {
            traders += t.countOrDefault();
        }
        long transit = 0;
        for (Scenario.RouteSpec r : s.routes()) {
            transit = Math.max(transit, r.transitTicks());
        }
        for (EventSpec e : s.events()) {
            if (e instanceof RouteDisruptionSpec d && d.extraTransitTicks() != null) {
                transit += Math.max(0, d.extraTransitTicks());
            }
        }
        // Beyond the transit, a trader keeps slots for a detour round a restriction and for the tick itself.
        long spare = TickTime.wholeTicks(s.behaviour().trading().detourWeeks(), s.time().ticksPerYearOrDefault(), 0)
                + 1;
        long cargo = traders * VALUES_PER_PARTNER * (transit + spare);
        long agents = firms * VALUES_PER_FIRM + inputs * VALUES_PER_INPUT + traders * VALUES_PER_TRADER;
        long demandPaths = (long) ticks * s.demand().size();
        long total = series + cargo + agents + demandPaths;
        if (total > Limits.MAX_RUN_VALUES) {
            problems.add(new String[] {"", String.format(Locale.ROOT,
                    "a run of %d ticks would keep about %,d numbers in memory (%d MiB a model), more than the %,d"
                            + " allowed: the series take %,d (ticks x %d markets x %d), the cargo at sea %,d (%,d"
                            + " traders x %d ticks of transit), the firms and traders %,d; shorten time.horizonTicks"
                            + " or make the world, its populations or its routes smaller",
                    ticks, total, total * 8 >> 20, Limits.MAX_RUN_VALUES, series, markets,
                    VALUES_PER_MARKET_TICK + VALUES_PER_PARTNER * regions, cargo, traders,
                    transit + spare, agents)});
        }
    }
}
