package org.chokepoint.policy;

import java.util.LinkedHashMap;
import java.util.Map;
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

    ImporterMeasure(String id, int region, int commodity, Timing timing, Trigger trigger, World world) {
        super(id, region, timing.announce(), timing.start(), timing.end());
        this.commodity = commodity;
        this.market = world.market(region, commodity);
        this.trigger = trigger;
        this.world = world;
    }

    /** In force by its schedule and, with a trigger, while the trigger is on; fixed for the whole tick. */
    boolean active(int tick) {
        return active && ctx != null && ctx.tick() == tick;
    }

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

    static int regionOf(World world, String id) {
        return world.regionIndex(id);
    }
}
