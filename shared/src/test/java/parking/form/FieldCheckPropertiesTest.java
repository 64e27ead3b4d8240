package parking.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import parking.errors.ApiException;
import parking.slots.SlotRules;
import parking.testing.HostileText;
import parking.users.UserRules;

/**
 * Whatever a form holds, a field check ends in exactly one of the contract's answers: the
 * values, {@code 400 missing fields [..]} naming every missing required field, or
 * {@code 400 invalid fields [..]} naming every invalid one, in the order they were checked.
 */
class FieldCheckPropertiesTest {

    /** What a client did with one field. */
    enum Sent { NOTHING, EMPTY, VALID, INVALID }

    /** One field of a route: its name, whether it is required, and what was sent. */
    record Field(String name, boolean required, Sent sent, String value) {
    }

    private static final Function<String, Optional<String>> STARTS_WITH_OK = raw -> raw.startsWith("ok") ? Optional.of(raw) : Optional.empty();

    @Provide
    Arbitrary<List<Field>> routes() {
        Arbitrary<Field> field = Combinators.combine(
                        Arbitraries.of(Sent.class),
                        Arbitraries.of(true, false),
                        Arbitraries.strings().ofMaxLength(20))
                .as((sent, required, text) -> new Field(null, required, sent, switch (sent) {
                    case NOTHING -> null;
                    case EMPTY -> "";
                    case VALID -> "ok" + text;
                    case INVALID -> "x" + text;
                }));
        return field.list().ofMinSize(1).ofMaxSize(8).map(fields -> {
            List<Field> named = new ArrayList<>();
            for (int i = 0; i < fields.size(); i++) {
                Field f = fields.get(i);
                named.add(new Field("field" + i, f.required(), f.sent(), f.value()));
            }
            return named;
        });
    }

    @Provide
    Arbitrary<Map<String, String>> slotForms() {
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of("name", "latitude", "longitude", "occupied", "owner_id", ""),
                Arbitraries.strings().ofMaxLength(10));
        return Arbitraries.maps(names, HostileText.anything()).ofMaxSize(6);
    }

    @Provide
    Arbitrary<Map<String, String>> userForms() {
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of("username", "password", "Username", "password "),
                Arbitraries.strings().ofMaxLength(10));
        return Arbitraries.maps(names, HostileText.anything()).ofMaxSize(4);
    }

    @Property(tries = 2000)
    void reportsEveryMissingThenEveryInvalidFieldInCheckOrder(@ForAll("routes") List<Field> route) {
        Map<String, String> sent = new LinkedHashMap<>();
        route.stream().filter(f -> f.value() != null).forEach(f -> sent.put(f.name(), f.value()));
        FieldCheck check = new FieldCheck(new Form(sent));

        for (Field field : route) {
            Optional<String> value = field.required()
                    ? Optional.ofNullable(check.required(field.name(), STARTS_WITH_OK))
                    : check.optional(field.name(), STARTS_WITH_OK);
            assertEquals(field.sent() == Sent.VALID ? Optional.of(field.value()) : Optional.empty(), value, field.name());
        }

        List<String> missing = route.stream().filter(f -> f.required() && f.sent() == Sent.NOTHING).map(Field::name).toList();
        List<String> invalid = route.stream().filter(f -> f.sent() == Sent.EMPTY || f.sent() == Sent.INVALID).map(Field::name).toList();
        if (!missing.isEmpty()) {
            assertBadRequest("missing fields [" + String.join(", ", missing) + "]", check);
        } else if (!invalid.isEmpty()) {
            assertBadRequest("invalid fields [" + String.join(", ", invalid) + "]", check);
        } else {
            check.throwIfAny();
        }
    }

    @Property(tries = 2000)
    void anySlotFormGetsTheValuesOrA400(@ForAll("slotForms") Map<String, String> form) {
        FieldCheck check = new FieldCheck(new Form(form));
        check.required("name", SlotRules::name);
        check.required("latitude", SlotRules::latitude);
        check.required("longitude", SlotRules::longitude);
        check.optional("occupied", SlotRules::flag);
        check.optional("minutes", SlotRules::minutes);

        assertOnlyContractAnswers(check);
    }

    @Property(tries = 2000)
    void anyUserFormGetsTheValuesOrA400(@ForAll("userForms") Map<String, String> form) {
        FieldCheck check = new FieldCheck(new Form(form));
        check.required("username", UserRules::username);
        check.required("password", UserRules::password);

        assertOnlyContractAnswers(check);
    }

    private static void assertBadRequest(String message, FieldCheck check) {
        ApiException refused = assertThrows(ApiException.class, check::throwIfAny);
        assertEquals(400, refused.status());
        assertEquals(message, refused.getMessage());
    }

    private static void assertOnlyContractAnswers(FieldCheck check) {
        try {
            check.throwIfAny();
        } catch (ApiException refused) {
            assertEquals(400, refused.status());
            assertTrue(refused.getMessage().matches("(missing|invalid) fields \\[[a-z_]+(, [a-z_]+)*]"), refused.getMessage());
        }
    }
}
