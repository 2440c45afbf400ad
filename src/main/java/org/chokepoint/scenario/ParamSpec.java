package org.chokepoint.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ec.util.MersenneTwisterFast;

/**
 * A numeric parameter of a firm or trader population: a fixed number, a uniform range
 * {@code {"min": a, "max": b}}, or a log-normal {@code {"median": m, "sigma": s}}. Draws come from the
 * model's generator only, so a population is the same for the same seed.
 */
public final class ParamSpec {

    private enum Kind { FIXED, UNIFORM, LOGNORMAL }

    private final Kind kind;
    private final double a;
    private final double b;

    private ParamSpec(Kind kind, double a, double b) {
        this.kind = kind;
        this.a = a;
        this.b = b;
    }

    public static ParamSpec fixed(double value) {
        return new ParamSpec(Kind.FIXED, value, value);
    }

    public static ParamSpec uniform(double min, double max) {
        return new ParamSpec(Kind.UNIFORM, min, max);
    }

    public static ParamSpec lognormal(double median, double sigma) {
        return new ParamSpec(Kind.LOGNORMAL, median, sigma);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ParamSpec fromJson(JsonNode node) {
        if (node.isNumber()) {
            return fixed(node.doubleValue());
        }
        if (node.has("min") || node.has("max")) {
            return uniform(node.path("min").asDouble(), node.path("max").asDouble());
        }
        if (node.has("median")) {
            return lognormal(node.path("median").asDouble(), node.path("sigma").asDouble());
        }
        throw new IllegalArgumentException("a parameter is a number, {min,max} or {median,sigma}");
    }

    @JsonValue
    JsonNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (kind) {
            case FIXED:
                return f.numberNode(a);
            case UNIFORM: {
                ObjectNode o = f.objectNode();
                o.put("min", a);
                o.put("max", b);
                return o;
            }
            default: {
                ObjectNode o = f.objectNode();
                o.put("median", a);
                o.put("sigma", b);
                return o;
            }
        }
    }

    /** One draw; a fixed value consumes no random numbers. */
    public double draw(MersenneTwisterFast random) {
        switch (kind) {
            case FIXED:
                return a;
            case UNIFORM:
                return a + (b - a) * random.nextDouble();
            default:
                return a * Math.exp(b * random.nextGaussian());
        }
    }

    /** The smallest value a draw can take (0 for a log-normal). */
    public double lowerBound() {
        return kind == Kind.LOGNORMAL ? 0.0 : Math.min(a, b);
    }

    /** The typical value: the fixed value, the middle of a range, the median. */
    public double central() {
        return kind == Kind.UNIFORM ? 0.5 * (a + b) : a;
    }

    /** The expected value of a draw: the fixed value, the middle of a range, {@code median * exp(sigma^2 / 2)}. */
    public double mean() {
        return switch (kind) {
            case FIXED -> a;
            case UNIFORM -> 0.5 * (a + b);
            case LOGNORMAL -> a * Math.exp(0.5 * b * b);
        };
    }

    public boolean isFixed() {
        return kind == Kind.FIXED;
    }

    @Override
    public String toString() {
        return toJson().toString();
    }
}
