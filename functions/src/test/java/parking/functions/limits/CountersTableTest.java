package parking.functions.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import parking.functions.testing.LocalDynamo;
import parking.limits.CounterRepository;
import parking.local.template.SamTemplate;

/**
 * TTL is declared in the template, not set by code (dynalite cannot set it, and the deployed
 * table gets it from CloudFormation): the attribute the template names must be the one the
 * counters write, or no counter would ever expire.
 */
class CountersTableTest {

    @Test
    void theTemplateExpiresCountersByTheAttributeTheRepositoryWrites() {
        Map<String, Object> table = LocalDynamo.template().resources("AWS::DynamoDB::Table").get("AbuseCountersTable");
        Map<String, Object> ttl = SamTemplate.asMap(table.get("TimeToLiveSpecification"));

        assertEquals(CounterRepository.EXPIRES_AT, ttl.get("AttributeName"));
        assertEquals(true, ttl.get("Enabled"));
    }
}
