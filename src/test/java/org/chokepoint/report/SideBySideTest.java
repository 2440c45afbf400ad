package org.chokepoint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.chokepoint.experiment.Comparison;
import org.chokepoint.experiment.MeanInterval;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * Four options after no policy, avoiding on average $5 m, no figure at all (none of its runs has one), $5 m again
 * and $7 m of downstream loss. The page ranks them by what each avoids, most first: the fourth (7), then the first
 * and third (5 each, in the order of the options file), and last the second, which cannot be placed.
 */
class SideBySideTest {

    @Test
    void theOptionsGoByLossAvoidedMostFirstTiesInFileOrderAnOptionWithoutTheFigureLast() {
        List<ComparisonReport.Effectiveness> eff = new ArrayList<>();
        for (double avoided : new double[] {5e6, Double.NaN, 5e6, 7e6}) {
            eff.add(avoiding(avoided));
        }
        assertEquals(List.of(4, 1, 3, 2), SideBySide.ranked(eff));
    }

    /** A loss avoided below zero (an option that adds to the loss) ranks below one that avoids none. */
    @Test
    void anOptionThatAddsToTheLossRanksBelowOneThatAvoidsNone() {
        assertEquals(List.of(2, 1), SideBySide.ranked(List.of(avoiding(-3e6), avoiding(0))));
    }

    /** Too few runs for an interval is said as such, not as a verdict either way. */
    @Test
    void oneRunTellsNothing() {
        assertEquals("too few runs to tell", SideBySide.verdict(MeanInterval.of(new double[] {4e6})));
        assertEquals("behind", SideBySide.verdict(MeanInterval.of(new double[] {-4e6, -5e6, -6e6})));
    }

    /**
     * Two options that change nothing lose, run by run, what the other loses: every run a tie, which the page counts
     * in neither tally and says as such, and a difference of exactly zero that does not tell the two apart.
     */
    @Test
    void twoOptionsAlikeInEveryRunAreTiedAndNotToldApart() throws Exception {
        Comparison c = Comparison.prepare(ScenarioLoader.load(Path.of(getClass().getResource(
                "/scenarios/two-region.json").toURI())), Json.mapper().readTree(
                "{\"options\": [{\"name\": \"first\", \"patch\": {}}, {\"name\": \"second\", \"patch\": {}}]}"),
                "test", 3, 5, 40);
        c.run(1);
        String html = ComparisonReport.html(c, ComparisonReport.rows(c));
        assertTrue(html.contains("<tr><td>1</td><td>first <small>(#1)</small></td><td>second <small>(#2)</small></td>"
                + "<td>$0<br><small>[$0, $0]</small><br><small>not told apart</small></td><td>0 of 3<br><small>3 the same</small></td>"), html);
        assertTrue(html.contains("<tr><td>2</td><td>second <small>(#2)</small></td><td>none below it</td>"), html);
        assertTrue(html.contains("Every pair is in head-to-head.csv, once: the option listed first in the options file"
                + " against the other"), "where a reader finds the pair, and which way round");
    }

    private static ComparisonReport.Effectiveness avoiding(double mean) {
        MeanInterval none = MeanInterval.of(new double[0]);
        MeanInterval loss = Double.isNaN(mean) ? none : new MeanInterval(2, 0, mean, 0, mean, mean);
        Comparison.Option option = new Comparison.Option("option", "", null, null);
        return new ComparisonReport.Effectiveness(option, none, none, loss, none, Double.NaN, 0, loss.n());
    }
}
