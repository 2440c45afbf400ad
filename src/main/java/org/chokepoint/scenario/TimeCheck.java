package org.chokepoint.scenario;

/** The scenario's clock and money: the decision tick within the run, the start date a day, the price base known. */
final class TimeCheck extends ScenarioCheck {

    TimeCheck(ValidationContext v) {
        super(v);
    }

    void checkDecisionTick() {
        Integer decision = s.time().decisionTick();
        if (decision != null && s.time().horizonTicks() != null && decision >= s.time().horizonTicks()) {
            v.problem("/time/decisionTick", "decisionTick must be < horizonTicks (" + s.time().horizonTicks()
                    + "), got " + decision + "; present values are discounted to a tick of the run");
        }
    }

    /**
     * A startDate of the form the schema asks for (YYYY-MM-DD) that is no day of the calendar: 2009-13-45,
     * 2009-02-30. It names no tick, so the report's dates would be lost without a word.
     */
    void checkStartDate() {
        String date = s.time().startDate();
        if (date == null || !date.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            return;
        }
        int year = Integer.parseInt(date.substring(0, 4));
        int month = Integer.parseInt(date.substring(5, 7));
        int day = Integer.parseInt(date.substring(8, 10));
        String why = null;
        if (month < 1 || month > 12) {
            why = "there is no month " + month;
        } else {
            java.time.YearMonth ym = java.time.YearMonth.of(year, month);
            if (day < 1 || day > ym.lengthOfMonth()) {
                why = ym.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " "
                        + year + " has " + ym.lengthOfMonth() + " days";
            }
        }
        if (why != null) {
            v.problem("/time/startDate", "startDate must be a date of the calendar written YYYY-MM-DD, got '" + date
                    + "': " + why);
        }
    }

    void checkPriceBase() {
        Integer year = PriceBase.priceYear(s);
        Integer base = s.outputs().priceBaseYear();
        if (base == null || base.equals(year)) {
            return;
        }
        if (year == null) {
            v.problem("/outputs/priceBaseYear", "restating money in " + base + " dollars needs the year the"
                    + " scenario's prices are in: give time.priceYear or time.startDate");
        } else if (!PriceBase.cpi().containsKey(year)) {
            v.problem(s.time().priceYear() != null ? "/time/priceYear" : "/time/startDate", "no US CPI for " + year
                    + " to restate its dollars in " + base + " dollars; the table has " + PriceBase.cpi().keySet());
        } else if (!PriceBase.cpi().containsKey(base)) {
            v.problem("/outputs/priceBaseYear", "no US CPI for " + base + "; the table has "
                    + PriceBase.cpi().keySet() + " (or leave it out to state money in the scenario's " + year
                    + " dollars)");
        }
    }
}
