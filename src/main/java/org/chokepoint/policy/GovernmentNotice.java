package org.chokepoint.policy;

import java.util.List;
import org.chokepoint.world.World;

/**
 * An importing government's notice that a disruption of some commodities is likely. Under the antitrust
 * casebook (case 6) it lets domestic firms start joint procurement before the cut-off is felt. It moves no
 * goods and costs nothing; consortia read it. Scheduled by {@code start}/{@code end}.
 */
public final class GovernmentNotice extends Instrument {
    static final String TYPE = "governmentNotice";
    private final boolean[] commodity;

    private GovernmentNotice(String id, int region, Timing timing, boolean[] commodity) {
        super(id, region, timing.announce(), timing.start(), timing.end());
        this.commodity = commodity;
    }

    static GovernmentNotice read(SpecReader r, World world, int horizon) {
        String id = r.text("id", TYPE);
        String region = r.region("region");
        List<String> commodities = r.commodities("commodities");
        Timing timing = Timing.read(r, horizon);
        if (world == null) {
            return null;
        }
        boolean[] c = new boolean[world.commodityCount()];
        for (String s : commodities) {
            c[world.commodityIndex(s)] = true;
        }
        return new GovernmentNotice(id, world.regionIndex(region), timing, c);
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
