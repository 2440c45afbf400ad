package org.chokepoint.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.chokepoint.scenario.Json;

/**
 * A kind of results folder chokepoint writes, and every name it may hold. A folder is recognised as one by
 * its descriptor file, whose {@code "format"} names the kind ({@code manifest.json} of a run says
 * {@code "chokepoint-run/2"}), and it is chokepoint's own only when everything in it is a name the kind
 * writes: only such a folder is ever replaced.
 *
 * @param label      what the folder holds, in messages ("an earlier run")
 * @param descriptor the file whose {@code format} marks the folder
 * @param format     the value of that field
 * @param files      the files the kind writes at the top of its folder, temporaries included
 * @param folders    the sub-folders it writes, each with the pattern of the files inside; {@link #SPARK_TABLE}
 *                   those of a Parquet table as Spark writes it, its committer's scratch folder included
 * @param earlier    the formats earlier versions of the program wrote for this kind, each with the files they
 *                   wrote: a folder of such a format is this kind's, but a name added since (a comparison's
 *                   {@code runs.csv}) is in it a file of the user's, never replaced
 */
public record ResultKind(String label, String descriptor, String format, Set<String> files,
                         Map<String, Pattern> folders, Map<String, Set<String>> earlier) {

    /**
     * The files of a Parquet table as Spark writes it, one part with its checksum and the job's {@code _SUCCESS}
     * marker with its own: {@code part-00000-<job uuid>-c000.snappy.parquet}, {@code .part-....parquet.crc},
     * {@code _SUCCESS}, {@code ._SUCCESS.crc}. Any other name there is not Spark's and may be the user's: taken for
     * Spark's whatever it was, a note put in {@code runs.parquet/} was deleted with the table by {@code --overwrite}.
     */
    public static final Pattern SPARK_TABLE = Pattern.compile("\\.?(part-[0-9]{5,}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-"
            + "[0-9a-f]{4}-[0-9a-f]{12}-c[0-9]{3,}(\\.[a-z0-9]+)?\\.parquet|_SUCCESS)(\\.crc)?");
    /**
     * Where Spark's committer keeps a table's parts while its job runs, in folders of its own naming: what a job
     * killed while writing leaves in the table's folder.
     */
    private static final String SPARK_SCRATCH = "_temporary";
    /**
     * The folders Hadoop's committer makes in {@link #SPARK_SCRATCH}: the job's attempt ({@code 0}), its pending
     * attempts ({@code _temporary}), a task's attempt ({@code attempt_<job tracker>_<job>_m_<task>_<attempt>}) and a
     * committed task ({@code task_<job tracker>_<job>_m_<task>}); the files in them are parts as {@link #SPARK_TABLE}
     * names them. Anything else there may be the user's: taken for the committer's whatever it was, a note put in
     * {@code runs.parquet/_temporary/0/} was deleted with the table by {@code --overwrite}.
     */
    private static final Pattern SPARK_SCRATCH_FOLDER = Pattern.compile(
            "[0-9]+|_temporary|(attempt|task)_[0-9A-Za-z]+_[0-9]+_[mr]_[0-9]+(_[0-9]+)?");
    /** Any name: a name in the committer's scratch folder, to Spark, which removes that folder whole with its table. */
    private static final Pattern ANY = Pattern.compile(".*", Pattern.DOTALL);

    /*
     * Runs of format /1 wrote report.html, policies.csv, counterfactual.csv and flows.csv only from some version on,
     * under the same format (the first versions to write /1 wrote none of them): in such a folder those names are
     * not known to be chokepoint's, so they keep it from being replaced rather than be deleted as a user's file might.
     */
    public static final ResultKind RUN = new ResultKind("run", "manifest.json", "chokepoint-run/2",
            Set.of("manifest.json", "timeseries.csv", "flows.csv", "counterfactual.csv", "policies.csv",
                    "summary.json", "compliance.json", "report.html"), Map.of(),
            Map.of("chokepoint-run/1", Set.of("manifest.json", "timeseries.csv", "summary.json", "compliance.json")));

    /*
     * Ensembles of format /1 wrote report.html and counterfactual-bands.csv only from some version on: in such a
     * folder those names may be the user's, and keep it from being replaced. A run record's temporary is
     * run-NNNNNN.bin.tmp, or run-NNNNNN.bin.ATTEMPT.tmp as a cluster's task writes it (Ensemble removes both
     * on --resume): a killed task's is chokepoint's own as much as a record is.
     */
    public static final ResultKind ENSEMBLE = new ResultKind("ensemble", "ensemble.json", "chokepoint-ensemble/2",
            Set.of("ensemble.json", "runs.csv", "stats.json", "bands.csv", "counterfactual-bands.csv", "report.html",
                    ".ensemble.json.tmp", ".runs.csv.tmp", ".stats.json.tmp", ".bands.csv.tmp",
                    ".counterfactual-bands.csv.tmp", ".report.html.tmp"),
            Map.of("runs", Pattern.compile("run-[0-9]{6,}\\.bin(\\.([0-9]+\\.)?tmp)?"), "runs.parquet", SPARK_TABLE,
                    "bands.parquet", SPARK_TABLE),
            Map.of("chokepoint-ensemble/1", Set.of("ensemble.json", "runs.csv", "stats.json", "bands.csv",
                    ".ensemble.json.tmp", ".runs.csv.tmp", ".stats.json.tmp", ".bands.csv.tmp")));

    /*
     * Comparisons of format /1 wrote cost-effectiveness.csv only from some version on (the one that added compare
     * --grid), and runs.csv never; those of /2 never wrote head-to-head.csv: in such a folder those names may be
     * the user's, and keep it from being replaced.
     */
    public static final ResultKind COMPARISON = new ResultKind("comparison", "comparison.json",
            "chokepoint-comparison/3", Set.of("comparison.json", "comparison.csv", "runs.csv",
            "cost-effectiveness.csv", "head-to-head.csv", "report.html"), Map.of(),
            Map.of("chokepoint-comparison/2", Set.of("comparison.json", "comparison.csv", "runs.csv",
                            "cost-effectiveness.csv", "report.html"),
                    "chokepoint-comparison/1", Set.of("comparison.json", "comparison.csv", "report.html")));

    public static final ResultKind SWEEP = new ResultKind("sweep", "sweep.json", "chokepoint-sweep/1",
            Set.of("sweep.json", "sweep.csv", ".sweep.json.tmp", ".sweep.csv.tmp"),
            Map.of("sweep.parquet", SPARK_TABLE));

    public static final ResultKind SENSITIVITY = new ResultKind("sensitivity analysis", "morris.json",
            "chokepoint-sensitivity/1", Set.of("morris.json", "morris.csv", ".morris.json.tmp", ".morris.csv.tmp"),
            Map.of());

    public static final ResultKind EQUILIBRIUM = new ResultKind("equilibrium", "equilibrium.json",
            "chokepoint-equilibrium/1", Set.of("equilibrium.json", "equilibrium.csv", "lanes.csv", "firms.csv"),
            Map.of());

    /** Every kind, in the order a folder is tried against them. */
    public static final List<ResultKind> ALL = List.of(RUN, ENSEMBLE, COMPARISON, SWEEP, SENSITIVITY, EQUILIBRIUM);

    /**
     * The kinds whose folder is written where it stands ({@link ResultFolder#inPlace}), and so may be left holding
     * only their descriptor's temporary ({@link #begun}). Every other kind is written in a hidden folder beside its
     * own and renamed into place whole: a lone {@code .sweep.json.tmp} is never a sweep's, and was taken for one
     * begun, so that {@code sweep --overwrite} deleted an empty file of the user's of that name.
     */
    private static final List<ResultKind> WRITTEN_IN_PLACE = List.of(ENSEMBLE);

    private static final ObjectMapper JSON = new ObjectMapper();

    public ResultKind {
        files = Set.copyOf(files);
        folders = Collections.unmodifiableMap(new HashMap<>(folders));
        earlier = Map.copyOf(earlier);
    }

    /** A kind whose every version wrote the same files. */
    public ResultKind(String label, String descriptor, String format, Set<String> files, Map<String, Pattern> folders) {
        this(label, descriptor, format, files, folders, Map.of());
    }

    /** The kind whose descriptor in {@code folder} names it, or null when none does. */
    static ResultKind of(Path folder) {
        for (ResultKind k : ALL) {
            if (k.describes(folder)) {
                return k;
            }
        }
        return null;
    }

    /**
     * The kind whose descriptor's name is in {@code folder}, though it did not read as that kind's descriptor
     * (damaged or edited, or a symbolic link or a folder in its place), or null: what a message about a folder of no
     * kind can point at.
     */
    static ResultKind named(Path folder) {
        for (ResultKind k : ALL) {
            if (Files.exists(folder.resolve(k.descriptor), LinkOption.NOFOLLOW_LINKS)) {
                return k;
            }
        }
        return null;
    }

    private boolean describes(Path folder) {
        return filesOf(folder) != null;
    }

    /**
     * The kind whose command was killed in {@code folder} while writing its descriptor for the first time, or null:
     * a folder written in place (an ensemble's) is made empty, then its descriptor written under
     * {@link OutputFiles#temporaryFor its temporary name} and renamed, so a command killed in between leaves
     * {@code .ensemble.json.tmp} and nothing else. Such a file is taken for chokepoint's only when it is a regular
     * file at that exact name, the folder holds nothing else, and what it holds is the beginning of what this
     * version writes there ({@code {"format" : "chokepoint-ensemble/2"}}'s first bytes, as many as it has) or
     * begins with all of that: the program writes it whole or, killed as it writes, any first part of it, empty
     * included. A file of that name holding anything else is the user's, and keeps the folder theirs.
     */
    static ResultKind begun(Path folder) throws IOException {
        Path only = null;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path e : entries) {
                if (only != null) {
                    return null;
                }
                only = e;
            }
        }
        if (only == null || !Files.isRegularFile(only, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        String name = only.getFileName().toString();
        for (ResultKind k : WRITTEN_IN_PLACE) {
            if (name.equals(k.descriptorTemporary()) && k.beginsAsWritten(only)) {
                return k;
            }
        }
        return null;
    }

    /** The name the descriptor is written under before it is renamed onto its own, {@code .ensemble.json.tmp}. */
    String descriptorTemporary() {
        return OutputFiles.temporaryFor(Path.of(descriptor)).getFileName().toString();
    }

    /**
     * Whether {@code file} holds a first part of the head every descriptor of this kind starts with, or starts with
     * that head. The head is what the program's own JSON writer makes of the {@code format} field, which every
     * descriptor puts first: {@code {\n  "format" : "chokepoint-ensemble/2"}.
     */
    private boolean beginsAsWritten(Path file) throws IOException {
        String whole = Json.mapper().writeValueAsString(Map.of("format", format));
        byte[] head = whole.substring(0, whole.lastIndexOf('"') + 1).getBytes(StandardCharsets.UTF_8);
        byte[] start;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            start = in.readNBytes(head.length);
        }
        return Arrays.equals(start, 0, start.length, head, 0, start.length);
    }

    /**
     * The files the version of this kind that wrote {@code folder} writes, by its descriptor's format; null when the
     * folder has no descriptor of this kind.
     */
    private Set<String> filesOf(Path folder) {
        Path d = folder.resolve(descriptor);
        if (!Files.isRegularFile(d, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(d.toFile());
            String written = n == null ? null : n.path("format").asText(null);
            return format.equals(written) ? files : written == null ? null : earlier.get(written);
        } catch (IOException e) {
            return null; // not JSON, or unreadable: not a descriptor this program wrote
        }
    }

    /**
     * The names in {@code folder} that keep it from being taken for this kind's own, read against the files of the
     * version that wrote it, at most {@code limit} of each sort.
     */
    Foreign foreignEntries(Path folder, int limit) throws IOException {
        Set<String> written = filesOf(folder);
        if (written == null) {
            written = files;
        }
        List<String> unwritten = new ArrayList<>();
        List<String> later = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path e : entries) {
                String name = e.getFileName().toString();
                if (Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS)) {
                    if (!folders.containsKey(name) || !writesInside(e, folders.get(name))) {
                        add(unwritten, name + "/", limit);
                    }
                } else if (!Files.isRegularFile(e, LinkOption.NOFOLLOW_LINKS) || !files.contains(name)) {
                    add(unwritten, name, limit);
                } else if (!written.contains(name)) {
                    add(later, name, limit);
                }
                if (unwritten.size() >= limit && later.size() >= limit) {
                    break;
                }
            }
        }
        return new Foreign(List.copyOf(unwritten), List.copyOf(later));
    }

    /**
     * The tables in {@code folder} that --resume writes over whole (Spark's, which it writes with its overwrite mode,
     * deleting the table's folder first) and that hold something Spark did not write, as {@code runs.parquet/}, at
     * most {@code limit}. A note put in {@code runs.parquet/} was deleted with the table by a resumed ensemble on
     * Spark.
     */
    List<String> tablesHoldingForeignFiles(Path folder, int limit) throws IOException {
        List<String> tables = new ArrayList<>();
        for (Map.Entry<String, Pattern> f : new TreeMap<>(folders).entrySet()) {
            Path dir = folder.resolve(f.getKey());
            if (f.getValue() == SPARK_TABLE && Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                    && !writesInside(dir, SPARK_TABLE)) {
                add(tables, f.getKey() + "/", limit);
            }
        }
        return List.copyOf(tables);
    }

    /**
     * The tables a kind written in place writes together ({@link OutputFiles#writeTogether}: all appear or none), and
     * the files it writes only beside them: an ensemble's {@code counterfactual-bands.csv}, written with its tables
     * when its runs have counterfactuals, and {@code report.html}, drawn from its tables once they stand.
     */
    private record WrittenTogether(List<String> tables, List<String> onlyWithThem) {
        /** "runs.csv, stats.json and bands.csv together, and counterfactual-bands.csv and report.html only with them" */
        String describe() {
            return and(tables) + " together, and " + and(onlyWithThem) + " only with them";
        }

        private static String and(List<String> names) {
            return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        }
    }

    private static final Map<ResultKind, WrittenTogether> TOGETHER = Map.of(ENSEMBLE, new WrittenTogether(
            List.of("runs.csv", "stats.json", "bands.csv"), List.of("counterfactual-bands.csv", "report.html")));

    /**
     * The files in {@code folder} at the names of this kind's tables that it cannot have written, at most
     * {@code limit}: a table beside another that is missing, its temporary too (a command killed while renaming its
     * tables into place leaves the rest as temporaries), or a file that is written only with the tables where there
     * are none. Such a file was put there after the command was killed, as a user saves {@code runs.csv} in the
     * folder of an ensemble killed before its tables; {@code --resume} wrote its own over it, and {@code --overwrite}
     * removed it with the folder's own files.
     */
    List<String> filesAtOwnNamesItCannotHaveWritten(Path folder, int limit) {
        WrittenTogether together = TOGETHER.get(this);
        if (together == null) {
            return List.of();
        }
        List<String> present = new ArrayList<>();
        boolean allStand = true;
        for (String table : together.tables()) {
            if (Files.exists(folder.resolve(table), LinkOption.NOFOLLOW_LINKS)) {
                present.add(table);
            } else if (!Files.exists(OutputFiles.temporaryFor(folder.resolve(table)), LinkOption.NOFOLLOW_LINKS)) {
                allStand = false;
            }
        }
        List<String> strangers = new ArrayList<>();
        if (!allStand) {
            present.forEach(table -> add(strangers, table, limit));
        }
        if (present.isEmpty()) {
            for (String file : together.onlyWithThem()) {
                if (Files.exists(folder.resolve(file), LinkOption.NOFOLLOW_LINKS)) {
                    add(strangers, file, limit);
                }
            }
        }
        return List.copyOf(strangers);
    }

    /** What {@link #filesAtOwnNamesItCannotHaveWritten} reads the folder by, for a message; empty for other kinds. */
    String writtenTogether() {
        WrittenTogether together = TOGETHER.get(this);
        return together == null ? "" : together.describe();
    }

    /** The tables this kind writes together, {@code runs.csv}, {@code stats.json}, {@code bands.csv}; or none. */
    List<String> tablesWrittenTogether() {
        WrittenTogether together = TOGETHER.get(this);
        return together == null ? List.of() : together.tables();
    }

    /** The files this kind writes only beside its tables, {@code counterfactual-bands.csv}, {@code report.html}. */
    List<String> writtenOnlyWithTables() {
        WrittenTogether together = TOGETHER.get(this);
        return together == null ? List.of() : together.onlyWithThem();
    }

    /**
     * The symbolic links in {@code folder} at names this kind reads or writes, as paths inside it ({@code runs},
     * {@code runs/run-000001.bin.tmp}, {@code .runs.csv.tmp}), at most {@code limit}: at the top, among the files
     * and folders it writes; in those folders, at the names of its files there (a run record, its temporary, a
     * table's part, the committer's scratch folder); and anywhere in the scratch folder, which Spark removes with the
     * table. Followed, a link sends what --resume writes outside the folder, and its removal of a killed run's
     * temporaries with it; replaced (a table renamed or written over it), the link is lost. Any other name is not
     * touched by --resume, and is not looked at here.
     */
    List<String> linksAtOwnNames(Path folder, int limit) throws IOException {
        List<String> links = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path e : entries) {
                String name = e.getFileName().toString();
                if (!files.contains(name) && !folders.containsKey(name)) {
                    continue;
                }
                if (Files.isSymbolicLink(e)) {
                    add(links, name, limit);
                } else if (folders.containsKey(name) && Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS)) {
                    linksInside(e, name + "/", folders.get(name), links, limit);
                }
            }
        }
        return List.copyOf(links);
    }

    /** {@link #linksAtOwnNames} in one of the kind's folders, {@code names} the pattern of its files. */
    private static void linksInside(Path dir, String prefix, Pattern names, List<String> links, int limit)
            throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path e : entries) {
                String name = e.getFileName().toString();
                boolean scratch = names == SPARK_TABLE && name.equals(SPARK_SCRATCH);
                if (Files.isSymbolicLink(e)) {
                    if (scratch || names.matcher(name).matches()) {
                        add(links, prefix + name, limit);
                    }
                } else if ((scratch || names == ANY) && Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS)) {
                    linksInside(e, prefix + name + "/", ANY, links, limit);
                }
            }
        }
    }

    private static void add(List<String> names, String name, int limit) {
        if (names.size() < limit) {
            names.add(name);
        }
    }

    /**
     * What keeps a folder of a kind from being replaced: {@code unwritten}, names no version of the kind writes, and
     * {@code later}, names it writes now that the version which wrote the folder, of an earlier format, did not, so
     * that they may be the user's.
     */
    record Foreign(List<String> unwritten, List<String> later) {
        boolean isEmpty() {
            return unwritten.isEmpty() && later.isEmpty();
        }
    }

    private static boolean writesInside(Path dir, Pattern names) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path e : entries) {
                String name = e.getFileName().toString();
                boolean scratch = names == SPARK_TABLE && name.equals(SPARK_SCRATCH);
                if (scratch && Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS)) {
                    if (!committerWroteAll(e)) {
                        return false;
                    }
                    continue;
                }
                if (!Files.isRegularFile(e, LinkOption.NOFOLLOW_LINKS) || !names.matcher(name).matches()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether the committer's scratch folder {@code dir} holds only its own folders and Spark's parts, at any depth. */
    private static boolean committerWroteAll(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path e : entries) {
                String name = e.getFileName().toString();
                boolean ok = Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS)
                        ? SPARK_SCRATCH_FOLDER.matcher(name).matches() && committerWroteAll(e)
                        : Files.isRegularFile(e, LinkOption.NOFOLLOW_LINKS) && SPARK_TABLE.matcher(name).matches();
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether every entry of {@code folder} is a name some kind writes: what a leftover partial folder holds. */
    static boolean anyKindWritesAll(Path folder) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path e : entries) {
                String name = e.getFileName().toString();
                boolean dir = Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS);
                boolean ok = false;
                for (ResultKind k : ALL) {
                    if (dir ? k.folders.containsKey(name) && writesInside(e, k.folders.get(name))
                            : k.files.contains(name) && Files.isRegularFile(e, LinkOption.NOFOLLOW_LINKS)) {
                        ok = true;
                        break;
                    }
                }
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }
}
