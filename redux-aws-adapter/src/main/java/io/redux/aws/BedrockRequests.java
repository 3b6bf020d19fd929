package io.redux.aws;

import io.redux.domain.port.InferenceSettings;
import io.redux.domain.port.ModelRequest;
import io.redux.domain.port.ToolSpec;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;

import java.util.List;

/** Builds Converse and ConverseStream requests from a domain {@link ModelRequest}. */
final class BedrockRequests {

    private BedrockRequests() {
    }

    private static ConverseRequest converse(String modelId, ModelRequest request) {
        ConverseRequest.Builder builder = ConverseRequest.builder().modelId(modelId)
                .messages(messages(request)).inferenceConfig(inference(request.settings()));
        if (hasText(request.systemPrompt())) {
            builder.system(SystemContentBlock.fromText(request.systemPrompt()));
        }
        if (!request.tools().isEmpty()) {
            builder.toolConfig(tools(request.tools()));
        }
        return builder.build();
    }

    /** The same request as {@link #converse}, for the streaming operation, so the two can never drift apart. */
    static ConverseStreamRequest converseStream(String modelId, ModelRequest request) {
        ConverseRequest whole = converse(modelId, request);
        return ConverseStreamRequest.builder()
                .modelId(whole.modelId())
                .messages(whole.messages())
                .system(whole.system())
                .inferenceConfig(whole.inferenceConfig())
                .toolConfig(whole.toolConfig())
                .build();
    }

    private static List<Message> messages(ModelRequest request) {
        return BedrockHistory.toBedrock(request.history());
    }

    private static InferenceConfiguration inference(InferenceSettings settings) {
        return InferenceConfiguration.builder()
                .maxTokens(settings.maxTokens())
                .temperature(settings.temperature() == null ? null : settings.temperature().floatValue())
                .build();
    }

    private static ToolConfiguration tools(List<ToolSpec> tools) {
        return ToolConfiguration.builder().tools(tools.stream().map(tool -> Tool.fromToolSpec(ToolSpecification.builder()
                .name(tool.name())
                .description(tool.description())
                .inputSchema(ToolInputSchema.fromJson(Documents.toDocument(tool.inputSchema())))
                .build())).toList()).build();
    }

    private static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }
}
