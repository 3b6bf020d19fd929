package io.redux.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS adapter shows its entry points and nothing else: what an embedder or the CLI's composition builds, and what
 * its two inner packages share. A class that becomes public must be added here on purpose.
 */
class AwsAdapterSurfaceTest {

    @Test
    void only_the_entry_points_of_the_aws_adapter_are_public() {
        Set<String> publicTypes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.redux.aws").stream()
                .filter(JavaClass::isTopLevelClass)
                .filter(type -> type.getModifiers().contains(JavaModifier.PUBLIC))
                .map(JavaClass::getName)
                .collect(Collectors.toSet());

        assertThat(publicTypes).containsExactlyInAnyOrder(
                "io.redux.aws.AwsModelGateway",
                "io.redux.aws.ModelGatewaySettings",
                "io.redux.aws.ModelRouter",
                "io.redux.aws.ResilienceSettings",
                "io.redux.aws.credentials.AwsCredentialSource",
                "io.redux.aws.credentials.AwsEnvironment",
                "io.redux.aws.credentials.ResolvedCredentials",
                "io.redux.aws.http.NetworkSettings",
                "io.redux.aws.Closeables",
                // what the composition starts ahead for the commands that call AWS
                "io.redux.aws.RegionMetadata",
                // shared by the model calls (io.redux.aws) and the credentials chain
                "io.redux.aws.http.HttpClients",
                "io.redux.aws.http.NetworkFailure",
                "io.redux.aws.http.EndpointUrls",
                // shared with the S3 conversation store (io.redux.storage.s3) too
                "io.redux.aws.http.SdkCredentials");
    }
}
