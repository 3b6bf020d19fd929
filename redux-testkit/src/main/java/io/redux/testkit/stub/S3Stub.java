package io.redux.testkit.stub;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Enough of S3's REST API, path-style, for a conversation store: buckets, objects (GET, HEAD, PUT, DELETE) and
 * ListObjectsV2 with prefix, delimiter and pages of 1,000. What it is for: conditional writes that are atomic, as S3's
 * are ({@code If-None-Match: *} and {@code If-Match} checked and applied under one lock, 412 when they fail), which
 * Adobe's S3Mock checks but not atomically (a GET during a PUT may read an empty object; the check is a step apart
 * from the write it guards), and errors on demand (access denied, throttling). Requests are not authenticated; signed chunks
 * ({@code aws-chunked}, which the SDK sends over plain http) are unwrapped, their signatures not checked.
 */
public final class S3Stub extends StubServer {

    private static final int PAGE = 1000;
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /** One stored object. */
    public record StoredObject(byte[] content, String eTag, Instant lastModified, String kmsKeyId) {
    }

    /** An error to answer with, instead of doing what was asked. */
    private record Failure(int status, String code) {
    }

    private final Map<String, NavigableMap<String, StoredObject>> buckets = new HashMap<>();
    private final Map<String, String> regions = new HashMap<>();
    private final Deque<Failure> nextFailures = new ArrayDeque<>();
    private Failure everyFailure;

    public S3Stub() {
        this(0);
    }

    public S3Stub(int port) {
        super(port);
    }

    public synchronized S3Stub createBucket(String bucket) {
        buckets.putIfAbsent(bucket, new TreeMap<>());
        return this;
    }

    /**
     * Puts {@code bucket} in {@code region}: a request signed for another region is answered as S3 answers it,
     * {@code 301 PermanentRedirect} with the bucket's region in {@code x-amz-bucket-region}.
     */
    public synchronized S3Stub bucketRegion(String bucket, String region) {
        createBucket(bucket);
        regions.put(bucket, region);
        return this;
    }

    /** The next {@code times} requests fail with this S3 error ({@code 503 SlowDown}, {@code 403 AccessDenied}...). */
    public synchronized S3Stub failNext(int times, int status, String code) {
        for (int i = 0; i < times; i++) {
            nextFailures.add(new Failure(status, code));
        }
        return this;
    }

    /** Every request from now on fails with this S3 error; null to stop. */
    public synchronized S3Stub failAlways(int status, String code) {
        everyFailure = code == null ? null : new Failure(status, code);
        return this;
    }

    public synchronized StoredObject object(String bucket, String key) {
        NavigableMap<String, StoredObject> objects = buckets.get(bucket);
        return objects == null ? null : objects.get(key);
    }

    /** Stores an object as another client would, unconditionally. */
    public synchronized StoredObject put(String bucket, String key, byte[] content) {
        StoredObject object = new StoredObject(content.clone(), eTagOf(content), now(), null);
        buckets.get(bucket).put(key, object);
        return object;
    }

    /** How many GETs of an object (not of a listing) it has answered. */
    public long objectGets() {
        return requests().stream().filter(r -> r.method().equals("GET") && !r.path().contains("?")
                && r.path().indexOf('/', 1) > 0).count();
    }

    @Override
    protected synchronized void handle(HttpExchange exchange, RecordedRequest request) throws IOException {
        Failure failure = nextFailures.isEmpty() ? everyFailure : nextFailures.poll();
        if (failure != null) {
            error(exchange, failure.status(), failure.code(), "stub failure", request.method());
            return;
        }
        String path = request.path();
        int query = path.indexOf('?');
        Map<String, String> parameters = query < 0 ? Map.of() : formFields(path.substring(query + 1));
        String resource = query < 0 ? path : path.substring(0, query);
        int slash = resource.indexOf('/', 1);
        String bucket = URLDecoder.decode(slash < 0 ? resource.substring(1) : resource.substring(1, slash),
                StandardCharsets.UTF_8);
        String key = slash < 0 ? "" : URLDecoder.decode(resource.substring(slash + 1), StandardCharsets.UTF_8);
        if (key.isEmpty() && request.method().equals("PUT")) {
            createBucket(bucket);
            respond(exchange, 200, "application/xml", new byte[0]);
            return;
        }
        NavigableMap<String, StoredObject> objects = buckets.get(bucket);
        if (objects == null) {
            error(exchange, 404, "NoSuchBucket", "The specified bucket does not exist", request.method());
            return;
        }
        String region = regions.get(bucket);
        String authorization = request.header("authorization");
        if (region != null && (authorization == null || !authorization.contains("/" + region + "/s3/aws4_request"))) {
            exchange.getResponseHeaders().set("x-amz-bucket-region", region);
            error(exchange, 301, "PermanentRedirect", "The bucket you are attempting to access must be addressed using"
                    + " the specified endpoint.", request.method());
            return;
        }
        if (key.isEmpty()) {
            if (request.method().equals("HEAD")) {
                exchange.getResponseHeaders().set("x-amz-bucket-region", "us-east-1");
                respond(exchange, 200, "application/xml", new byte[0]);
            } else {
                list(exchange, objects, parameters);
            }
            return;
        }
        StoredObject object = objects.get(key);
        switch (request.method()) {
            case "GET", "HEAD" -> {
                if (object == null) {
                    error(exchange, 404, "NoSuchKey", "The specified key does not exist.", request.method());
                    return;
                }
                exchange.getResponseHeaders().set("ETag", object.eTag());
                exchange.getResponseHeaders().set("Last-Modified", HTTP_DATE.format(object.lastModified()));
                if (object.kmsKeyId() != null) {
                    exchange.getResponseHeaders().set("x-amz-server-side-encryption", "aws:kms");
                    exchange.getResponseHeaders().set("x-amz-server-side-encryption-aws-kms-key-id", object.kmsKeyId());
                }
                if (request.method().equals("HEAD")) {
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, -1);
                } else {
                    respond(exchange, 200, "application/json", object.content());
                }
            }
            case "PUT" -> {
                String ifNoneMatch = request.header("if-none-match");
                String ifMatch = request.header("if-match");
                if ("*".equals(ifNoneMatch) && object != null
                        || ifMatch != null && object != null && !ifMatch.equals(object.eTag())) {
                    error(exchange, 412, "PreconditionFailed", "At least one of the pre-conditions you specified did"
                            + " not hold", "PUT");
                    return;
                }
                if (ifMatch != null && object == null) {
                    error(exchange, 404, "NoSuchKey", "The specified key does not exist.", "PUT");
                    return;
                }
                byte[] content = isChunked(request) ? unchunked(request.body()) : request.body();
                StoredObject stored = new StoredObject(content, eTagOf(content), now(),
                        request.header("x-amz-server-side-encryption-aws-kms-key-id"));
                objects.put(key, stored);
                exchange.getResponseHeaders().set("ETag", stored.eTag());
                respond(exchange, 200, "application/xml", new byte[0]);
            }
            case "DELETE" -> {
                objects.remove(key);
                exchange.sendResponseHeaders(204, -1);
            }
            default -> error(exchange, 405, "MethodNotAllowed", "not in the stub", request.method());
        }
    }

    private static void list(HttpExchange exchange, NavigableMap<String, StoredObject> objects,
                             Map<String, String> parameters) throws IOException {
        String prefix = parameters.getOrDefault("prefix", "");
        String delimiter = parameters.get("delimiter");
        String after = parameters.getOrDefault("continuation-token", parameters.getOrDefault("start-after", ""));
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
        TreeSet<String> commonPrefixes = new TreeSet<>();
        int count = 0;
        String last = null;
        boolean truncated = false;
        for (Map.Entry<String, StoredObject> entry : objects.tailMap(after, false).entrySet()) {
            String key = entry.getKey();
            if (!key.startsWith(prefix)) {
                continue;
            }
            if (count == PAGE) {
                truncated = true;
                break;
            }
            int cut = delimiter == null ? -1 : key.indexOf(delimiter, prefix.length());
            if (cut >= 0) {
                commonPrefixes.add(key.substring(0, cut + delimiter.length()));
            } else {
                StoredObject object = entry.getValue();
                xml.append("<Contents><Key>").append(escape(key)).append("</Key><LastModified>")
                        .append(DateTimeFormatter.ISO_INSTANT.format(object.lastModified()))
                        .append("</LastModified><ETag>").append(escape(object.eTag())).append("</ETag><Size>")
                        .append(object.content().length).append("</Size><StorageClass>STANDARD</StorageClass></Contents>");
            }
            count++;
            last = key;
        }
        for (String common : commonPrefixes) {
            xml.append("<CommonPrefixes><Prefix>").append(escape(common)).append("</Prefix></CommonPrefixes>");
        }
        xml.append("<KeyCount>").append(count).append("</KeyCount><MaxKeys>").append(PAGE)
                .append("</MaxKeys><IsTruncated>").append(truncated).append("</IsTruncated>");
        if (truncated) {
            xml.append("<NextContinuationToken>").append(escape(last)).append("</NextContinuationToken>");
        }
        xml.append("</ListBucketResult>");
        respond(exchange, 200, "application/xml", xml.toString());
    }

    private static boolean isChunked(RecordedRequest request) {
        String encoding = request.header("content-encoding");
        String sha = request.header("x-amz-content-sha256");
        return encoding != null && encoding.contains("aws-chunked") || sha != null && sha.startsWith("STREAMING-");
    }

    /** The payload of an {@code aws-chunked} body: {@code <hex size>[;chunk-signature=...]\r\n<bytes>\r\n}... until size 0. */
    private static byte[] unchunked(byte[] body) {
        java.io.ByteArrayOutputStream payload = new java.io.ByteArrayOutputStream(body.length);
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOfCrLf(body, at);
            String header = new String(body, at, lineEnd - at, StandardCharsets.US_ASCII);
            int semicolon = header.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? header : header.substring(0, semicolon)).strip(), 16);
            if (size == 0) {
                break;
            }
            payload.write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return payload.toByteArray();
    }

    private static int indexOfCrLf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalArgumentException("an aws-chunked body without a line end");
    }

    private static void error(HttpExchange exchange, int status, String code, String message, String method)
            throws IOException {
        if (method.equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        respond(exchange, status, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code
                + "</Code><Message>" + escape(message) + "</Message><RequestId>stub</RequestId></Error>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Whole seconds, as S3's Last-Modified header has them: a listing and a GET then agree. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private static String eTagOf(byte[] content) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lists the keys of a bucket, for assertions. */
    public synchronized List<String> keys(String bucket) {
        return List.copyOf(buckets.get(bucket).keySet());
    }
}
