package org.chokepoint.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario that cannot be used, with everything found wrong with it. */
public class ScenarioException extends Exception {

    private final transient List<ScenarioProblem> problems;

    public ScenarioException(List<ScenarioProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ScenarioProblem> problems() {
        return problems;
    }

    private static String summary(List<ScenarioProblem> problems) {
        if (problems.isEmpty()) {
            return "invalid scenario";
        }
        String lines = problems.stream().map(ScenarioProblem::toString).collect(Collectors.joining("\n"));
        return problems.size() == 1 ? lines : problems.size() + " problems:\n" + lines;
    }
}
