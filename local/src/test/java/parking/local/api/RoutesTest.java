package parking.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import parking.local.ProjectRoot;
import parking.local.template.SamTemplate;

class RoutesTest {

    private static final Routes PROJECT = new Routes(SamTemplate.load(ProjectRoot.find().resolve("template.yaml")).functions());
    private static final Routes FIXTURE = new Routes(SamTemplate.load(FixtureApi.TEMPLATE).functions());

    @Test
    void prefersALiteralSegmentToAPathVariable() {
        Routes.Match match = PROJECT.match("POST", "/users/login").orElseThrow();

        assertEquals("POST /users/login", match.route().routeKey());
        assertEquals("LoginFunction", match.route().function().logicalId());
    }

    @Test
    void bindsPathVariablesToTheirSegment() {
        Routes.Match match = PROJECT.match("GET", "/users/12").orElseThrow();

        assertEquals("GET /users/{user_id}", match.route().routeKey());
        assertEquals(Map.of("user_id", "12"), match.pathParameters());
    }

    @Test
    void matchesNothingForAnotherMethodATrailingSlashOrAnEmptySegment() {
        assertTrue(PROJECT.match("DELETE", "/users").isEmpty());
        assertTrue(PROJECT.match("GET", "/users/").isEmpty());
        assertTrue(PROJECT.match("GET", "/users/12/more").isEmpty());
    }

    @Test
    void letsAnyMethodRoutesServeEveryMethod() {
        assertEquals("ANY /echo/{item_id}", FIXTURE.match("PATCH", "/echo/1").orElseThrow().route().routeKey());
    }

    @Test
    void givesAGreedyVariableAtLeastOneSegment() {
        assertTrue(FIXTURE.match("GET", "/files").isEmpty());
        assertEquals(Map.of("path", "a/b"), FIXTURE.match("GET", "/files/a/b").orElseThrow().pathParameters());
    }
}
