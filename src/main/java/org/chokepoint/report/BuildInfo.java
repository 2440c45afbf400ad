package org.chokepoint.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version and the git commit this build was made from, embedded at build time
 * ({@code org/chokepoint/build.properties} by resource filtering, {@code org/chokepoint/git-commit.txt} from
 * {@code git describe}, see the pom). Either reads {@code "unknown"} when the build could not tell, for
 * instance a build outside a git checkout.
 */
public record BuildInfo(String version, String gitCommit, boolean gitDirty) {

    public static final String UNKNOWN = "unknown";

    /** What {@code git describe --always --dirty --abbrev=40} prints when every tag is excluded. */
    private static final Pattern COMMIT = Pattern.compile("([0-9a-f]{40})(-dirty)?");

    /** Read once; declared after the fields {@link #read()} uses. */
    private static final BuildInfo CURRENT = read();

    public static BuildInfo current() {
        return CURRENT;
    }

    private static BuildInfo read() {
        Properties build = load("/org/chokepoint/build.properties");
        String version = BuildInfo.class.getPackage().getImplementationVersion();
        if (version == null) {
            version = known(build.getProperty("version"));
        }
        Matcher commit = COMMIT.matcher(text("/org/chokepoint/git-commit.txt").strip());
        if (!commit.matches()) {
            return new BuildInfo(version, UNKNOWN, false);
        }
        return new BuildInfo(version, commit.group(1), commit.group(2) != null);
    }

    private static String text(String resource) {
        try (InputStream in = BuildInfo.class.getResourceAsStream(resource)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String known(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? UNKNOWN : value;
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(resource)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource is as good as a missing one: the field reads "unknown"
        }
        return p;
    }
}
