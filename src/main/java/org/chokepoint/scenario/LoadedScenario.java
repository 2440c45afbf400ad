package org.chokepoint.scenario;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A scenario that passed every check.
 *
 * @param source   where it came from (a path, or the name given to an in-memory scenario)
 * @param json     the document as read, for patching and for copying into run outputs
 * @param scenario the bound records
 * @param sha256   hex SHA-256 of the canonical JSON text (keys sorted, no whitespace, no {@code "$schema"}):
 *                 two files that differ only in layout, key order or the schema they point an editor at have
 *                 the same hash, so results can name their input
 */
public record LoadedScenario(String source, JsonNode json, Scenario scenario, String sha256) { }
