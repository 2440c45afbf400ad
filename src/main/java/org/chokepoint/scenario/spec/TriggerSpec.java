package org.chokepoint.scenario.spec;

/**
 * A rule that switches an importer instrument on: the watched market's price above a multiple of its
 * baseline, or its unmet-demand share above a level, on the last completed tick; once on, it stays on until
 * neither has held for {@code holdTicks}. At least one of the two conditions is given.
 *
 * @param priceAbove multiple of the baseline price above which the trigger fires; absent, price never fires it
 * @param unmetShareAbove unmet demand over unmet demand plus consumption above which it fires; absent, never
 * @param region the watched market's region; absent, the instrument's
 * @param commodity the watched market's commodity; absent, the instrument's (its first, when it has several)
 * @param baselineTicks length of the window whose mean quoted price is the baseline
 * @param baselineEnd the baseline window ends before this tick; absent, at the instrument's start
 * @param holdTicks ticks the trigger stays on after its conditions lapse
 */
public record TriggerSpec(Double priceAbove, Double unmetShareAbove, String region, String commodity,
                          Integer baselineTicks, Integer baselineEnd, Integer holdTicks) {

    public TriggerSpec {
        baselineTicks = baselineTicks == null ? 13 : baselineTicks;
        holdTicks = holdTicks == null ? 13 : holdTicks;
    }

    void check(SpecCheck at) {
        at.region("region", region);
        at.commodity("commodity", commodity);
        // The price is compared with the baseline only once its window has closed: a window closing at the horizon
        // or later would leave the price condition never read.
        if (baselineEnd != null && baselineEnd >= at.horizonTicks()) {
            at.problem("baselineEnd", "the baseline window must close before the horizon, so that the price can be"
                    + " compared with it: at most " + (at.horizonTicks() - 1) + ", got " + baselineEnd);
        }
    }
}
