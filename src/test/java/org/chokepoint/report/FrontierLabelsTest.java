package org.chokepoint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The frontier's numbers: options on top of each other share a label, and no label covers another. */
class FrontierLabelsTest {

    @Test
    void pointsOnTopOfEachOtherShareALabelAndNeighboursStepApart() {
        // Four options that cost the budget nothing and avoid about the same, one far away, one just right.
        double[] x = {0, 0, 100, 0, 0.1, 2.64};
        double[] y = {50, 50.2, 400, 49.9, 50, 50};
        List<ComparisonPage.Label> labels = ComparisonPage.labels(x, y, -10, 110, 0, 420);
        assertEquals(List.of("1, 2, 4, 5", "3", "6"), labels.stream().map(ComparisonPage.Label::text).toList());
        // 120 units over about 910 pixels: the sixth point is 20 pixels right of the first, its own point, but
        // its label would run into the shared one's 70 pixels, so it moves up a line (12 pixels, 14.4 units).
        ComparisonPage.Label shared = labels.get(0);
        ComparisonPage.Label sixth = labels.get(2);
        assertEquals(12 * 420.0 / 350, sixth.y() - shared.y(), 1e-9);
    }
}
