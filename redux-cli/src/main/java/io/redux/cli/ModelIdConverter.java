package io.redux.cli;

import io.redux.domain.error.InvalidInputException;
import io.redux.domain.model.ModelId;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

public final class ModelIdConverter implements ITypeConverter<ModelId> {

    @Override
    public ModelId convert(String value) {
        try {
            return ModelId.parse(value);
        } catch (InvalidInputException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
