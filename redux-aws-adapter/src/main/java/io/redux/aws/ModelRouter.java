package io.redux.aws;

import io.redux.aws.http.EndpointUrls;
import io.redux.domain.error.InvalidInputException;
import io.redux.domain.model.ModelId;
import io.redux.domain.port.ModelRouteDescription;
import io.redux.domain.port.ModelRouteDescription.Note;
import io.redux.domain.port.ModelRoutes;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Maps a {@link ModelId} to the service, region, endpoint and identifier that answer it.
 *
 * <table>
 * <caption>Routing</caption>
 * <tr><th>service</th><th>target</th><th>identifier</th></tr>
 * <tr><td>{@code bedrock}</td><td>Bedrock Runtime</td><td>{@code <model-id>:<version>} verbatim</td></tr>
 * <tr><td>{@code sagemaker}</td><td>SageMaker Runtime</td><td>endpoint {@code <model-id>}; version {@code latest}
 * = the endpoint's own traffic split, {@code component=NAME} = inference component NAME, anything else = the
 * production variant of that name</td></tr>
 * <tr><td>any other</td><td>Bedrock Runtime</td><td>{@code <service>.<model-id>:<version>}</td></tr>
 * </table>
 */
public final class ModelRouter implements ModelRoutes {

    public static final String LATEST = "latest";
    public static final String COMPONENT_PREFIX = "component=";

    /** How messages name the endpoint override when its caller gives no name of its own. */
    public static final String ENDPOINT_OVERRIDE = "the endpoint override";

    private final URI endpointOverride;
    private final String endpointSetting;

    /** Routes to each service's regional AWS endpoint. */
    public ModelRouter() {
        this(null);
    }

    /** @param endpointOverride the endpoint of every model call, or null to use the regional AWS endpoints */
    public ModelRouter(URI endpointOverride) {
        this(endpointOverride, ENDPOINT_OVERRIDE);
    }

    /**
     * @param endpointOverride the endpoint of every model call, or null to use the regional AWS endpoints
     * @param endpointSetting  what the user sets the override with (such as an environment variable): errors about
     *                         the endpoint name it, so the user knows what to check
     */
    public ModelRouter(URI endpointOverride, String endpointSetting) {
        if (endpointOverride != null && (endpointOverride.getScheme() == null || endpointOverride.getHost() == null
                || !endpointOverride.getScheme().matches("https?"))) {
            throw new InvalidInputException(capitalized(endpointSetting) + " "
                    + InvalidInputException.quote(EndpointUrls.masked(endpointOverride).toString())
                    + " is not an http:// or https:// URL; set it to e.g. https://vpce-123.bedrock-runtime.us-east-1.vpce.amazonaws.com");
        }
        this.endpointOverride = endpointOverride;
        this.endpointSetting = endpointSetting;
    }

    /** Parses an endpoint override as given (null or blank for none). */
    public static ModelRouter withEndpointUrl(String url) {
        return withEndpointUrl(url, ENDPOINT_OVERRIDE);
    }

    /**
     * Parses an endpoint override as given (null or blank for none).
     *
     * @param setting what the user sets {@code url} with, named in errors: {@link #ModelRouter(URI, String)}
     */
    public static ModelRouter withEndpointUrl(String url, String setting) {
        if (url == null || url.isBlank()) {
            return new ModelRouter(null, setting);
        }
        return new ModelRouter(EndpointUrls.parse(capitalized(setting), url), setting);
    }

    private static String capitalized(String words) {
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    @Override
    public ModelRouteDescription describe(ModelId model) {
        ModelRoute route = route(model);
        boolean bedrock = route.target() == ModelTarget.BEDROCK;
        return new ModelRouteDescription(route.target().name().toLowerCase(Locale.ROOT),
                "Amazon " + route.target().displayName() + " Runtime"
                        + (bedrock ? " (ConverseStream)" : " (InvokeEndpointWithResponseStream)"),
                route.target().serviceName(), route.region(), EndpointUrls.masked(route.endpoint()), route.endpointOverridden(),
                bedrock ? "Model id sent" : "Endpoint name", route.identifier(),
                List.of(new Note("target_variant", "Target variant", route.targetVariant()),
                        new Note("inference_component", "Inference component", route.inferenceComponent())));
    }

    ModelRoute route(ModelId model) {
        String region = model.region();
        switch (model.service()) {
            case "bedrock":
                return bedrock(region, model.modelName() + ':' + model.version());
            case "sagemaker":
                return sageMaker(region, model.modelName(), model.version());
            default:
                return bedrock(region, model.service() + '.' + model.modelName() + ':' + model.version());
        }
    }

    /**
     * The route of a model that {@code expected}'s gateway must serve.
     *
     * @throws InvalidInputException when another service serves it
     */
    ModelRoute route(ModelId model, ModelTarget expected) {
        ModelRoute route = route(model);
        if (route.target() != expected) {
            throw new InvalidInputException("Model " + model + " is served by " + route.target().displayName() + ", not "
                    + expected.displayName() + "; use AwsModelGateway, which routes each model to its service");
        }
        return route;
    }

    private ModelRoute bedrock(String region, String modelId) {
        return new ModelRoute(ModelTarget.BEDROCK, region, endpoint("bedrock-runtime", region),
                endpointOverride != null, endpointSetting, modelId, null, null);
    }

    private ModelRoute sageMaker(String region, String endpointName, String version) {
        String variant = null;
        String component = null;
        if (version.startsWith(COMPONENT_PREFIX)) {
            component = version.substring(COMPONENT_PREFIX.length());
            if (component.isEmpty()) {
                throw new InvalidInputException("The SageMaker version " + InvalidInputException.quote(version)
                        + " names no inference component; use component=NAME, latest, or a variant name");
            }
        } else if (!LATEST.equals(version)) {
            variant = version;
        }
        return new ModelRoute(ModelTarget.SAGEMAKER, region, endpoint("runtime.sagemaker", region),
                endpointOverride != null, endpointSetting, endpointName, variant, component);
    }

    private URI endpoint(String hostPrefix, String region) {
        if (endpointOverride != null) {
            return endpointOverride;
        }
        String domain = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
        return URI.create("https://" + hostPrefix + '.' + region + '.' + domain);
    }
}
