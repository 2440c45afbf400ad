package org.chokepoint.report;

import java.io.IOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.chokepoint.metrics.SeriesRecorder;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.DecimalText;
import org.chokepoint.world.World;

/**
 * {@code flows.csv}: bilateral trade, one row per tick and lane ({@code tick,commodity,from,to,shipped,landed},
 * named as the scenario's routes and the equilibrium's {@code lanes.csv} name them): what left the origin for the
 * destination in the tick, and what landed there from the origin.
 * The two differ by the cargo at sea. Cargo going round a restriction is declared to the third country it passes
 * through, so it is shipped to that country and lands from it, as customs on both sides record it. Every lane that
 * carried anything in the run is written in every tick, so each lane's series is whole; lanes come by commodity,
 * then origin, then destination, in the scenario's order. Summed over destinations, {@code shipped} is the
 * origin market's {@code exports} in {@code timeseries.csv}; summed over origins, {@code landed} is the destination
 * market's {@code imports}.
 */
public final class FlowsCsv {

    public static final String[] HEADER = {"tick", "commodity", "from", "to", "shipped", "landed"};

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader(HEADER)
            .setRecordSeparator('\n')
            .get();

    private FlowsCsv() {
    }

    public static void write(SupplyShockModel run, Writer out) throws IOException {
        World world = run.world();
        SeriesRecorder series = run.series();
        int regions = world.regionCount();
        int[] origin = new int[0];
        int[] destination = new int[0];
        int[] commodity = new int[0];
        int lanes = 0;
        for (int c = 0; c < world.commodityCount(); c++) {
            for (int o = 0; o < regions; o++) {
                for (int d = 0; d < regions; d++) {
                    if (o != d && carried(series, world, o, d, c)) {
                        if (lanes == origin.length) {
                            int n = Math.max(8, 2 * lanes);
                            origin = java.util.Arrays.copyOf(origin, n);
                            destination = java.util.Arrays.copyOf(destination, n);
                            commodity = java.util.Arrays.copyOf(commodity, n);
                        }
                        origin[lanes] = o;
                        destination[lanes] = d;
                        commodity[lanes] = c;
                        lanes++;
                    }
                }
            }
        }
        try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
            for (int t = 0; t < series.ticks(); t++) {
                String tick = Integer.toString(t);
                for (int k = 0; k < lanes; k++) {
                    int o = origin[k];
                    int d = destination[k];
                    int c = commodity[k];
                    csv.printRecord(tick, world.commodity(c).id(), world.region(o).id(), world.region(d).id(),
                            DecimalText.of(series.exportsTo(t, world.market(o, c), d)),
                            DecimalText.of(series.importsFrom(t, world.market(d, c), o)));
                }
            }
        }
    }

    private static boolean carried(SeriesRecorder series, World world, int o, int d, int c) {
        int from = world.market(o, c);
        int into = world.market(d, c);
        for (int t = 0; t < series.ticks(); t++) {
            if (series.exportsTo(t, from, d) != 0 || series.importsFrom(t, into, o) != 0) {
                return true;
            }
        }
        return false;
    }
}
