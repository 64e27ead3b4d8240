package parking.functions.localapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import parking.local.ProjectRoot;
import parking.local.api.LocalApi;
import parking.local.template.FunctionDefinition;
import parking.local.template.SampleEvents;
import parking.local.template.SamTemplate;

/**
 * Replays every sample event of {@code events/} through the local API's event path into its
 * route's handler, as {@code sam local invoke -e} would, so that none of them rots: each one
 * must name a route of the template and get a 2xx answer, and each route must have one.
 */
class EventFilesIT {

    private static final Path ROOT = ProjectRoot.find();

    @Test
    void everyEventNamesATemplateRouteEveryRouteHasOneAndEachGetsA2xxAnswer() {
        List<FunctionDefinition> functions = SamTemplate.load(ROOT.resolve("template.yaml")).functions();
        List<SampleEvents.Sample> samples = SampleEvents.story(ROOT.resolve("events"), functions);
        assertFalse(samples.isEmpty(), "no events in " + ROOT.resolve("events"));
        Set<String> covered = new TreeSet<>();
        samples.forEach(sample -> covered.add(sample.route().method() + " " + sample.route().path()));
        Set<String> routes = new TreeSet<>();
        functions.forEach(f -> f.routes().forEach(route -> routes.add(route.method() + " " + route.path())));
        assertEquals(routes, covered, "every route of template.yaml has its event in events/");

        try (LocalApi api = LocalApi.start(List.of("--port", "0", "--in-memory", "--env", "BCRYPT_COST=4"), System.out)) {
            SampleEvents.Credentials credentials = SampleEvents.Credentials.PLACEHOLDERS;
            for (SampleEvents.Sample sample : samples) {
                LocalApi.Reply reply = api.invokeEvent(sample.with(credentials));
                assertTrue(reply.status() >= 200 && reply.status() < 300,
                        sample.file().getFileName() + " answered " + reply.status() + " " + reply.body());
                credentials = credentials.after(sample, reply.body());
            }
        }
    }
}
