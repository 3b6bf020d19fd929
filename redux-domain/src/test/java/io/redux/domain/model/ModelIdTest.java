package io.redux.domain.model;

import io.redux.domain.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelIdTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "custom:us-east-1:anthropic:claude-3-5-sonnet-20241022-v2:0",
            "custom:eu-west-1:bedrock:claude-3-haiku:1",
            "custom:ap-southeast-1:sagemaker:custom-llm:latest",
            "custom:us-gov-west-1:bedrock:us.anthropic.claude-3-haiku-20240307-v1:0",
            "custom:cn-north-1:amazon:titan-text-express-v1:0",
            "custom:us-west-2:bedrock:arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.meta.llama3:0"})
    void printsExactlyWhatItParsed(String text) {
        assertThat(ModelId.parse(text).toString()).isEqualTo(text);
    }

    @Test
    void splitsOnTheFirstThreeAndTheLastSeparator() {
        ModelId id = ModelId.parse("custom:us-west-2:bedrock:arn:aws:bedrock:us-west-2:123456789012:inference-profile/x:7");

        assertThat(id.region()).isEqualTo("us-west-2");
        assertThat(id.service()).isEqualTo("bedrock");
        assertThat(id.modelName()).isEqualTo("arn:aws:bedrock:us-west-2:123456789012:inference-profile/x");
        assertThat(id.version()).isEqualTo("7");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "custom:us_east_1:anthropic:claude:0          | region \"us_east_1\"",
            "custom:US-EAST-1:anthropic:claude:0          | region \"US-EAST-1\"",
            "custom::anthropic:claude:0                   | region part is empty",
            "custom:us-east-1::claude:0                   | service part is empty",
            "custom:us-east-1:anthropic::0                | model-id part is empty",
            "custom:us-east-1:anthropic:claude:           | version part is empty",
            "custom:us-east-1:anthropic:claude            | 4 parts where 5 are needed",
            "bedrock:us-east-1:anthropic:claude:0         | must start with 'custom:'",
            "claude-3-haiku                               | must start with 'custom:'",
            "custom:us-east-1:Anthropic:claude:0          | service \"Anthropic\"",
            "custom:us-east-1:anthropic:claude sonnet:0   | model-id \"claude sonnet\""})
    void namesTheBadSegmentAndTheExpectedForm(String text, String named) {
        assertThatThrownBy(() -> ModelId.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(named)
                .hasMessageContaining(ModelId.FORM)
                .satisfies(e -> assertThat(((InvalidInputException) e).isUsageError()).isTrue());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "custom:us-east-1:anthropic:x\u001b]0;owned\u0007:1 | model-id | U+001B",
            "'custom:us-east-1:anthropic:claude:1\u0007'        | version | U+0007",
            "custom:us\u001b-east-1:anthropic:claude:1          | region | U+001B",
            "custom:us-east-1:anth\u0085ropic:claude:1          | service | U+0085",
            "custom:us-east-1:anthropic:clau\u202Ede:1          | model-id | U+202E",
            "custom:us-east-1:anthropic:claude\tx:1             | model-id | U+0009",
            "custom:us-east-1:anthropic:claude\u00A0x:1         | model-id | U+00A0",
            "custom:us-east-1:anthropic:claude:1\u2028          | version | U+2028"})
    void rejectsControlCharactersAndWhitespaceInEverySegmentNamingTheCodePoint(String text, String segment,
                                                                                String codePoint) {
        assertThatThrownBy(() -> ModelId.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the " + segment + " \"")
                .hasMessageContaining("contains " + codePoint + ", a control character or whitespace")
                .hasMessageContaining(ModelId.FORM)
                .satisfies(e -> assertThat(((InvalidInputException) e).isUsageError()).isTrue());
    }

    @Test
    void rejectsEmptyInput() {
        assertThatThrownBy(() -> ModelId.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> ModelId.parse(null)).hasMessageContaining("empty");
    }
}
