package parking.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import parking.local.ProjectRoot;

class SampleEventsTest {

    private static final Path ROOT = ProjectRoot.find();

    @Test
    void eachEventHasItsOwnLabelAndAFunctionsSecondEventCarriesTheWordOfItsFileName() {
        List<String> labels = SampleEvents.story(ROOT.resolve("events"), SamTemplate.load(ROOT.resolve("template.yaml")).functions())
                .stream().map(SampleEvents.Sample::label).toList();

        assertEquals(labels.size(), labels.stream().distinct().count(), labels.toString());
        assertTrue(labels.containsAll(List.of("ListSlotsFunction", "ListSlotsFunction (nearby)")), labels.toString());
    }
}
