package io.redux.storage.s3;

import io.redux.domain.error.InvalidInputException;
import io.redux.domain.model.ConversationId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class S3LocationTest {

    @ParameterizedTest
    @CsvSource({
            "s3://team-history/pods/, team-history, pods/",
            "s3://team-history/pods, team-history, pods/",
            "s3://team-history, team-history, ''",
            "s3://team-history/, team-history, ''",
            "S3://a.b-c/x/y/, a.b-c, x/y/",
            "'  s3://abc/p/  ', abc, p/"})
    void aLocationIsABucketAndAPrefixEndingInASlash(String value, String bucket, String prefix) {
        assertThat(S3Location.parse(value, "VAR")).isEqualTo(new S3Location(bucket, prefix));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "s3://| it names no bucket",
            "s3:///pods/| it names no bucket",
            "s3://Not_A_Bucket/x| \"Not_A_Bucket\" is not a bucket name",
            "s3://ab/x| \"ab\" is not a bucket name",
            "s3://a..b/x| \"a..b\" is not a bucket name",
            "s3://bucket//x| its prefix has an empty folder name (//)",
            "s3://bucket/a//b| its prefix has an empty folder name (//)"})
    void aMalformedLocationIsAUsageErrorNamingTheVariableAndWhy(String value, String why) {
        assertThatThrownBy(() -> S3Location.parse(value, "REDUX_CONVERSATIONS_DIR"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("REDUX_CONVERSATIONS_DIR \"" + value + "\" is not an S3 location: " + why.strip())
                .hasMessageEndingWith("; write it as s3://BUCKET/PREFIX/");
    }

    @Test
    void onlyUuidNamedJsonObjectsDirectlyUnderThePrefixAreConversations() {
        S3Location location = new S3Location("b", "pods/");
        ConversationId id = ConversationId.random();

        assertThat(location.keyOf(id)).isEqualTo("pods/" + id + ".json");
        assertThat(location.conversationOf("pods/" + id + ".json")).contains(id);
        assertThat(location.conversationOf("pods/deeper/" + id + ".json")).isEmpty();
        assertThat(location.conversationOf("pods/notes.json")).isEmpty();
        assertThat(location.conversationOf("other/" + id + ".json")).isEmpty();
        assertThat(location.urlOf("pods/x.json")).isEqualTo("s3://b/pods/x.json");
    }
}
