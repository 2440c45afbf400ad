package org.chokepoint.agent;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.List;
import org.chokepoint.scenario.BehaviourSpec;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.TickTime;
import org.chokepoint.scenario.WorldBuilder;
import org.chokepoint.world.Recipe;
import org.chokepoint.world.Stage;
import org.chokepoint.world.World;

/**
 * The firms a scenario lists, drawn into {@link Firms}: each entry's population of firms with their plants, costs,
 * lead times, input slots and recycling, and the state they start the run in.
 */
final class FirmsFromScenario {
    private FirmsFromScenario() {
    }

    /**
     * Builds every firm of a scenario. Populations draw their parameters from the model's generator in the
     * order the file lists them, so the same seed gives the same firms.
     */
    static Firms build(Scenario scenario, World world, MersenneTwisterFast random) {
        BehaviourSpec behaviour = scenario.behaviour();
        int n = 0;
        int slots = 0;
        for (Scenario.FirmSpec spec : scenario.firms()) {
            int k = spec.countOrDefault();
            n += k;
            FirmType t = FirmType.parse(spec.type());
            if (t == FirmType.MANUFACTURER) {
                slots += k * world.recipe(WorldBuilder.recipeOf(spec, world)).inputCount();
            }
        }
        Firms firms = new Firms(n, slots, world.marketCount());
        int f = 0;
        int slot = 0;
        List<Scenario.FirmSpec> specs = new ArrayList<>(scenario.firms());
        for (Scenario.FirmSpec spec : specs) {
            FirmType t = FirmType.parse(spec.type());
            int r = world.regionIndex(spec.region());
            int c = world.commodityIndex(spec.commodity());
            int rec = t == FirmType.MANUFACTURER ? WorldBuilder.recipeOf(spec, world) : -1;
            int k = spec.countOrDefault();
            for (int i = 0; i < k; i++, f++) {
                firms.id[f] = k == 1 ? spec.id() : spec.id() + "-" + (i + 1);
                firms.type[f] = t;
                firms.region[f] = r;
                firms.commodity[f] = c;
                firms.market[f] = world.market(r, c);
                firms.recipe[f] = rec;
                firms.outputValue[f] = world.commodity(c).valuePerUnit();
                firms.capacity[f] = spec.capacity().draw(random);
                firms.costBase[f] = spec.cost().base().draw(random);
                firms.costSlope[f] = spec.cost().slope().draw(random);
                firms.costExponent[f] = spec.cost().exponent() == null ? 2.0 : spec.cost().exponent().draw(random);
                double utilization = spec.initialUtilization() == null ? 0.8 : spec.initialUtilization().draw(random);
                firms.leadTicks[f] = spec.leadTicks() == null
                        ? defaultLead(behaviour.investment().defaultLeadTicks(), world.commodity(c).stage())
                        : leadFrom(spec.leadTicks().draw(random));
                firms.status[f] = switch (spec.statusOrDefault()) {
                    case "mothballed" -> FirmStatus.MOTHBALLED;
                    case "planned" -> FirmStatus.PLANNED;
                    case Scenario.FirmSpec.PROSPECT -> FirmStatus.PROSPECT;
                    default -> FirmStatus.ACTIVE;
                };
                firms.mothballedBeforeRun[f] = firms.status[f] == FirmStatus.MOTHBALLED;
                if (spec.capexPerAnnualUnit() != null) {
                    firms.setCapex(f, spec.capexPerAnnualUnit());
                }
                double initialPrice = world.commodity(c).initialPrice();
                firms.expectedPrice[f] = initialPrice;
                firms.salePrice[f] = initialPrice;
                double normal = firms.status[f] == FirmStatus.ACTIVE ? utilization * firms.capacity[f] : 0;
                firms.normalSales[f] = normal;
                firms.normalUtilization[f] = utilization > 0 ? utilization : 0.8;
                firms.output[f] = normal;
                firms.plannedOutput[f] = normal;
                firms.stock[f] = normal * TickTime.coverTicks(behaviour.stockCoverTicks(), world.ticksPerYear());
                firms.inputCover[f] = behaviour.inputCoverTicks();
                firms.inputOffset[f] = slot;
                if (rec >= 0) {
                    Recipe recipe = world.recipe(rec);
                    for (int j = 0; j < recipe.inputCount(); j++, slot++) {
                        firms.slotFirm[slot] = f;
                        firms.slotInput[slot] = j;
                        firms.inputCommodity[slot] = recipe.inputs()[j];
                        firms.inputMarket[slot] = world.market(r, recipe.inputs()[j]);
                        firms.intensity[slot] = recipe.perUnit()[j];
                        firms.inputExpectedPrice[slot] = world.commodity(recipe.inputs()[j]).initialPrice();
                        firms.inputInitialPrice[slot] = firms.inputExpectedPrice[slot];
                        firms.inputValue[slot] = world.commodity(recipe.inputs()[j]).valuePerUnit();
                        firms.inputFloor[slot] = recipe.minPerUnit()[j];
                        firms.slotCover[slot] = firms.inputCover[f];
                        firms.inputStock[slot] = normal * recipe.perUnit()[j] * firms.slotCover[slot];
                    }
                }
                if (t == FirmType.RECYCLER) {
                    Scenario.RecyclingSpec rs = spec.recycling();
                    firms.feedstockMarket[f] = world.market(r, world.commodityIndex(rs.feedstock()));
                    firms.yieldPerUnit[f] = rs.yieldPerUnit();
                    firms.collectionShare[f] = rs.collectionShare();
                    firms.collectionElasticity[f] = rs.priceElasticity() == null ? 0.0 : rs.priceElasticity();
                    firms.maxCollectionShare[f] = rs.maxCollectionShare() == null ? 1.0 : rs.maxCollectionShare();
                    firms.scrapLag[f] = rs.lagTicks() == null ? 0 : rs.lagTicks();
                    firms.collector[f] = world.commodity(c).stage() == Stage.SCRAP;
                }
            }
        }
        firms.inputOffset[n] = slot;
        return firms;
    }

    /**
     * A drawn lead time in whole ticks. A log-normal draw has no upper end: a lead beyond the longest run
     * changes nothing in it, and is cut there so that the tick it ends on is still an int.
     */
    private static int leadFrom(double draw) {
        return (int) Math.min(Math.round(draw), org.chokepoint.scenario.Limits.MAX_TICKS);
    }

    private static int defaultLead(BehaviourSpec.LeadTicks lead, Stage stage) {
        return switch (stage) {
            case RAW -> lead.raw();
            case REFINED -> lead.refined();
            case COMPONENT -> lead.component();
            case FINAL -> lead.finalGood();
            // A collection yard or shredder is built on the timescale of a mine's expansion, not a plant's.
            case SCRAP -> lead.raw();
        };
    }
}
