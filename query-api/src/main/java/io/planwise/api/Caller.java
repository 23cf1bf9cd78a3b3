package io.planwise.api;

import java.util.Set;

/**
 * Who is asking, as far as the API cares: a name for the access log and the scenarios the caller may
 * read.
 *
 * @param name the key's name from the key file (never the key itself)
 * @param scenarios scenario ids this caller may read; ignored when {@code everyScenario}
 * @param everyScenario whether the caller may read every scenario ({@code "*"} in the key file, or --no-auth)
 */
record Caller(String name, Set<String> scenarios, boolean everyScenario) {

    static final Caller LOCAL = new Caller("local (--no-auth)", Set.of(), true);

    Caller {
        scenarios = Set.copyOf(scenarios);
    }

    boolean mayRead(String scenarioId) {
        return everyScenario || scenarios.contains(scenarioId);
    }
}
