/**
 * Trade measures as wedges and bounds on a lane (origin, destination, commodity): allowances, taxes,
 * tariffs, levies, detours and the pooling of requests under quotas and licences. Traders obey them,
 * policies implement them, and an equilibrium solver can read them as the same wedges.
 */
package org.chokepoint.trade;
