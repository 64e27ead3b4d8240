package parking.functions.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import parking.functions.testing.LocalDynamo;
import parking.local.dynamo.TemplateTables;
import parking.slots.SlotKeys;

/**
 * The scale model of issue 10 on both scenarios: the hottest partition key value of every access
 * pattern against DynamoDB's per-partition limits, the monthly cost, the nearby search's reads
 * against its answer's, and what each slot write costs. Prints Markdown tables; not part of the
 * test suite (run it with {@code bench/scale-model}).
 */
@Tag("benchmark")
class ScaleModelBenchmark {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    @Test
    void bothScenarios() {
        List<GlobalIndex> indexes = slotIndexes();
        ScaleModel.Result first = null;
        for (ScaleScenario scenario : List.of(ScaleScenario.oneCity(), ScaleScenario.worldwide())) {
            long start = System.nanoTime();
            long cpuStart = CPU.getCurrentThreadCpuTime();
            ScaleModel.Result result = ScaleModel.run(scenario, indexes);
            first = first == null ? result : first;
            System.err.print(report(result));
            // CPU time too: on a shared machine the wall time says more about the neighbours.
            System.err.printf(Locale.ROOT, "(modelled in %.1f s, %.1f s of CPU)%n%n", (System.nanoTime() - start) / 1e9,
                    (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9);
        }
        System.err.println("### Write units of each slot write, by template.yaml's indexes and AWS's rules");
        System.err.println();
        System.err.print(writeCosts(first));
    }

    /** The slots table's indexes as template.yaml declares them: the table whose indexes include the nearby one. */
    static List<GlobalIndex> slotIndexes() {
        return TemplateTables.definitions(LocalDynamo.template()).stream()
                .filter(table -> table.globalSecondaryIndexes().stream().anyMatch(index -> index.indexName().equals(SlotKeys.BY_CELL)))
                .map(GlobalIndex::of)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no table of template.yaml has the index " + SlotKeys.BY_CELL));
    }

    static String report(ScaleModel.Result result) {
        ScaleScenario scenario = result.scenario();
        ScaleScenario.Traffic traffic = scenario.traffic();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "### %s: %,d slots in %d %s, %,d nearby cells%n%n", scenario.name(), scenario.slots(),
                scenario.cities().size(), scenario.cities().size() == 1 ? "city" : "cities", result.cells()));
        out.append(String.format(Locale.ROOT, "Traffic: every sensor reports once in %.0f s, %.0f%% of reports flip occupancy, %.0f%% of slots"
                        + " occupied; %.0f nearby searches/s (`available=true`, radius %.0f m, limit %d; %,d drawn, %,d of them answered); churn %.0f%% of slots"
                        + " deleted and created a day; %.0f `GET /slots` page/s; %.0f `GET /slots?owner_id=` page/s per city operator."
                        + " Largest city: %s, %,d slots in %.1f km × %.1f km.%n%n",
                traffic.reportSeconds(), traffic.flipShare() * 100, traffic.occupiedShare() * 100, traffic.searchesPerSecond(),
                traffic.radiusMeters(), traffic.pageLimit(), scenario.sampledSearches(), scenario.answeredSearches(), traffic.churnPerDay() * 100,
                traffic.listPagesPerSecond(), traffic.ownerPagesPerSecondPerCity(), scenario.cities().get(0).name(),
                scenario.cities().get(0).slots(), scenario.cities().get(0).sideMeters() / 1000, scenario.cities().get(0).sideMeters() / 1000));
        out.append("| Access pattern | Table / index (partition key) | Hottest key value | WCU/s | % of 1,000 | RCU/s | % of 3,000 | USD / month |\n");
        out.append("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (ScaleModel.Row row : result.patterns()) {
            out.append(row(row, false));
        }
        for (ScaleModel.Row row : result.targets()) {
            out.append(row(row, true));
        }
        out.append(String.format(Locale.ROOT, "| **all** | | | | | | | **%,.0f** |%n%n", result.monthlyUsd()));
        out.append(String.format(Locale.ROOT, "Sizes (mean bytes, by DynamoDB's rules, on this model's items): %s.%n%n",
                result.entryBytes().entrySet().stream()
                        .map(entry -> String.format(Locale.ROOT, "%s %s %.1f", entry.getKey().equals("table") ? "item" : entry.getKey(),
                                entry.getKey().equals("table") ? "" : "entry", entry.getValue()).replace("  ", " "))
                        .collect(Collectors.joining(", "))));
        out.append("| Nearby search, radius " + (int) traffic.radiusMeters() + " m | slots returned | read units | read units of the slots returned | × |\n");
        out.append("| --- | ---: | ---: | ---: | ---: |\n");
        for (ScaleModel.Amplification search : result.amplification()) {
            out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.2f |%n", search.search(), search.slotsReturned(),
                    search.readUnits(), search.returnedUnits(), search.ratio()));
        }
        out.append("\n");
        return out.toString();
    }

    /** Write units of every kind of slot write: the table and each index, by AWS's rules. */
    static String writeCosts(ScaleModel.Result result) {
        List<SlotWriteCosts.WriteCost> costs = result.writeCosts();
        List<String> indexes = List.copyOf(costs.get(0).indexUnits().keySet());
        StringBuilder out = new StringBuilder("| Slot write | table | " + String.join(" | ", indexes) + " | total |\n");
        out.append("| --- | ---: |").append(" ---: |".repeat(indexes.size())).append(" ---: |\n");
        for (SlotWriteCosts.WriteCost cost : costs) {
            out.append("| ").append(cost.write()).append(" | ").append(cost.tableUnits()).append(" | ");
            for (String index : indexes) {
                out.append(cost.indexUnits().get(index)).append(" | ");
            }
            out.append("**").append(cost.total()).append("** |\n");
        }
        return out.append("\n").toString();
    }

    private static String row(ScaleModel.Row row, boolean total) {
        String pattern = total ? "**" + row.target() + ", all patterns**" : row.pattern();
        return String.format(Locale.ROOT, "| %s | %s (`%s`) | %s | %s | %s | %s | %s | %,.0f |%n", pattern, row.target(), row.keyAttribute(),
                row.hottestKey(), units(row.hottestWriteUnits()), share(row.writeShare(), row.hottestWriteUnits()),
                units(row.hottestReadUnits()), share(row.readShare(), row.hottestReadUnits()), row.monthlyUsd());
    }

    /** Units per second: three decimals, or two significant digits for the tiny rates of churn. */
    private static String units(double perSecond) {
        if (perSecond == 0) {
            return "";
        }
        return String.format(Locale.ROOT, perSecond < 0.01 ? "%.1e" : "%.3f", perSecond);
    }

    private static String share(double share, double perSecond) {
        if (perSecond == 0) {
            return "";
        }
        return share < 0.0001 ? "< 0.01%" : String.format(Locale.ROOT, "%.2f%%", share * 100);
    }
}
