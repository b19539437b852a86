package io.kiban.commons.problem;

import jakarta.ws.rs.BadRequestException;
import java.util.Arrays;
import java.util.List;

/**
 * A query (form, header, cookie) parameter of an enum type got a value that is none of its
 * constants. {@link EnumParamConverterProvider} throws it; {@code ProblemMappers} answers 400
 * naming the parameter and the allowed values (JAX-RS alone answers 404 for an unconvertible query
 * parameter).
 */
public class InvalidEnumParameterException extends BadRequestException {

    private final String parameter;
    private final String value;
    private final Class<? extends Enum<?>> type;

    public InvalidEnumParameterException(
            String parameter, String value, Class<? extends Enum<?>> type) {
        super("'" + value + "' is not one of " + String.join(", ", allowed(type)));
        this.parameter = parameter;
        this.value = value;
        this.type = type;
    }

    /**
     * The parameter's name, or null when the converter could not tell (the mapper then finds it).
     */
    public String parameter() {
        return parameter;
    }

    public String value() {
        return value;
    }

    public Class<? extends Enum<?>> type() {
        return type;
    }

    public List<String> allowed() {
        return allowed(type);
    }

    public static List<String> allowed(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }
}
