package org.chokepoint.equilibrium;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.ojalgo.matrix.store.R064Store;
import org.ojalgo.matrix.store.RawStore;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.convex.ConvexSolver;

/**
 * The convex quadratic programme of one Newton step of the {@link PriceSolver}: minimise
 * {@code ½ zᵀQz − cᵀz} subject to {@code A z <= b}, with the multipliers of the constraints, which are the
 * flows on the arcs. ojAlgo's active-set solver starts from no change ({@code z = 0}), which the caller makes
 * feasible; the constraints it ends with are then solved as equalities (the KKT system), which gives the step
 * and the multipliers to the precision of the arithmetic rather than of the solver's stopping rule. When that
 * answer breaks a constraint or a sign, the solver is run again from scratch.
 */
final class ConvexQuadraticProgramme {
    static {
        // ojAlgo prints a note about hardware profiles to standard output when it first loads; the engine
        // never prints.
        if (System.getProperty("shut.up.ojAlgo") == null) {
            System.setProperty("shut.up.ojAlgo", "true");
        }
    }

    private ConvexQuadraticProgramme() {
    }

    /**
     * Solves the programme into {@code z} (the variables) and {@code y} (one multiplier per row of {@code A});
     * false when ojAlgo finds no optimum either way, and then {@code z} and {@code y} mean nothing.
     */
    static boolean solve(double[][] q, double[] c, double[][] ai, double[] bi, double[] z, double[] y) {
        return solveQp(q, c, ai, bi, true, z, y) && polish(q, c, ai, bi, z, y) || solveQp(q, c, ai, bi, false, z, y);
    }

    /** ojAlgo's convex solver, from no change ({@code warm}) or from scratch; fills z and the multipliers y. */
    private static boolean solveQp(double[][] q, double[] c, double[][] ai, double[] bi, boolean warm, double[] z,
                                   double[] y) {
        int nv = c.length;
        R064Store qs = R064Store.FACTORY.copy(RawStore.wrap(q));
        R064Store cs = R064Store.FACTORY.column(c);
        R064Store as = R064Store.FACTORY.copy(RawStore.wrap(ai));
        R064Store bs = R064Store.FACTORY.column(bi);
        // An active-set method can cycle on a degenerate problem: a bounded number of iterations, after which
        // the caller solves from scratch or with more damping (a count, not a clock, so runs stay repeatable).
        Optimisation.Options options = new Optimisation.Options();
        options.iterations_abort = 20 * (nv + bi.length);
        ConvexSolver solver = ConvexSolver.newBuilder().objective(qs, cs).inequalities(as, bs).build(options);
        Optimisation.Result result = warm
                ? solver.solve(Optimisation.Result.of(Optimisation.State.FEASIBLE, new double[nv]))
                : solver.solve();
        if (!result.getState().isOptimal() || result.getMultipliers().isEmpty()) {
            return false;
        }
        var multipliers = result.getMultipliers().get();
        for (int i = 0; i < nv; i++) {
            z[i] = result.doubleValue(i);
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = multipliers.doubleValue(i);
        }
        return true;
    }

    /**
     * Solves the KKT system of the QP with the constraints whose multipliers are positive held as equalities;
     * keeps the answer (in z and y) only when every constraint and every multiplier's sign holds.
     */
    private static boolean polish(double[][] q, double[] c, double[][] ai, double[] bi, double[] z, double[] y) {
        int nv = c.length;
        double ymax = 0;
        for (double v : y) {
            ymax = Math.max(ymax, Math.abs(v));
        }
        int[] active = new int[y.length];
        int k = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] > 1e-12 * ymax) {
                active[k++] = i;
            }
        }
        double[][] kkt = new double[nv + k][nv + k];
        double[] rhs = new double[nv + k];
        for (int i = 0; i < nv; i++) {
            System.arraycopy(q[i], 0, kkt[i], 0, nv);
            rhs[i] = c[i];
        }
        for (int j = 0; j < k; j++) {
            double[] row = ai[active[j]];
            for (int i = 0; i < nv; i++) {
                kkt[i][nv + j] = row[i];
                kkt[nv + j][i] = row[i];
            }
            rhs[nv + j] = bi[active[j]];
        }
        var matrix = new Array2DRowRealMatrix(kkt, false);
        var vector = new ArrayRealVector(rhs, false);
        var lu = new LUDecomposition(matrix, 1e-13).getSolver();
        // A degenerate active set (more constraints binding than the step has directions) makes the system
        // singular: its least-squares answer is then the one to check.
        double[] x = lu.isNonSingular() ? lu.solve(vector).toArray()
                : new SingularValueDecomposition(matrix).getSolver().solve(vector)
                        .toArray();
        double[] zz = Arrays.copyOf(x, nv);
        for (int i = 0; i < ai.length; i++) {
            double lhs = 0;
            double size = Math.abs(bi[i]);
            for (int j = 0; j < nv; j++) {
                lhs += ai[i][j] * zz[j];
                size = Math.max(size, Math.abs(ai[i][j] * zz[j]));
            }
            if (lhs > bi[i] + 1e-12 * size + 1e-15) {
                return false;
            }
        }
        for (int j = 0; j < k; j++) {
            if (x[nv + j] < -1e-9 * ymax) {
                return false;
            }
        }
        System.arraycopy(zz, 0, z, 0, nv);
        Arrays.fill(y, 0);
        for (int j = 0; j < k; j++) {
            y[active[j]] = Math.max(0, x[nv + j]);
        }
        return true;
    }
}
