package dev.latencyedge.operations;

import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORFactory;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORGenerator;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORParser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CBOR for the fake CloudWatch, through the SDK's own (shaded) Jackson CBOR: the SDK 2.59.1 CloudWatch client
 * speaks Smithy RPC v2 CBOR (its DefaultCloudWatchClient builds a SmithyRpcV2CborProtocolFactory). Timestamps are
 * tag 1 with epoch seconds (smithy-lang, "RPC v2 CBOR protocol": timestamp serialization).
 */
final class Cbor {

    private static final CBORFactory FACTORY = new CBORFactory();

    private Cbor() {
    }

    static Object read(byte[] bytes) throws IOException {
        try (var parser = (CBORParser) FACTORY.createParser(bytes)) {
            parser.nextToken();
            return value(parser);
        }
    }

    private static Object value(CBORParser parser) throws IOException {
        var token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            var map = new LinkedHashMap<String, Object>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                var name = parser.currentName();
                parser.nextToken();
                map.put(name, value(parser));
            }
            return map;
        }
        if (token == JsonToken.START_ARRAY) {
            var list = new ArrayList<Object>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                list.add(value(parser));
            }
            return list;
        }
        if (parser.getCurrentTag() == 1) {
            return Instant.ofEpochMilli((long) (parser.getDoubleValue() * 1000));
        }
        return switch (token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            default -> null;
        };
    }

    static byte[] write(Object value) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var generator = (CBORGenerator) FACTORY.createGenerator(out)) {
            write(generator, value);
        }
        return out.toByteArray();
    }

    private static void write(CBORGenerator generator, Object value) throws IOException {
        if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (var entry : map.entrySet()) {
                generator.writeFieldName(String.valueOf(entry.getKey()));
                write(generator, entry.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (var item : list) {
                write(generator, item);
            }
            generator.writeEndArray();
        } else if (value instanceof Instant instant) {
            generator.writeTag(1);
            generator.writeNumber(instant.toEpochMilli() / 1000.0);
        } else if (value instanceof Double d) {
            generator.writeNumber(d);
        } else if (value instanceof Number n) {
            generator.writeNumber(n.longValue());
        } else if (value instanceof Boolean b) {
            generator.writeBoolean(b);
        } else if (value == null) {
            generator.writeNull();
        } else {
            generator.writeString(String.valueOf(value));
        }
    }
}
