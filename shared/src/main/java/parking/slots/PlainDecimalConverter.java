package parking.slots;

import java.math.BigDecimal;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Coordinates as DynamoDB numbers written in plain digits: the SDK's default converter uses
 * {@link BigDecimal#toString()}, which switches to an exponent for values such as {@code 1E-7}.
 */
final class PlainDecimalConverter implements AttributeConverter<BigDecimal> {

    @Override
    public AttributeValue transformFrom(BigDecimal input) {
        return AttributeValue.fromN(input.toPlainString());
    }

    @Override
    public BigDecimal transformTo(AttributeValue input) {
        return new BigDecimal(input.n());
    }

    @Override
    public EnhancedType<BigDecimal> type() {
        return EnhancedType.of(BigDecimal.class);
    }

    @Override
    public AttributeValueType attributeValueType() {
        return AttributeValueType.N;
    }
}
