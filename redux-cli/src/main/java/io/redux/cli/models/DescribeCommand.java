package io.redux.cli.models;

import io.redux.aws.routing.ModelRoute;
import io.redux.aws.routing.ModelTarget;
import io.redux.cli.CliEnvironment;
import io.redux.cli.ModelIdConverter;
import io.redux.cli.aws.AwsAccess;
import io.redux.cli.output.Json;
import io.redux.cli.output.Table;
import io.redux.domain.model.ModelId;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Show where a model id is sent: service, region, endpoint (REDUX_ENDPOINT_URL applied) and the "
                + "identifier in the request. Calls nothing.")
final class DescribeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "MODEL_ID", converter = ModelIdConverter.class,
            description = "The model, as " + ModelId.FORM + ".")
    ModelId model;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Inject
    CliEnvironment environment;

    @Inject
    AwsAccess aws;

    @Override
    public Integer call() {
        ModelRoute route = aws.route(model);
        PrintWriter out = environment.out();
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("model_id", model.toString());
            document.put("target", route.target().name().toLowerCase(Locale.ROOT));
            document.put("service", route.target().serviceName());
            document.put("region", route.region());
            document.put("endpoint", route.endpoint().toString());
            document.put("endpoint_overridden", route.endpointOverridden());
            document.put("identifier", route.identifier());
            document.put("target_variant", route.targetVariant());
            document.put("inference_component", route.inferenceComponent());
            out.println(Json.write(document));
        } else {
            boolean bedrock = route.target() == ModelTarget.BEDROCK;
            Table table = new Table("Model:", model.toString())
                    .row("Target:", "Amazon " + route.target().displayName() + " Runtime"
                            + (bedrock ? " (Converse / ConverseStream)" : " (InvokeEndpoint / ...WithResponseStream)"))
                    .row("Service:", route.target().serviceName())
                    .row("Region:", route.region())
                    .row("Endpoint:", route.endpoint() + (route.endpointOverridden() ? " (from REDUX_ENDPOINT_URL)" : ""))
                    .row(bedrock ? "Model id sent:" : "Endpoint name:", route.identifier());
            if (route.targetVariant() != null) {
                table.row("Target variant:", route.targetVariant());
            }
            if (route.inferenceComponent() != null) {
                table.row("Inference component:", route.inferenceComponent());
            }
            table.print(out);
        }
        out.flush();
        return 0;
    }
}
