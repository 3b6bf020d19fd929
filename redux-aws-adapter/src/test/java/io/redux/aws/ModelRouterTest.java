package io.redux.aws;

import io.redux.domain.error.InvalidInputException;
import io.redux.domain.model.ModelId;
import io.redux.domain.port.ModelRouteDescription;
import io.redux.domain.port.ModelRouteDescription.Note;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelRouterTest {

    private final ModelRouter router = new ModelRouter();

    @Test
    void aProviderServiceGoesToBedrockAsProviderDotModelColonVersion() {
        ModelRoute route = router.route(ModelId.parse("custom:us-east-1:anthropic:claude-3-5-sonnet-20241022-v2:0"));

        assertThat(route.target()).isEqualTo(ModelTarget.BEDROCK);
        assertThat(route.identifier()).isEqualTo("anthropic.claude-3-5-sonnet-20241022-v2:0");
        assertThat(route.region()).isEqualTo("us-east-1");
        assertThat(route.endpoint()).isEqualTo(URI.create("https://bedrock-runtime.us-east-1.amazonaws.com"));
        assertThat(route.endpointOverridden()).isFalse();
    }

    @Test
    void theBedrockServiceSendsModelAndVersionVerbatimIncludingInferenceProfilesAndArns() {
        assertThat(router.route(ModelId.parse("custom:us-west-2:bedrock:us.anthropic.claude-3-7-sonnet-20250219-v1:0"))
                .identifier()).isEqualTo("us.anthropic.claude-3-7-sonnet-20250219-v1:0");
        String arn = "arn:aws:bedrock:eu-central-1:123456789012:inference-profile/eu.meta.llama3-2-1b-instruct-v1";
        ModelRoute route = router.route(ModelId.parse("custom:eu-central-1:bedrock:" + arn + ":0"));
        assertThat(route.identifier()).isEqualTo(arn + ":0");
        assertThat(route.region()).isEqualTo("eu-central-1");
    }

    @Test
    void sagemakerLatestLetsTheEndpointChoose() {
        ModelRoute route = router.route(ModelId.parse("custom:eu-west-1:sagemaker:my-llama-endpoint:latest"));

        assertThat(route.target()).isEqualTo(ModelTarget.SAGEMAKER);
        assertThat(route.identifier()).isEqualTo("my-llama-endpoint");
        assertThat(route.targetVariant()).isNull();
        assertThat(route.inferenceComponent()).isNull();
        assertThat(route.endpoint()).isEqualTo(URI.create("https://runtime.sagemaker.eu-west-1.amazonaws.com"));
    }

    @Test
    void sagemakerNamesAVariantOrAnInferenceComponent() {
        assertThat(router.route(ModelId.parse("custom:eu-west-1:sagemaker:ep:blue")).targetVariant()).isEqualTo("blue");
        ModelRoute component = router.route(ModelId.parse("custom:eu-west-1:sagemaker:ep:component=llama-ic"));
        assertThat(component.inferenceComponent()).isEqualTo("llama-ic");
        assertThat(component.targetVariant()).isNull();
        assertThatThrownBy(() -> router.route(ModelId.parse("custom:eu-west-1:sagemaker:ep:component=")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theRegionComesFromTheModelIdAndChinaUsesItsOwnDomain() {
        assertThat(router.route(ModelId.parse("custom:cn-north-1:amazon:titan-text-express-v1:0")).endpoint())
                .isEqualTo(URI.create("https://bedrock-runtime.cn-north-1.amazonaws.com.cn"));
    }

    @Test
    void reduxEndpointUrlReplacesTheEndpointButNotTheRegion() {
        ModelRoute route = ModelRouter.withEndpointUrl("http://127.0.0.1:8080")
                .route(ModelId.parse("custom:ap-southeast-1:meta:llama3-8b-instruct-v1:0"));

        assertThat(route.endpoint()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(route.endpointOverridden()).isTrue();
        assertThat(route.region()).isEqualTo("ap-southeast-1");
    }

    @Test
    void aBlankEndpointUrlMeansNoneAndABadOneIsAUsageError() {
        assertThat(ModelRouter.withEndpointUrl(" ").route(ModelId.parse("custom:us-east-1:amazon:nova-lite-v1:0"))
                .endpointOverridden()).isFalse();
        assertThatThrownBy(() -> ModelRouter.withEndpointUrl("localhost:8080", "REDUX_ENDPOINT_URL"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("REDUX_ENDPOINT_URL");
    }

    @Test
    void describesABedrockRouteInWordsWithItsUnsetSagemakerSettings() {
        ModelRouteDescription route = router.describe(ModelId.parse("custom:us-east-1:anthropic:claude-3-5-sonnet-20241022-v2:0"));

        assertThat(route).isEqualTo(new ModelRouteDescription("bedrock", "Amazon Bedrock Runtime (ConverseStream)",
                "bedrock-runtime", "us-east-1", URI.create("https://bedrock-runtime.us-east-1.amazonaws.com"), false,
                "Model id sent", "anthropic.claude-3-5-sonnet-20241022-v2:0",
                List.of(new Note("target_variant", "Target variant", null),
                        new Note("inference_component", "Inference component", null))));
    }

    @Test
    void describesASagemakerComponentBehindAnOverriddenEndpoint() {
        ModelRouteDescription route = new ModelRouter(URI.create("http://127.0.0.1:9"))
                .describe(ModelId.parse("custom:eu-west-1:sagemaker:my-endpoint:component=chat"));

        assertThat(route.target()).isEqualTo("sagemaker");
        assertThat(route.targetName()).isEqualTo("Amazon SageMaker Runtime (InvokeEndpointWithResponseStream)");
        assertThat(route.service()).isEqualTo("sagemaker-runtime");
        assertThat(route.endpoint()).isEqualTo(URI.create("http://127.0.0.1:9"));
        assertThat(route.endpointOverridden()).isTrue();
        assertThat(route.identifierLabel()).isEqualTo("Endpoint name");
        assertThat(route.identifier()).isEqualTo("my-endpoint");
        assertThat(route.notes()).containsExactly(new Note("target_variant", "Target variant", null),
                new Note("inference_component", "Inference component", "chat"));
    }

    @Test
    void anEndpointOverrideTheCallerGivesNoNameIsCalledTheEndpointOverride() {
        assertThatThrownBy(() -> ModelRouter.withEndpointUrl("localhost:8080"))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("The endpoint override \"localhost:8080\"")
                .hasMessageNotContaining("REDUX");
    }
}
