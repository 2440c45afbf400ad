package org.chokepoint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.chokepoint.scenario.LoadedScenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The pages date a tick as the scenarios' texts count it: a weekly tick is seven days, a monthly one a calendar
 * month, a daily one a day. Counting 365/52 days a week put the naphtha closure's tick 60 on 3 March 2026, a day
 * after the 2 March its scenario names, and the gap grew a day a year.
 */
class CalendarTest {

    private static double midnight(String date) {
        return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    @Test
    void theHormuzClosureStartsOnTheMondayItsScenarioNames() throws Exception {
        LoadedScenario naphtha = ScenarioLoader.load(Path.of("scenarios/naphtha-hormuz-2026.json"));
        Calendar cal = Calendar.of(naphtha.scenario().time());
        assertEquals("2025-01-06", cal.label(0));
        assertEquals("2026-03-02", cal.label(60), "the strait shuts, scenarios/README.md");
        assertEquals("2026-06-15", cal.label(75), "the memorandum's week");
        assertEquals(midnight("2026-03-02"), cal.x(60), "the chart's line for the closure stands on its date");
    }

    @Test
    void fiftyTwoTicksAYearAreWeeksOfSevenDays() {
        Calendar cal = new Calendar(LocalDate.parse("2009-01-05"), 52);
        assertEquals("2011-01-03", cal.label(104), "two years of weeks are 728 days, not 730");
        assertEquals("2010-12-27", cal.label(103), "1 January 2011 falls in the week before");
        assertEquals(midnight("2009-01-05") + 3.5 * 86_400_000.0, cal.x(0.5), "half a tick is half a week");
    }

    @Test
    void twelveTicksAYearAreCalendarMonths() {
        Calendar cal = new Calendar(LocalDate.parse("2024-01-31"), 12);
        assertEquals("2024-02-29", cal.label(1), "the month's last day, in a leap year");
        assertEquals("2024-03-31", cal.label(2), "counted from the start, not from February");
        assertEquals("2025-01-31", cal.label(12));
        assertEquals(midnight("2024-03-31"), cal.x(2));
    }

    @Test
    void threeHundredSixtyFiveTicksAYearAreDays() {
        Calendar cal = new Calendar(LocalDate.parse("2024-02-28"), 365);
        assertEquals("2024-03-01", cal.label(2), "29 February counts");
        assertEquals("2025-02-27", cal.label(365));
        assertEquals(midnight("2024-03-01"), cal.x(2));
    }

    @Test
    void anyOtherRateCountsItsShareOfA365DayYearToTheNearestDay() {
        Calendar cal = new Calendar(LocalDate.parse("2025-01-01"), 26);
        assertEquals("2025-01-15", cal.label(1), "14.04 days, 14 to the nearest day");
        assertEquals("2025-12-18", cal.label(25), "351.0 days");
        assertEquals(midnight("2025-01-15"), cal.x(1), "the chart puts the tick where its label does");
    }
}
