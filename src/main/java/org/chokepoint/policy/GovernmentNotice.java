package org.chokepoint.policy;

import org.chokepoint.scenario.spec.GovernmentNoticeSpec;
import org.chokepoint.world.World;

/**
 * An importing government's notice that a disruption of some commodities is likely. Under the antitrust
 * casebook (case 6) it lets domestic firms start joint procurement before the cut-off is felt. It moves no
 * goods and costs nothing; consortia read it. Scheduled by {@code start}/{@code end}.
 */
public final class GovernmentNotice extends Instrument {
    private final boolean[] commodity;

    GovernmentNotice(GovernmentNoticeSpec spec, PolicySetting setting) {
        this(spec, setting, Timing.of(spec, setting.horizonTicks()));
    }

    private GovernmentNotice(GovernmentNoticeSpec spec, PolicySetting setting, Timing timing) {
        super(spec.id(), setting.world().regionIndex(spec.region()), timing.announce(), timing.start(), timing.end());
        World world = setting.world();
        this.commodity = new boolean[world.commodityCount()];
        for (String c : spec.commodities()) {
            this.commodity[world.commodityIndex(c)] = true;
        }
    }

    /** Whether this notice covers a commodity in a region at a tick. */
    public boolean covers(int region, int commodity, int tick) {
        return region == this.region && this.commodity[commodity] && inForce(tick);
    }

    @Override
    public boolean answers(Query query, int region, int commodity, int tick) {
        return query == Query.NOTICE_IN_FORCE && covers(region, commodity, tick);
    }
}
