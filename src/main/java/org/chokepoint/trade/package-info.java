/**
 * Trade measures as wedges and bounds on a lane (origin, destination, commodity): allowances, taxes,
 * tariffs, levies, detours and the pooling of requests under quotas and licences. Traders obey them,
 * policies implement them, and an equilibrium solver can read them as the same wedges. The same rules tell
 * buyers how much of a region's own output a measure on production holds back, which they read as news.
 */
package org.chokepoint.trade;
