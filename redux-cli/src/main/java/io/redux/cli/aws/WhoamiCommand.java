package io.redux.cli.aws;

import io.redux.cli.CliEnvironment;
import io.redux.cli.output.Json;
import io.redux.cli.output.Table;
import io.redux.domain.port.CallerIdentity;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "whoami", mixinStandardHelpOptions = true,
        description = {"Show which AWS credentials Redux uses: the source that won, profile, account, ARN, default "
                + "region and the access key id (masked). Never prints a secret or a session token."})
public final class WhoamiCommand implements Callable<Integer> {

    @Option(names = "--profile", paramLabel = "NAME", description = "The AWS profile (default: AWS_PROFILE).")
    String profile;

    @Option(names = "--json", description = "Print one JSON object: source, profile, account_id, arn, region, "
            + "access_key_id.")
    boolean json;

    @Inject
    CliEnvironment environment;

    @Inject
    Provider<AwsAccess> aws;

    @Override
    public Integer call() {
        AwsAccess access = aws.get();
        access.check(profile);
        CallerIdentity identity = access.credentials(profile).identity();
        PrintWriter out = environment.out();
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("source", identity.origin().displayName());
            document.put("profile", identity.profile());
            document.put("account_id", identity.accountId());
            document.put("arn", identity.arn());
            document.put("region", identity.region());
            document.put("access_key_id", identity.accessKeyId());
            out.println(Json.write(document));
        } else {
            new Table("Source:", identity.origin().displayName())
                    .row("Profile:", orDash(identity.profile()))
                    .row("Account:", orDash(identity.accountId()))
                    .row("ARN:", orDash(identity.arn()))
                    .row("Region:", orDash(identity.region()))
                    .row("Access key:", orDash(identity.accessKeyId()))
                    .print(out);
        }
        out.flush();
        return 0;
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
