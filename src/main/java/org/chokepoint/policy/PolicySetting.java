package org.chokepoint.policy;

import org.chokepoint.scenario.BehaviourSpec;
import org.chokepoint.world.World;

/**
 * What an instrument is built in: the scenario's resolved world, its horizon (the end of an instrument that
 * names none) and its behaviour settings.
 */
public record PolicySetting(World world, int horizonTicks, BehaviourSpec behaviour) { }
