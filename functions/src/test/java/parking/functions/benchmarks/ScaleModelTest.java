package parking.functions.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scale model on a small city across the antimeridian, so the model and its report cannot rot unseen. */
class ScaleModelTest {

    private static final int SLOTS = 2_000;
    /** Searches of 5 km around points of a 1 km city: every answer is the whole city. */
    private static final ScaleScenario.Traffic TRAFFIC = new ScaleScenario.Traffic(60, 0.10, 0.70, 500, 5_000, 100, 0.01, 1, 1);
    private static final ScaleScenario SMALL = new ScaleScenario("small",
            List.of(new ScaleScenario.City("Taveuni", -16.8, 180.0, 1_000, SLOTS)), TRAFFIC, 100, 50, 7);

    private static ScaleModel.Result result;

    @BeforeAll
    static void runTheModel() {
        result = ScaleModel.run(SMALL, ScaleModelBenchmark.slotIndexes());
    }

    private static ScaleModel.Row row(String pattern, String target) {
        return result.patterns().stream()
                .filter(row -> row.pattern().equals(pattern) && row.target().equals(target))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + pattern + " on " + target + " in " + result.patterns()));
    }

    private static double unitsPerSecond(ScaleModel.Row row, boolean writes) {
        return row.monthlyUsd() / ScaleModel.SECONDS_PER_MONTH / (writes ? ScaleModel.WRITE_UNIT_USD : ScaleModel.READ_UNIT_USD);
    }

    @Test
    void eachSlotsIdTakesOneWriteUnitPerReportAndPerChurnWrite() {
        ScaleModel.Row table = result.targets().stream().filter(row -> row.target().equals("table")).findFirst().orElseThrow();

        assertEquals(1.0 / 60 + 2 * 0.01 / 86_400, table.hottestWriteUnits(), 1e-12);
    }

    @Test
    void amongSensorReportsOnlyFlipsWriteTheNearbyIndex() {
        List<String> nearbyWrites = result.patterns().stream()
                .filter(row -> row.target().equals("SlotsByCell") && row.hottestWriteUnits() > 0)
                .map(ScaleModel.Row::pattern)
                .toList();

        assertFalse(nearbyWrites.contains(ScaleModel.Pattern.REPORT.label), nearbyWrites.toString());
        assertEquals(SLOTS * 0.10 / 60, unitsPerSecond(row(ScaleModel.Pattern.FLIP.label, "SlotsByCell"), true), 1e-9);
    }

    @Test
    void aSearchAnswersEverySlotOfTheCircleAcrossTheAntimeridian() {
        Map<String, ScaleModel.Amplification> searches = result.amplification().stream()
                .collect(Collectors.toMap(ScaleModel.Amplification::search, search -> search));

        assertEquals(SLOTS, searches.get("no filter, whole answer, pages of 100").slotsReturned(), 1e-9);
        assertEquals(100, searches.get("no filter, first page (limit 100)").slotsReturned(), 1e-9);
        double free = searches.get("`available=true`, whole answer, pages of 100").slotsReturned();
        assertTrue(free > 0.2 * SLOTS && free < 0.4 * SLOTS, "free slots " + free);
    }

    @Test
    void aSensorReportThatKeepsOccupancyCostsOneWriteUnitAndAFlipTwo() {
        Map<String, Integer> totals = result.writeCosts().stream()
                .collect(Collectors.toMap(SlotWriteCosts.WriteCost::write, SlotWriteCosts.WriteCost::total));

        assertEquals(1, totals.get("sensor report, occupancy unchanged"));
        assertEquals(2, totals.get("sensor report, free → occupied"));
        assertEquals(2, totals.get("sensor report, occupied → free"));
    }

    @Test
    void aKeyedSensorsReportCostsWhatThePatchCostsAndKeysOneUnit() {
        Map<String, Integer> totals = result.writeCosts().stream()
                .collect(Collectors.toMap(SlotWriteCosts.WriteCost::write, SlotWriteCosts.WriteCost::total));

        assertEquals(1, totals.get("keyed sensor's report, occupancy unchanged"));
        assertEquals(2, totals.get("keyed sensor's report, free → occupied"));
        assertEquals(2, totals.get("keyed sensor's report, occupied → free"));
        assertEquals(1, totals.get("keyed sensor's report refused (late, duplicate, wrong key)"));
        assertEquals(1, totals.get("sensor key issued (or replaced)"));
        assertEquals(1, totals.get("sensor key revoked"));
    }

    @Test
    void theReportHasARowPerPatternAndTarget() {
        String report = ScaleModelBenchmark.report(result);

        for (ScaleModel.Row row : result.patterns()) {
            assertTrue(report.contains("| " + row.pattern() + " | " + row.target()), row.pattern() + " on " + row.target());
        }
        assertTrue(ScaleModelBenchmark.writeCosts(result).contains("| sensor report, occupancy unchanged | 1 |"));
    }
}
