package org.chokepoint.policy;

import java.util.List;
import org.chokepoint.agent.Firms;
import org.chokepoint.world.World;

/**
 * The firms a support covers: those making the commodity in one of the eligible regions and, when a prefix
 * is given, whose id starts with it: a spec's {@code eligibleRegions} (default: the government's region)
 * and {@code firmIdPrefix}.
 */
final class EligibleFirms implements java.io.Serializable {
    private final boolean[] region;
    private final int commodity;
    private final String prefix;
    private int[] firms;

    private EligibleFirms(boolean[] region, int commodity, String prefix) {
        this.region = region;
        this.commodity = commodity;
        this.prefix = prefix;
    }

    /**
     * @param regions the eligible regions, or null for {@code ownRegion} alone
     */
    static EligibleFirms of(List<String> regions, String prefix, World world, String ownRegion, String commodity) {
        boolean[] in = new boolean[world.regionCount()];
        if (regions == null) {
            in[world.regionIndex(ownRegion)] = true;
        } else {
            for (String id : regions) {
                in[world.regionIndex(id)] = true;
            }
        }
        return new EligibleFirms(in, world.commodityIndex(commodity), prefix);
    }

    /** Indices of the eligible firms, resolved once. */
    int[] of(Firms f) {
        if (firms == null) {
            int n = 0;
            int[] tmp = new int[f.count];
            for (int i = 0; i < f.count; i++) {
                if (f.commodity(i) == commodity && region[f.region(i)] && f.id(i).startsWith(prefix)) {
                    tmp[n++] = i;
                }
            }
            firms = java.util.Arrays.copyOf(tmp, n);
        }
        return firms;
    }
}
