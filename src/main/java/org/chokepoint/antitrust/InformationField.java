package org.chokepoint.antitrust;

/**
 * What a member can pass to the consortium. The casebook (case 6) allows required volumes, specifications
 * and candidate suppliers; selling prices, output, customers and costs of members' own products are never
 * to be exchanged.
 */
public enum InformationField {
    REQUIRED_VOLUME("requiredVolume", true),
    SPECIFICATION("specification", true),
    CANDIDATE_SUPPLIERS("candidateSuppliers", true),
    SELLING_PRICE("sellingPrice", false),
    OUTPUT("output", false),
    CUSTOMERS("customers", false),
    COSTS("costs", false);

    private final String label;
    private final boolean allowed;

    InformationField(String label, boolean allowed) {
        this.label = label;
        this.allowed = allowed;
    }

    public String label() {
        return label;
    }

    public boolean allowed() {
        return allowed;
    }

    public static InformationField parse(String s) {
        for (InformationField f : values()) {
            if (f.label.equals(s)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown information field '" + s + "'");
    }

    public static String labels() {
        StringBuilder b = new StringBuilder();
        for (InformationField f : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(f.label);
        }
        return b.toString();
    }
}
