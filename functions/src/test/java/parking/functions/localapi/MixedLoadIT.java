package parking.functions.localapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.local.ProjectRoot;
import parking.local.template.SamTemplate;

/**
 * A small bounded run of {@link MixedLoad} in the suite: it asserts counts, never timings (the
 * figures are {@code bench/load-mixed}'s job): every route is exercised, no answer is a 5xx or
 * one the contract does not allow, and every acknowledged write is there at the end.
 */
@ExtendWith(SharedLocalApi.class)
class MixedLoadIT {

    @Test
    void aMixedLoadOnEveryRouteGetsOnlyContractAnswersAndLosesNoAcknowledgedWrite() {
        MixedLoad.Report report = MixedLoad.run(SharedLocalApi.http(), new MixedLoad.Plan(240, 2, Duration.ofSeconds(90), 20261128));
        System.out.print(report.summary());

        Set<String> templateRoutes = new TreeSet<>();
        SamTemplate.load(ProjectRoot.find().resolve("template.yaml")).functions()
                .forEach(function -> function.routes().forEach(route -> templateRoutes.add(route.method() + " " + route.path())));
        assertEquals(templateRoutes, report.routes());
        assertEquals(0, report.serverErrors());
        assertEquals(0, report.unanswered());
        assertEquals(List.of(), report.unexpected());
        assertEquals(List.of(), report.endState().missing());
    }
}
