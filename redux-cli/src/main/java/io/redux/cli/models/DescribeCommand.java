package io.redux.cli.models;

import io.redux.cli.CliEnvironment;
import io.redux.cli.ModelIdConverter;
import io.redux.cli.aws.AwsAccess;
import io.redux.cli.output.Json;
import io.redux.cli.output.Table;
import io.redux.domain.model.ModelId;
import io.redux.domain.port.ModelRouteDescription;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
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
    Provider<AwsAccess> aws;

    @Override
    public Integer call() {
        ModelRouteDescription route = aws.get().routes().describe(model);
        PrintWriter out = environment.out();
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("model_id", model.toString());
            document.put("target", route.target());
            document.put("service", route.service());
            document.put("region", route.region());
            document.put("endpoint", route.endpoint().toString());
            document.put("endpoint_overridden", route.endpointOverridden());
            document.put("identifier", route.identifier());
            for (ModelRouteDescription.Note note : route.notes()) {
                document.put(note.key(), note.value());
            }
            out.println(Json.write(document));
        } else {
            Table table = new Table("Model:", model.toString())
                    .row("Target:", route.targetName())
                    .row("Service:", route.service())
                    .row("Region:", route.region())
                    .row("Endpoint:", route.endpoint() + (route.endpointOverridden() ? " (from REDUX_ENDPOINT_URL)" : ""))
                    .row(route.identifierLabel() + ":", route.identifier());
            for (ModelRouteDescription.Note note : route.notes()) {
                if (note.value() != null) {
                    table.row(note.label() + ":", note.value());
                }
            }
            table.print(out);
        }
        out.flush();
        return 0;
    }
}
