package io.redux.cli;

import io.redux.domain.error.InvalidInputException;
import io.redux.domain.model.ConversationId;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

public final class ConversationIdConverter implements ITypeConverter<ConversationId> {

    @Override
    public ConversationId convert(String value) {
        try {
            return ConversationId.parse(value);
        } catch (InvalidInputException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
