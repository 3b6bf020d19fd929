package io.redux.storage.s3;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the store relies on S3 for, checked against S3Mock itself with the plain SDK: if S3Mock ignored a condition,
 * the store's tests against it would prove nothing about lost updates.
 */
class S3MockConditionalWritesTest {

    private static S3Client s3;
    private static String bucket;

    @BeforeAll
    static void startS3() {
        s3 = TestStores.client(S3MockServer.endpoint());
        bucket = TestStores.newBucketName();
        s3.createBucket(request -> request.bucket(bucket));
    }

    @AfterAll
    static void closeClient() {
        s3.close();
    }

    @Test
    void aPutWithIfNoneMatchStarOverAnObjectFailsWith412() {
        s3.putObject(request -> request.bucket(bucket).key("taken"), RequestBody.fromString("first"));

        assertThatThrownBy(() -> s3.putObject(request -> request.bucket(bucket).key("taken").ifNoneMatch("*"),
                RequestBody.fromString("second")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        assertThat(s3.getObjectAsBytes(request -> request.bucket(bucket).key("taken")).asUtf8String()).isEqualTo("first");
    }

    @Test
    void aPutWithIfNoneMatchStarOfANewKeyIsStored() {
        s3.putObject(request -> request.bucket(bucket).key("new").ifNoneMatch("*"), RequestBody.fromString("one"));

        assertThat(s3.getObjectAsBytes(request -> request.bucket(bucket).key("new")).asUtf8String()).isEqualTo("one");
    }

    @Test
    void aPutWithIfMatchOfAStaleETagFailsWith412() {
        String stale = s3.putObject(request -> request.bucket(bucket).key("changed"), RequestBody.fromString("v1")).eTag();
        s3.putObject(request -> request.bucket(bucket).key("changed"), RequestBody.fromString("v2"));

        assertThatThrownBy(() -> s3.putObject(request -> request.bucket(bucket).key("changed").ifMatch(stale),
                RequestBody.fromString("v3")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        assertThat(s3.getObjectAsBytes(request -> request.bucket(bucket).key("changed")).asUtf8String()).isEqualTo("v2");
    }

    @Test
    void aPutWithIfMatchOfTheCurrentETagIsStored() {
        String current = s3.putObject(request -> request.bucket(bucket).key("same"), RequestBody.fromString("v1")).eTag();

        s3.putObject(request -> request.bucket(bucket).key("same").ifMatch(current), RequestBody.fromString("v2"));

        assertThat(s3.getObjectAsBytes(request -> request.bucket(bucket).key("same")).asUtf8String()).isEqualTo("v2");
    }

    @Test
    void theETagOfAGetIsTheOneAListingGives() {
        s3.putObject(request -> request.bucket(bucket).key("listed/a.json"), RequestBody.fromString("{}"));

        String fromGet = s3.getObjectAsBytes(request -> request.bucket(bucket).key("listed/a.json")).response().eTag();
        String fromList = s3.listObjectsV2(request -> request.bucket(bucket).prefix("listed/")).contents().get(0).eTag();

        assertThat(fromList).isEqualTo(fromGet);
    }

    @Test
    void aPutWithIfMatchOfAnETagReadByAGetBeforeAnotherWriteFailsWith412() {
        s3.putObject(request -> request.bucket(bucket).key("read-then-changed"), RequestBody.fromString("v1"));
        String read = s3.getObjectAsBytes(request -> request.bucket(bucket).key("read-then-changed")).response().eTag();
        s3.putObject(request -> request.bucket(bucket).key("read-then-changed"), RequestBody.fromString("v2 by another"));

        assertThatThrownBy(() -> s3.putObject(request -> request.bucket(bucket).key("read-then-changed").ifMatch(read),
                RequestBody.fromString("v3")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
    }
}
