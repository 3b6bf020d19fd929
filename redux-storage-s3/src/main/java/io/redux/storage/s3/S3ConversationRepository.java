package io.redux.storage.s3;

import io.redux.aws.http.HttpClients;
import io.redux.aws.http.SdkCredentials;
import io.redux.domain.error.ConversationAlreadyExistsException;
import io.redux.domain.error.ConversationNotFoundException;
import io.redux.domain.error.CorruptConversationException;
import io.redux.domain.error.InvalidInputException;
import io.redux.domain.error.StorageException;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationListing;
import io.redux.domain.model.ConversationListing.UnreadableConversation;
import io.redux.domain.model.ConversationSummary;
import io.redux.domain.port.ConversationRepository;
import io.redux.storage.json.ConversationDocument;
import io.redux.storage.json.SummaryCache;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Conversations as one S3 object each, {@code <prefix><conversation_id>.json}, byte for byte the JSON a local folder
 * holds (the codec of {@code redux-storage-json}).
 *
 * <p>No lost update across machines: a new conversation is written only if no object has its key
 * ({@code If-None-Match: *}); every change reads the object, applies the change to what it read and writes only if
 * the object is still that version ({@code If-Match: <ETag>}). When another writer got there first, the change is
 * applied again to the newer version, a bounded number of times with random waits between. Fields Redux does not
 * know, another writer's included, are kept. Nothing is written to the local disk but the listing's summary cache,
 * which correctness never depends on. Safe for concurrent use.
 */
public final class S3ConversationRepository implements ConversationRepository, AutoCloseable {

    /**
     * How many times a write is tried when other writers keep changing the object in between. Two writers appending
     * as fast as they can each win about every other attempt, so the chance that one loses them all must be
     * negligible: 2^-25. Giving up takes about 5 s of waits (at most 10).
     */
    static final int WRITE_ATTEMPTS = 25;
    private static final long FIRST_WAIT_MILLIS = 20;
    private static final long LONGEST_WAIT_MILLIS = 500;
    /** How many objects a listing reads at once: enough to hide S3's latency, few enough for one client's pool. */
    private static final int PARALLEL_READS = 16;

    private static final Comparator<ConversationSummary> NEWEST_FIRST = Comparator
            .comparing(ConversationSummary::updatedAt).reversed()
            .thenComparing(summary -> summary.id().value());

    private final int writeAttempts;
    private final S3Location location;
    private final S3Client s3;
    private final S3Errors errors;
    private final String kmsKeyId;
    private final Path cacheFile;

    public S3ConversationRepository(S3StoreSettings settings) {
        this(settings, WRITE_ATTEMPTS);
    }

    /** @param writeAttempts how many times a write is tried while other writers keep changing the object */
    S3ConversationRepository(S3StoreSettings settings, int writeAttempts) {
        this.writeAttempts = writeAttempts;
        this.location = settings.location();
        URI endpoint = settings.endpoint();
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(HttpClients.sync(settings.network(),
                        endpoint != null ? endpoint : URI.create("https://s3.amazonaws.com")))
                .credentialsProvider(SdkCredentials.of(settings.credentials()))
                .region(Region.of(settings.region() != null ? settings.region() : "us-east-1"))
                // The bucket's own region, whatever region is asked first: the user never names it.
                .crossRegionAccessEnabled(true)
                // Checksums only where S3 requires them, which S3-compatible stores all understand.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (endpoint != null) {
            // S3-compatible stores and local servers know no bucket host names.
            builder.endpointOverride(endpoint).forcePathStyle(true);
        }
        this.s3 = builder.build();
        this.errors = new S3Errors(location, endpoint, settings.network(), settings.caller());
        this.kmsKeyId = settings.kmsKeyId();
        this.cacheFile = settings.cacheFolder() == null ? null
                : settings.cacheFolder().resolve(cacheName(endpoint, location));
    }

    public S3Location location() {
        return location;
    }

    @Override
    public void create(Conversation conversation) {
        ConversationId id = conversation.id();
        String key = location.keyOf(id);
        byte[] content = ConversationDocument.encode(conversation);
        for (int attempt = 1; ; attempt++) {
            try {
                put(key, content, request -> request.ifNoneMatch("*"));
                return;
            } catch (S3Exception e) {
                if (e.statusCode() == 412) {
                    throw new ConversationAlreadyExistsException(id);
                }
                if (!S3Errors.conflict(e) || attempt == writeAttempts) {
                    throw failedWrite(e, id, key, attempt);
                }
            }
            waitBeforeAttempt(attempt + 1);
        }
    }

    @Override
    public Optional<Conversation> find(ConversationId id) {
        return fetch(id).map(fetched -> fetched.document().conversation());
    }

    /** The object as it is, once checked as {@link #find} checks it. */
    @Override
    public void copyDocument(ConversationId id, Writer out) {
        Fetched fetched = fetch(id).orElseThrow(() -> new ConversationNotFoundException(id));
        try {
            out.write(new String(fetched.content(), StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Conversation update(ConversationId id, UnaryOperator<Conversation> change) {
        String key = location.keyOf(id);
        for (int attempt = 1; ; attempt++) {
            Fetched current = fetch(id).orElseThrow(() -> new ConversationNotFoundException(id));
            Conversation changed = change.apply(current.document().conversation());
            if (changed == null || !changed.id().equals(id)) {
                throw new InvalidInputException("An update of conversation " + id + " must return that conversation, not "
                        + (changed == null ? "null" : changed.id()));
            }
            try {
                put(key, current.document().encodeChanged(changed), request -> request.ifMatch(current.eTag()));
                return changed;
            } catch (S3Exception e) {
                if (S3Errors.notFound(e)) {
                    throw new ConversationNotFoundException(id);
                }
                if (!S3Errors.conflict(e) || attempt == writeAttempts) {
                    throw failedWrite(e, id, key, attempt);
                }
            }
            // Another writer changed it since it was read: read its version and apply the change to that.
            waitBeforeAttempt(attempt + 1);
        }
    }

    @Override
    public ConversationListing list() {
        List<S3Object> objects = new ArrayList<>();
        try {
            // The delimiter keeps objects in deeper "folders" of the prefix out, as a local listing keeps subfolders out.
            s3.listObjectsV2Paginator(request -> request.bucket(location.bucket()).prefix(location.prefix())
                    .delimiter("/")).contents().forEach(objects::add);
        } catch (SdkException e) {
            throw errors.translate(e, "s3:ListBucket", null);
        }
        SummaryCache cache = cacheFile == null ? null : SummaryCache.open(cacheFile);
        List<ConversationSummary> summaries = new ArrayList<>(objects.size());
        List<UnreadableConversation> unreadable = new ArrayList<>();
        List<Future<Listed>> reads = new ArrayList<>();
        ExecutorService pool = null;
        try {
            for (S3Object object : objects) {
                Optional<ConversationId> id = location.conversationOf(object.key());
                if (id.isEmpty()) {
                    continue;
                }
                long modified = object.lastModified() == null ? 0 : object.lastModified().toEpochMilli();
                Optional<ConversationSummary> known = cache == null ? Optional.empty()
                        : cache.summaryOf(id.get(), object.eTag(), object.size(), modified);
                if (known.isPresent()) {
                    summaries.add(known.get());
                    continue;
                }
                if (pool == null) {
                    pool = Executors.newFixedThreadPool(PARALLEL_READS, daemon());
                }
                reads.add(pool.submit(() -> summaryOrProblem(id.get(), object, cache)));
            }
            for (Future<Listed> read : reads) {
                Listed listed = result(read);
                if (listed.summary() != null) {
                    summaries.add(listed.summary());
                } else if (listed.unreadable() != null) {
                    unreadable.add(listed.unreadable());
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        if (cache != null) {
            cache.save();
        }
        summaries.sort(NEWEST_FIRST);
        unreadable.sort(Comparator.comparing(UnreadableConversation::location));
        return new ConversationListing(summaries, unreadable);
    }

    /**
     * Removes the object. In a bucket with versioning on, S3 keeps the older versions behind a delete marker, for an
     * auditor or an administrator to restore; Redux then no longer sees the conversation.
     */
    @Override
    public void delete(ConversationId id) {
        String key = location.keyOf(id);
        try {
            s3.headObject(request -> request.bucket(location.bucket()).key(key));
        } catch (S3Exception e) {
            if (S3Errors.notFound(e)) {
                requireBucket("s3:DeleteObject", key);
                throw new ConversationNotFoundException(id);
            }
            throw errors.translate(e, "s3:GetObject", key);
        } catch (SdkException e) {
            throw errors.translate(e, "s3:GetObject", key);
        }
        try {
            s3.deleteObject(request -> request.bucket(location.bucket()).key(key));
        } catch (SdkException e) {
            throw errors.translate(e, "s3:DeleteObject", key);
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    /**
     * A HEAD's 404 has no body, so no error code: a missing object and a missing bucket look the same. Only the
     * bucket can tell; when it cannot (access denied, say), the object's 404 stands.
     */
    private void requireBucket(String action, String key) {
        try {
            s3.headBucket(request -> request.bucket(location.bucket()));
        } catch (S3Exception e) {
            if (S3Errors.noSuchBucket(e)) {
                throw errors.translate(e, action, key);
            }
        } catch (SdkException e) {
            // Not a missing bucket: the object's 404 is the answer.
        }
    }

    /** One object as read: its bytes, the ETag they had, and the checked document. */
    private record Fetched(byte[] content, String eTag, ConversationDocument document) {
    }

    /** What listing one object gave: a summary, the reason it is unreadable, or neither when it vanished meanwhile. */
    private record Listed(ConversationSummary summary, UnreadableConversation unreadable) {
    }

    private Optional<Fetched> fetch(ConversationId id) {
        String key = location.keyOf(id);
        ResponseBytes<GetObjectResponse> object;
        try {
            object = s3.getObjectAsBytes(request -> request.bucket(location.bucket()).key(key));
        } catch (S3Exception e) {
            if (S3Errors.notFound(e)) {
                return Optional.empty();
            }
            throw errors.translate(e, "s3:GetObject", key);
        } catch (SdkException e) {
            throw errors.translate(e, "s3:GetObject", key);
        }
        byte[] content = object.asByteArrayUnsafe();
        return Optional.of(new Fetched(content, object.response().eTag(),
                ConversationDocument.decode(location.urlOf(key), content, id)));
    }

    private Listed summaryOrProblem(ConversationId id, S3Object object, SummaryCache cache) {
        try {
            Optional<Fetched> fetched = fetch(id);
            if (fetched.isEmpty()) {
                return new Listed(null, null);
            }
            ConversationSummary summary = fetched.get().document().conversation().summary();
            if (cache != null && object.eTag() != null && object.eTag().equals(fetched.get().eTag())) {
                long modified = object.lastModified() == null ? 0 : object.lastModified().toEpochMilli();
                cache.put(object.eTag(), object.size(), modified, summary);
            }
            return new Listed(summary, null);
        } catch (CorruptConversationException e) {
            return new Listed(null, new UnreadableConversation(e.location(), e.reason()));
        }
    }

    private static Listed result(Future<Listed> read) {
        try {
            return read.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new StorageException("Listing conversations failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("Listing conversations was interrupted", e);
        }
    }

    private void put(String key, byte[] content, Consumer<PutObjectRequest.Builder> condition) {
        PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(location.bucket()).key(key)
                .contentType("application/json");
        if (kmsKeyId != null) {
            request.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(kmsKeyId);
        }
        condition.accept(request);
        try {
            s3.putObject(request.build(), RequestBody.fromBytes(content));
        } catch (S3Exception e) {
            // What S3 answered (a failed condition above all) is the caller's to read.
            throw e;
        } catch (SdkException e) {
            throw errors.translate(e, "s3:PutObject", key);
        }
    }

    private RuntimeException failedWrite(S3Exception e, ConversationId id, String key, int attempts) {
        if (S3Errors.conflict(e)) {
            return new StorageException("Conversation " + id + " at " + location.urlOf(key) + " was changed by other"
                    + " writers during each of " + attempts + " attempts to write it; nothing was written by this one,"
                    + " try again", e);
        }
        return errors.translate(e, "s3:PutObject", key);
    }

    /** A random wait below a bound that doubles with each attempt, so writers that collided do not collide again. */
    private static void waitBeforeAttempt(int attempt) {
        long bound = Math.min(LONGEST_WAIT_MILLIS, FIRST_WAIT_MILLIS << Math.min(attempt - 2, 10));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("Writing a conversation was interrupted; nothing was written", e);
        }
    }

    /** One cache file per endpoint, bucket and prefix, so two stores never share entries. */
    private static String cacheName(URI endpoint, S3Location location) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((String.valueOf(endpoint) + "\n" + location)
                    .getBytes(StandardCharsets.UTF_8));
            return location.bucket() + "-" + HexFormat.of().formatHex(digest, 0, 8) + ".summaries";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "redux-s3-list");
            thread.setDaemon(true);
            return thread;
        };
    }
}
