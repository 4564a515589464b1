package dev.latencyedge.engine;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pulumi's property values on the wire (pulumi/pulumi sdk/go/common/resource/plugin/rpc.go, MarshalPropertyValue):
 * a protobuf Struct in which a secret is an object whose signature key holds the secret signature and whose
 * "value" holds the value, and an unknown value is one fixed string. Decoded here into plain Java values, with
 * {@link Secret} and {@link #UNKNOWN} marking the two.
 */
public final class PropertyValues {

    static final String SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";
    static final String SECRET_SIGNATURE = "1b47061264138c4ac30d75fd1eb44270";
    /** An unknown value in preview, and the ID a provider gets in preview (pkg/resource/deploy/providers). */
    public static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    /** A value the program marked secret. */
    public record Secret(Object value) {
    }

    private PropertyValues() {
    }

    public static Map<String, Object> decode(Struct struct) {
        var map = new LinkedHashMap<String, Object>();
        struct.getFieldsMap().forEach((key, value) -> map.put(key, decode(value)));
        return map;
    }

    static Object decode(Value value) {
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> null;
            case NUMBER_VALUE -> value.getNumberValue();
            case BOOL_VALUE -> value.getBoolValue();
            case STRING_VALUE -> value.getStringValue().equals(UNKNOWN) ? UNKNOWN : value.getStringValue();
            case LIST_VALUE -> value.getListValue().getValuesList().stream().map(PropertyValues::decode).toList();
            case STRUCT_VALUE -> {
                var fields = value.getStructValue().getFieldsMap();
                var signature = fields.get(SIGNATURE_KEY);
                if (signature == null) {
                    yield decode(value.getStructValue());
                }
                if (!signature.getStringValue().equals(SECRET_SIGNATURE)) {
                    throw new IllegalStateException("the program sent a value this engine does not expect: " + value);
                }
                yield new Secret(decode(fields.get("value")));
            }
        };
    }

    public static Struct encode(Map<String, ?> map) {
        var struct = Struct.newBuilder();
        map.forEach((key, value) -> struct.putFields(key, encode(value)));
        return struct.build();
    }

    static Value encode(Object value) {
        if (value == null) {
            return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
        }
        if (value instanceof Secret secret) {
            return Value.newBuilder().setStructValue(Struct.newBuilder()
                    .putFields(SIGNATURE_KEY, Value.newBuilder().setStringValue(SECRET_SIGNATURE).build())
                    .putFields("value", encode(secret.value()))).build();
        }
        if (value instanceof String s) {
            return Value.newBuilder().setStringValue(s).build();
        }
        if (value instanceof Number n) {
            return Value.newBuilder().setNumberValue(n.doubleValue()).build();
        }
        if (value instanceof Boolean b) {
            return Value.newBuilder().setBoolValue(b).build();
        }
        if (value instanceof Map<?, ?> map) {
            var fields = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> fields.put(String.valueOf(k), v));
            return Value.newBuilder().setStructValue(encode(fields)).build();
        }
        if (value instanceof List<?> list) {
            var values = ListValue.newBuilder();
            list.forEach(v -> values.addValues(encode(v)));
            return Value.newBuilder().setListValue(values).build();
        }
        throw new IllegalArgumentException("not a property value: " + value.getClass());
    }

    /** The value with every secret replaced by what it holds, as a provider receives it. */
    @SuppressWarnings("unchecked")
    public static <T> T reveal(T value) {
        if (value instanceof Secret secret) {
            return (T) reveal(secret.value());
        }
        if (value instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), reveal(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            var copy = new ArrayList<Object>();
            list.forEach(v -> copy.add(reveal(v)));
            return (T) copy;
        }
        return value;
    }

    /** Whether the value holds an unknown anywhere. */
    public static boolean hasUnknowns(Object value) {
        if (value instanceof Secret secret) {
            return hasUnknowns(secret.value());
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(PropertyValues::hasUnknowns);
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(PropertyValues::hasUnknowns);
        }
        return UNKNOWN.equals(value);
    }
}
