package org.chokepoint.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A licensing office as a queue with deterministic service: applications arrive on a fixed pattern, the office
 * decides at most its capacity a tick and nothing before the statutory lead has passed. Every expected figure
 * below is worked out by hand in the comments from the arrivals, the capacity and the lead.
 */
class LicenceQueueTest {

    /** What the office decided, application by application. */
    private static final class Log implements LicenceQueue.Decisions {
        final List<double[]> rows = new ArrayList<>();
        final double[] decidedOn = new double[64];
        final int[] finishedOn = filled(64, -1);

        @Override
        public void decide(int trader, int commodity, int destination, int filed, double volume, int tick) {
            rows.add(new double[] {trader, commodity, filed, volume, tick});
            decidedOn[tick] += volume;
            finishedOn[filed] = tick; // the last piece of the application filed on that tick
        }
    }

    private static int[] filled(int n, int v) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    /** One trader files {@code arrivals} every tick; the office has {@code capacity} a tick and lead {@code lead}. */
    private static Log office(double arrivals, double capacity, int lead, int ticks, double[] backlogAfterFiling) {
        LicenceQueue q = new LicenceQueue(1);
        Log log = new Log();
        double[] left = new double[1];
        for (int t = 0; t < ticks; t++) {
            left[0] = capacity;
            q.process(t, lead, left, log);
            q.file(0, 0, 1, t, arrivals);
            backlogAfterFiling[t] = q.backlog(0);
        }
        return log;
    }

    @Test
    void anOverloadedOfficeDecidesItsCapacityAndItsBacklogGrowsByTheExcessEachWeek() {
        // Arrivals a = 3 a week, capacity C = 2, lead L = 2. The first applications fall due on week 2; from then
        // on the office decides C = 2 every week (throughput min(a, C) = 2). Decided by week t: 2 (t - 1); filed:
        // 3 (t + 1); so the backlog after week t's filing is 3 (t + 1) - 2 (t - 1) = t + 5, growing by a - C = 1.
        double[] backlog = new double[12];
        Log log = office(3, 2, 2, 12, backlog);
        for (int t = 0; t < 12; t++) {
            assertEquals(t < 2 ? 0.0 : 2.0, log.decidedOn[t], 1e-12, "decided in week " + t);
        }
        assertEquals(3.0, backlog[0], 1e-12);
        for (int t = 1; t < 12; t++) {
            assertEquals(t + 5, backlog[t], 1e-12, "backlog after week " + t);
        }
        // The application of week n is done when 2 (t - 1) >= 3 (n + 1): t = 1 + ceil(3 (n + 1) / 2), so weeks 3,
        // 4, 6, 7, 9, 10 for n = 0..5: waits of 3, 3, 4, 4, 5, 5 weeks, half a week longer for each week later.
        int[] waits = new int[6];
        for (int n = 0; n < 6; n++) {
            waits[n] = log.finishedOn[n] - n;
        }
        assertArrayEquals(new int[] {3, 3, 4, 4, 5, 5}, waits);
        // The first application is split: 2 decided in week 2, the other 1 in week 3 with 1 of the second's.
        assertArrayEquals(new double[] {0, 0, 0, 2, 2}, log.rows.get(0), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0, 1, 3}, log.rows.get(1), 1e-12);
        assertArrayEquals(new double[] {0, 0, 1, 1, 3}, log.rows.get(2), 1e-12);
    }

    @Test
    void anOfficeWithCapacityToSpareDecidesEveryApplicationAfterTheLeadAlone() {
        // a = 1.5, C = 2, L = 3: every application is decided whole exactly 3 weeks after it was filed, 1.5 a week
        // from week 3 (throughput min(a, C) = a), and three weeks' applications wait: a L = 4.5 from week 2 on.
        double[] backlog = new double[10];
        Log log = office(1.5, 2, 3, 10, backlog);
        for (int t = 0; t < 10; t++) {
            assertEquals(t < 3 ? 0.0 : 1.5, log.decidedOn[t], 1e-12, "decided in week " + t);
            assertEquals(1.5 * Math.min(t + 1, 3), backlog[t], 1e-12, "backlog after week " + t);
        }
        for (int n = 0; n < 7; n++) {
            assertEquals(3, log.finishedOn[n] - n, "wait of week " + n + "'s application");
        }
    }

    @Test
    void firstComeFirstServedWithinEachCommodityAndOneCommoditysQueueDoesNotHoldUpAnother() {
        LicenceQueue q = new LicenceQueue(2);
        Log log = new Log();
        q.file(4, 0, 1, 0, 5); // trader 4 asks first for commodity 0
        q.file(1, 0, 1, 0, 5); // then trader 1
        q.file(2, 1, 1, 0, 1); // and trader 2 for commodity 1, behind both in the queue
        double[] left = {6, 10};
        q.process(1, 1, left, log);
        // Commodity 0 has room for 6: trader 4's 5, then 1 of trader 1's; commodity 1 is decided in full.
        assertEquals(3, log.rows.size());
        assertArrayEquals(new double[] {4, 0, 0, 5, 1}, log.rows.get(0), 1e-12);
        assertArrayEquals(new double[] {1, 0, 0, 1, 1}, log.rows.get(1), 1e-12);
        assertArrayEquals(new double[] {2, 1, 0, 1, 1}, log.rows.get(2), 1e-12);
        assertEquals(4.0, q.backlog(0), 1e-12);
        assertEquals(0.0, q.backlog(1), 1e-12);
        assertEquals(0.0, left[0], 1e-12);
        assertEquals(9.0, left[1], 1e-12, "what the office did not use of commodity 1's capacity");
    }

    @Test
    void nothingIsDecidedBeforeTheLeadHasPassedWhateverTheCapacity() {
        LicenceQueue q = new LicenceQueue(1);
        Log log = new Log();
        q.file(0, 0, 1, 5, 2);
        double[] left = {Double.POSITIVE_INFINITY};
        for (int t = 5; t < 9; t++) {
            q.process(t, 4, left, log);
        }
        assertEquals(0, log.rows.size(), "filed on 5, lead 4: due on 9");
        q.process(9, 4, left, log);
        assertArrayEquals(new double[] {0, 0, 5, 2, 9}, log.rows.get(0), 1e-12);
    }
}
