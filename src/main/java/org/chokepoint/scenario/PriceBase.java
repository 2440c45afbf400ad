package org.chokepoint.scenario;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dollars a run's money is stated in. A scenario's prices are in the US dollars of {@code time.priceYear}
 * (the year of {@code time.startDate} when absent); its outputs are in those of {@code outputs.priceBaseYear}
 * (the price year when absent), restated by the ratio of the two years' US consumer price index.
 *
 * @param priceYear the year of the scenario's dollars, or null when the scenario does not say
 * @param baseYear  the year of the outputs' dollars, or null when the scenario does not say
 * @param deflator  what a scenario dollar is worth in base-year dollars: {@code CPI(baseYear) / CPI(priceYear)}
 * @param index     the price index the deflator is taken from, when it is not 1
 */
public record PriceBase(Integer priceYear, Integer baseYear, double deflator, String index) {
    public static final String CPI_U = "US CPI-U, all items, U.S. city average, annual average (1982-84=100),"
            + " BLS series CUUR0000SA0";

    private static final Map<Integer, Double> CPI = readCpi();

    /** The annual CPI-U averages the deflator can use, by year. */
    public static Map<Integer, Double> cpi() {
        return CPI;
    }

    /** The scenario's price year: {@code time.priceYear}, else the year of {@code time.startDate}, else null. */
    public static Integer priceYear(Scenario s) {
        if (s.time().priceYear() != null) {
            return s.time().priceYear();
        }
        String date = s.time().startDate();
        return date == null || date.length() < 4 ? null : Integer.valueOf(date.substring(0, 4));
    }

    /**
     * The scenario's price base, checked by {@link SemanticValidator} before any run: a base year other than
     * the price year needs both in the CPI table.
     */
    public static PriceBase of(Scenario s) {
        Integer year = priceYear(s);
        Integer base = s.outputs().priceBaseYear() == null ? year : s.outputs().priceBaseYear();
        if (base == null || base.equals(year)) {
            return new PriceBase(year, base, 1.0, null);
        }
        Double from = year == null ? null : CPI.get(year);
        Double to = CPI.get(base);
        if (from == null || to == null) {
            throw new IllegalArgumentException("no CPI for " + (from == null ? year : base) + "; the table has "
                    + CPI.keySet());
        }
        return new PriceBase(year, base, to / from, CPI_U);
    }

    /** How money is labelled in reports: "US$ (2024 prices)", or "US$" when the scenario states no year. */
    public String label() {
        return baseYear == null ? "US$" : "US$ (" + baseYear + " prices)";
    }

    /**
     * As the manifest, {@code comparison.json} and {@code stats.json} record it: the scenario's price year, the
     * base year, the deflator between them, the index it comes from and the label reports use.
     */
    public ObjectNode json() {
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        if (priceYear == null) {
            m.putNull("scenarioPriceYear");
        } else {
            m.put("scenarioPriceYear", priceYear);
        }
        if (baseYear == null) {
            m.putNull("baseYear");
        } else {
            m.put("baseYear", baseYear);
        }
        m.put("deflator", deflator);
        m.put("index", index == null ? "none: money is in the scenario's own dollars" : index);
        m.put("label", label());
        m.put("note", "money in summaries (totals, regions), in compliance.json's harm and in comparisons is multiplied"
                + " by the deflator; prices and policy indicators stay in the scenario's units");
        return m;
    }

    private static Map<Integer, Double> readCpi() {
        Map<Integer, Double> out = new TreeMap<>();
        try (InputStream in = PriceBase.class.getResourceAsStream("cpi-u-annual.csv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("year") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                out.put(Integer.valueOf(f[0].strip()), Double.valueOf(f[1].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(out);
    }
}
