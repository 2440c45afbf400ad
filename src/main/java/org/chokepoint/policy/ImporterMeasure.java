package org.chokepoint.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.chokepoint.scenario.spec.ImporterInstrumentSpec;
import org.chokepoint.world.World;

/**
 * An importing government's instrument on one commodity in its own region: in force during its schedule
 * and, when it has a {@link Trigger}, only while the trigger is on.
 */
abstract class ImporterMeasure extends Instrument {
    protected final int commodity;
    /** The instrument's own market: its region and commodity. */
    protected final int market;
    protected final Trigger trigger;
    protected final World world;
    private boolean active;
    private int activeTicks;

    /**
     * @param commodity the commodity whose market in the region is the instrument's own
     * @param trigger the rule that switches it on, or null
     */
    ImporterMeasure(ImporterInstrumentSpec spec, int commodity, Trigger trigger, PolicySetting setting) {
        this(spec, commodity, trigger, setting, Timing.of(spec, setting.horizonTicks()));
    }

    private ImporterMeasure(ImporterInstrumentSpec spec, int commodity, Trigger trigger, PolicySetting setting,
                            Timing timing) {
        super(spec.id(), setting.world().regionIndex(spec.region()), timing.announce(), timing.start(), timing.end());
        this.commodity = commodity;
        this.market = setting.world().market(region, commodity);
        this.trigger = trigger;
        this.world = setting.world();
    }

    /** The regions of a list of ids (null for none) as flags by region index. */
    static boolean[] regionFlags(World world, java.util.List<String> ids) {
        boolean[] flags = new boolean[world.regionCount()];
        if (ids != null) {
            for (String id : ids) {
                flags[world.regionIndex(id)] = true;
            }
        }
        return flags;
    }

    /** Whether cargo of {@code c} from {@code o} lands in this instrument's market from an origin it does not exempt. */
    boolean coversImport(int o, int d, int c, boolean[] exempt) {
        return d == region && c == commodity && !exempt[o] && o != region;
    }

    /** The instrument's own commodity, by index. */
    static int commodityOf(ImporterInstrumentSpec spec, PolicySetting setting) {
        return setting.world().commodityIndex(spec.commodity());
    }

    /** The trigger the spec declares, watching the instrument's own market unless it names another. */
    static Trigger triggerOf(ImporterInstrumentSpec spec, PolicySetting setting) {
        return Trigger.of(spec.trigger(), setting.world(), spec.region(), spec.commodity(), spec.start());
    }

    /** In force by its schedule and, with a trigger, while the trigger is on; fixed for the whole tick. */
    boolean active() {
        return active;
    }

    @Override
    public void beginTick(int tick) {
        boolean fired = trigger == null || trigger.update(ctx);
        active = inForce(tick) && fired;
        if (active) {
            activeTicks++;
        }
    }

    @Override
    public void endTick(int tick) {
        if (trigger != null) {
            trigger.observe(ctx);
        }
    }

    /** US dollars of {@code quantity} at {@code price} in the instrument's commodity. */
    double dollars(double quantity, double price) {
        return quantity * price * world.commodity(commodity).valuePerUnit();
    }

    @Override
    public Map<String, Double> indicators() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("activeTicks", (double) activeTicks);
        return m;
    }
}
