package org.chokepoint.experiment;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chokepoint.metrics.Metric;
import org.chokepoint.metrics.SeriesRecorder;
import org.chokepoint.model.RunOutcome;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.output.OutputFiles;
import org.chokepoint.world.World;

/**
 * One finished replication of an ensemble, as a compact binary file {@code runs/run-NNNNNN.bin}: the run's
 * index and seed, every flattened summary number (as a double), and the run's band series — the
 * {@link #BAND_METRICS} of every used market at every tick, as big-endian 32-bit floats laid out
 * {@code [tick][market][metric]}, so that a range of ticks is one contiguous slice of the file, then, when the
 * run has a counterfactual, the counterfactual's band series in the same layout.
 *
 * <p>The file is written to a temporary name beside it and renamed into place, so a file under its final
 * name is always complete: that is how a resumed ensemble knows which runs are done. About
 * {@code ticks * markets * 24} bytes a run, twice that with a counterfactual (379 KB with the summary numbers for
 * the reference scenario's 520 ticks and 29 markets).
 */
public final class RunRecord {

    /** The series whose per-tick quantiles an ensemble reports in {@code bands.csv}. */
    public static final Metric[] BAND_METRICS = {
        Metric.PRICE, Metric.PRODUCTION, Metric.CONSUMPTION, Metric.UNMET_DEMAND, Metric.INVENTORY_DAYS,
        Metric.STOCK};

    private static final int MAGIC = 0x43505231; // "CPR1"
    /**
     * 2: the band series include stock, the counterfactual's follow the run's, and the summary has the stock
     * and price-threshold figures.
     */
    private static final int VERSION = 2;

    private RunRecord() {
    }

    /** The file name of run {@code index}. */
    public static String fileName(int index) {
        return String.format(Locale.ROOT, "run-%06d.bin", index);
    }

    /** Writes the run's record atomically to {@code dir/run-NNNNNN.bin}. */
    public static void write(Path dir, int index, int seed, RunOutcome outcome) throws IOException {
        writeAtomically(dir, index, tmp -> {
            try (OutputStream fout = Files.newOutputStream(tmp)) {
                write(fout, index, seed, outcome);
            }
        });
    }

    /** Writes under {@code run-NNNNNN.bin.tmp} and renames; a failed write leaves neither name behind. */
    private static void writeAtomically(Path dir, int index, OutputFiles.FileWriting writing) throws IOException {
        Path file = dir.resolve(fileName(index));
        Path tmp = dir.resolve(fileName(index) + ".tmp");
        try {
            OutputFiles.on(file, () -> writing.to(tmp));
            OutputFiles.on(file, () -> Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING));
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** The bytes {@link #write(Path, int, int, RunOutcome)} puts in the file, for a runner that ships them. */
    public static byte[] toBytes(int index, int seed, RunOutcome outcome) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(1 << 16);
        write(bytes, index, seed, outcome);
        return bytes.toByteArray();
    }

    /** Writes record bytes made by {@link #toBytes} atomically to {@code dir/run-NNNNNN.bin}. */
    public static void write(Path dir, int index, byte[] record) throws IOException {
        writeAtomically(dir, index, tmp -> Files.write(tmp, record));
    }

    private static void write(OutputStream sink, int index, int seed, RunOutcome outcome) throws IOException {
        SupplyShockModel model = outcome.model();
        World world = model.world();
        SeriesRecorder series = model.series();
        org.chokepoint.market.Markets used = model.markets();
        int[] markets = usedMarkets(used);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(sink, 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(index);
            out.writeInt(seed);
            LinkedHashMap<String, Double> row = outcome.summary().flatten();
            out.writeInt(row.size());
            for (Map.Entry<String, Double> e : row.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeDouble(e.getValue() == null ? Double.NaN : e.getValue());
            }
            out.writeInt(series.ticks());
            out.writeInt(markets.length);
            for (int m : markets) {
                out.writeUTF(world.region(world.regionOfMarket(m)).id());
                out.writeUTF(world.commodity(world.commodityOfMarket(m)).id());
            }
            out.writeInt(BAND_METRICS.length);
            for (Metric metric : BAND_METRICS) {
                out.writeUTF(metric.label());
            }
            SupplyShockModel cf = outcome.counterfactual();
            out.writeInt(cf == null ? 0 : 1);
            writeBands(out, series, markets);
            if (cf != null) {
                writeBands(out, cf.series(), markets);
            }
        }
    }

    private static void writeBands(DataOutputStream out, SeriesRecorder series, int[] markets) throws IOException {
        for (int t = 0; t < series.ticks(); t++) {
            for (int m : markets) {
                for (Metric metric : BAND_METRICS) {
                    out.writeFloat((float) series.get(t, m, metric));
                }
            }
        }
    }

    static int[] usedMarkets(org.chokepoint.market.Markets used) {
        int n = 0;
        for (int m = 0; m < used.count(); m++) {
            if (used.used(m)) {
                n++;
            }
        }
        int[] markets = new int[n];
        n = 0;
        for (int m = 0; m < used.count(); m++) {
            if (used.used(m)) {
                markets[n++] = m;
            }
        }
        return markets;
    }

    /**
     * Everything in a record but its band series.
     *
     * @param bandOffset     byte offset of the band series in the file
     * @param counterfactual whether the counterfactual's band series follow the run's
     */
    public record Header(int index, int seed, List<String> columns, double[] values, int ticks,
                         List<String> marketRegions, List<String> marketCommodities, List<String> bandMetrics,
                         long bandOffset, boolean counterfactual) {

        /** Number of floats per tick in the band series. */
        public int cellsPerTick() {
            return marketRegions.size() * bandMetrics.size();
        }

        /** True when the two records have the same columns and the same band layout. */
        public boolean sameLayout(Header o) {
            return columns.equals(o.columns) && ticks == o.ticks && marketRegions.equals(o.marketRegions)
                    && marketCommodities.equals(o.marketCommodities) && bandMetrics.equals(o.bandMetrics)
                    && counterfactual == o.counterfactual;
        }
    }

    /** Reads a record's header, checking its size against the layout it declares. */
    public static Header readHeader(Path file) throws IOException {
        try {
            return header(file);
        } catch (IOException e) {
            throw OutputFiles.named(file, e);
        }
    }

    private static Header header(Path file) throws IOException {
        try {
            return headerOf(file);
        } catch (java.io.EOFException e) {
            throw damaged(file, "cut short: it ends inside its header (" + Files.size(file) + " bytes)");
        }
    }

    /**
     * The error for a record that is not whole. Records are written under a temporary name and renamed, so
     * only something outside chokepoint (a full disk copied back, an edit) leaves one like this; the run
     * is simply done again once its record is gone.
     */
    private static IOException damaged(Path file, String what) {
        return new IOException(file + ": a damaged run record, " + what
                + "; delete it and give the same command with --resume to run that run again");
    }

    /** A count read from a header: at least 0 and no more than the bytes left could hold. */
    private static int count(Path file, int n, String what) throws IOException {
        if (n < 0 || n > Files.size(file)) {
            throw damaged(file, "its header gives " + n + " " + what);
        }
        return n;
    }

    private static Header headerOf(Path file) throws IOException {
        try (InputStream fin = Files.newInputStream(file);
             CountingInputStream counting = new CountingInputStream(new BufferedInputStream(fin, 1 << 14));
             DataInputStream in = new DataInputStream(counting)) {
            if (in.readInt() != MAGIC) {
                // Not a record at all (overwritten, or another file under its name): only that run is lost.
                throw damaged(file, "it does not begin as a run record does");
            }
            if (in.readInt() != VERSION) {
                throw new IOException(file + ": not a run record of this version of chokepoint (made by an "
                        + "older one?); run the ensemble again into a new folder");
            }
            int index = in.readInt();
            int seed = in.readInt();
            int n = count(file, in.readInt(), "summary numbers");
            List<String> columns = new ArrayList<>(n);
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                columns.add(in.readUTF());
                values[i] = in.readDouble();
            }
            int ticks = count(file, in.readInt(), "ticks");
            int markets = count(file, in.readInt(), "markets");
            List<String> regions = new ArrayList<>(markets);
            List<String> commodities = new ArrayList<>(markets);
            for (int i = 0; i < markets; i++) {
                regions.add(in.readUTF());
                commodities.add(in.readUTF());
            }
            int k = count(file, in.readInt(), "band metrics");
            List<String> bandMetrics = new ArrayList<>(k);
            for (int i = 0; i < k; i++) {
                bandMetrics.add(in.readUTF());
            }
            boolean counterfactual = in.readInt() == 1;
            long offset = counting.count;
            long expected = offset + 4L * ticks * markets * k * (counterfactual ? 2 : 1);
            long size = Files.size(file);
            if (size != expected) {
                throw damaged(file, size + " bytes where its header promises " + expected);
            }
            return new Header(index, seed, List.copyOf(columns), values, ticks, List.copyOf(regions),
                    List.copyOf(commodities), List.copyOf(bandMetrics), offset, counterfactual);
        }
    }

    /**
     * Reads the band series of ticks {@code [fromTick, toTick)} into {@code dest} from {@code destOffset} (room for at least
     * {@code (toTick - fromTick) * header.cellsPerTick()} floats).
     */
    public static void readBands(Path file, Header header, int fromTick, int toTick, float[] dest, int destOffset)
            throws IOException {
        readBands(file, header, false, fromTick, toTick, dest, destOffset);
    }

    /** As {@link #readBands(Path, Header, int, int, float[], int)}, from the counterfactual's series if asked. */
    public static void readBands(Path file, Header header, boolean counterfactual, int fromTick, int toTick,
                                 float[] dest, int destOffset) throws IOException {
        if (counterfactual && !header.counterfactual()) {
            throw new IllegalArgumentException(file + ": the run had no counterfactual");
        }
        OutputFiles.on(file, () -> bands(file, header, counterfactual, fromTick, toTick, dest, destOffset));
    }

    private static void bands(Path file, Header header, boolean counterfactual, int fromTick, int toTick,
                              float[] dest, int destOffset) throws IOException {
        int cells = (toTick - fromTick) * header.cellsPerTick();
        ByteBuffer buf = ByteBuffer.allocate(cells * 4).order(ByteOrder.BIG_ENDIAN);
        long position = header.bandOffset() + (counterfactual ? 4L * header.ticks() * header.cellsPerTick() : 0)
                + 4L * fromTick * header.cellsPerTick();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (buf.hasRemaining()) {
                int r = ch.read(buf, position + buf.position());
                if (r < 0) {
                    throw new IOException(file + ": truncated");
                }
            }
        }
        buf.flip();
        buf.asFloatBuffer().get(dest, destOffset, cells);
    }

    private static final class CountingInputStream extends java.io.FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }
}
