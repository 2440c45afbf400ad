package org.chokepoint.antitrust;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Two consortia on Japan's naphtha with the same two complexes (firms 0 and 1) as members, each passing back their
 * mean selling price and their total output for three ticks, against a third complex (firm 2) that is in neither:
 * each consortium's members priced with the 16% markup in all three ticks, and the complex outside never did.
 */
class DownstreamCoordinationTest {
    private static final double MARKUP = 0.16;

    /** The tick's messages of one consortium: both members get the mean price and the total output. */
    private static void tick(MessageLog log, int tick) {
        log.open(tick);
        for (int member = 0; member < 2; member++) {
            log.deliver(MessageLog.CONSORTIUM, member, InformationField.SELLING_PRICE, MessageLog.AGGREGATE, 1650);
            log.deliver(MessageLog.CONSORTIUM, member, InformationField.OUTPUT, MessageLog.AGGREGATE, 900);
        }
    }

    @Test
    void eachOfTwoConsortiaPassingPricesCountsTheTicksItsMembersPricedWithTheMarkup() {
        DownstreamCoordination first = new DownstreamCoordination(MARKUP, 3);
        DownstreamCoordination second = new DownstreamCoordination(MARKUP, 3);
        MessageLog log = new MessageLog(8);
        for (int t = 68; t < 71; t++) {
            double[] markup = new double[3];
            tick(log, t);
            first.apply(log, markup);
            tick(log, t);
            second.apply(log, markup);
            assertArrayEquals(new double[] {MARKUP, MARKUP, 0}, markup, 0, "tick " + t);
        }
        // Two figures a tick reach each member from each consortium; a tick is counted once.
        assertArrayEquals(new int[] {3, 3, 0}, first.coordinatedTicks);
        assertArrayEquals(new int[] {3, 3, 0}, second.coordinatedTicks);
    }

    @Test
    void aMemberGivenOnlyAllowedFiguresIsNotCounted() {
        DownstreamCoordination c = new DownstreamCoordination(MARKUP, 2);
        MessageLog log = new MessageLog(4);
        log.open(68);
        log.deliver(MessageLog.CONSORTIUM, 0, InformationField.REQUIRED_VOLUME, MessageLog.AGGREGATE, 40);
        double[] markup = new double[2];
        c.apply(log, markup);
        assertEquals(0, markup[0]);
        assertEquals(0, c.coordinatedTicks[0]);
    }
}
