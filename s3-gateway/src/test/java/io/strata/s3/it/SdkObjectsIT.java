package io.strata.s3.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

/** The gateway driven by the AWS SDK for Java v2 with its default integrity checksums. */
class SdkObjectsIT {
    @TempDir
    static Path dir;
    static GatewayFixture gw;
    static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        gw = new GatewayFixture(dir);
        s3 = gw.client();
    }

    @AfterAll
    static void stop() {
        s3.close();
        gw.close();
    }

    static String bucket() {
        String b = "it-" + UUID.randomUUID().toString().substring(0, 8);
        s3.createBucket(r -> r.bucket(b));
        return b;
    }

    static String md5(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
    }

    @Test
    void putGetHeadRoundTripWithMetadataAndChecksums() throws Exception {
        String b = bucket();
        byte[] data = GatewayFixture.random(300_000, 1);
        var put = s3.putObject(r -> r.bucket(b).key("a/b.csv").contentType("text/csv")
                .metadata(Map.of("owner", "alice")).checksumAlgorithm(ChecksumAlgorithm.CRC32_C), RequestBody.fromBytes(data));
        assertEquals("\"" + md5(data) + "\"", put.eTag());
        assertNotNull(put.checksumCRC32C());

        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(r -> r.bucket(b).key("a/b.csv"));
        assertArrayEquals(data, got.asByteArray());
        assertEquals("text/csv", got.response().contentType());
        assertEquals("alice", got.response().metadata().get("owner"));

        HeadObjectResponse head = s3.headObject(r -> r.bucket(b).key("a/b.csv").checksumMode(ChecksumMode.ENABLED));
        assertEquals(300_000L, head.contentLength());
        assertEquals(put.checksumCRC32C(), head.checksumCRC32C());
    }

    @Test
    void everyChecksumAlgorithmIsVerifiedAndStored() {
        String b = bucket();
        byte[] data = GatewayFixture.random(70_000, 2);
        // CRC64NVME needs the AWS CRT in the SDK; Crc64NvmeTest checks ours against the standard check value.
        for (ChecksumAlgorithm alg : List.of(ChecksumAlgorithm.CRC32, ChecksumAlgorithm.CRC32_C,
                ChecksumAlgorithm.SHA1, ChecksumAlgorithm.SHA256)) {
            String key = "sum-" + alg;
            s3.putObject(r -> r.bucket(b).key(key).checksumAlgorithm(alg), RequestBody.fromBytes(data));
            assertArrayEquals(data, s3.getObjectAsBytes(r -> r.bucket(b).key(key)).asByteArray(), alg.toString());
        }
    }

    @Test
    void wrongChecksumIsBadDigestAndNothingIsStored() {
        String b = bucket();
        S3Exception e = assertThrows(S3Exception.class, () -> s3.putObject(r -> r.bucket(b).key("bad")
                .checksumCRC32("AAAAAA=="), RequestBody.fromBytes("hello".getBytes(StandardCharsets.UTF_8))));
        assertEquals(400, e.statusCode());
        assertEquals("BadDigest", e.awsErrorDetails().errorCode());
        assertThrows(NoSuchKeyException.class, () -> s3.headObject(r -> r.bucket(b).key("bad")));
    }

    @Test
    void rangeReadsReturnExactlyTheRequestedBytes() {
        String b = bucket();
        byte[] data = GatewayFixture.random(10_000, 3);
        s3.putObject(r -> r.bucket(b).key("r"), RequestBody.fromBytes(data));
        var got = s3.getObjectAsBytes(r -> r.bucket(b).key("r").range("bytes=100-199"));
        assertArrayEquals(java.util.Arrays.copyOfRange(data, 100, 200), got.asByteArray());
        assertEquals("bytes 100-199/10000", got.response().contentRange());
        var tail = s3.getObjectAsBytes(r -> r.bucket(b).key("r").range("bytes=-10"));
        assertArrayEquals(java.util.Arrays.copyOfRange(data, 9990, 10000), tail.asByteArray());
        S3Exception e = assertThrows(S3Exception.class, () -> s3.getObjectAsBytes(r -> r.bucket(b).key("r").range("bytes=20000-")));
        assertEquals(416, e.statusCode());
        assertEquals("InvalidRange", e.awsErrorDetails().errorCode());
    }

    @Test
    void listV2WithDelimiterPagesInKeyOrder() {
        String b = bucket();
        List<String> keys = List.of("a-1", "a/x", "a/y/z", "b", "c/d", "é");
        for (String k : keys) {
            s3.putObject(r -> r.bucket(b).key(k), RequestBody.fromString(k));
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            ListObjectsV2Response page = s3.listObjectsV2(r -> r.bucket(b).delimiter("/").maxKeys(2).continuationToken(t));
            page.contents().stream().map(S3Object::key).forEach(seen::add);
            page.commonPrefixes().stream().map(CommonPrefix::prefix).forEach(seen::add);
            token = page.nextContinuationToken();
        } while (token != null);
        assertEquals(List.of("a-1", "a/", "b", "c/", "é"), seen.stream().sorted().toList());
        List<String> all = s3.listObjectsV2Paginator(r -> r.bucket(b).maxKeys(1)).contents().stream().map(S3Object::key).toList();
        assertEquals(keys, all);
        assertEquals(5L, s3.listObjectsV2(r -> r.bucket(b).prefix("a")).contents().stream().count() + 2);
    }

    @Test
    void multipartUploadAssemblesPartsWithMd5OfMd5sEtag() throws Exception {
        String b = bucket();
        byte[] p1 = GatewayFixture.random(5 << 20, 4);
        byte[] p2 = GatewayFixture.random(1234, 5);
        String id = s3.createMultipartUpload(r -> r.bucket(b).key("big/file")).uploadId();
        String e1 = s3.uploadPart(r -> r.bucket(b).key("big/file").uploadId(id).partNumber(1), RequestBody.fromBytes(p1)).eTag();
        String e2 = s3.uploadPart(r -> r.bucket(b).key("big/file").uploadId(id).partNumber(2), RequestBody.fromBytes(p2)).eTag();
        assertEquals(2, s3.listParts(r -> r.bucket(b).key("big/file").uploadId(id)).parts().size());
        var done = s3.completeMultipartUpload(r -> r.bucket(b).key("big/file").uploadId(id).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(e1).build(), CompletedPart.builder().partNumber(2).eTag(e2).build())));
        MessageDigest md = MessageDigest.getInstance("MD5");
        md.update(HexFormat.of().parseHex(md5(p1)));
        md.update(HexFormat.of().parseHex(md5(p2)));
        assertEquals("\"" + HexFormat.of().formatHex(md.digest()) + "-2\"", done.eTag());
        byte[] whole = s3.getObjectAsBytes(r -> r.bucket(b).key("big/file")).asByteArray();
        assertEquals(p1.length + p2.length, whole.length);
        assertArrayEquals(p2, java.util.Arrays.copyOfRange(whole, p1.length, whole.length));
        assertArrayEquals(p2, s3.getObjectAsBytes(r -> r.bucket(b).key("big/file").partNumber(2)).asByteArray());
        assertEquals(0, s3.listMultipartUploads(r -> r.bucket(b)).uploads().size());
    }

    /** Every answer that names a user (Owner, Initiator) names the one Strata account, as the SDK parses it. */
    @Test
    void ownersAndInitiatorsNameTheServersAccount() {
        String b = bucket();
        s3.putObject(r -> r.bucket(b).key("k"), RequestBody.fromString("x"));
        String id = s3.createMultipartUpload(r -> r.bucket(b).key("m")).uploadId();
        assertEquals("strata", s3.listBuckets().owner().id());
        assertEquals("strata", s3.listObjectsV2(r -> r.bucket(b).fetchOwner(true)).contents().get(0).owner().id());
        assertEquals("strata", s3.listObjects(r -> r.bucket(b)).contents().get(0).owner().displayName());
        assertEquals("strata", s3.getObjectAcl(r -> r.bucket(b).key("k")).owner().id());
        assertEquals("strata", s3.listObjectVersions(r -> r.bucket(b)).versions().get(0).owner().id());
        var upload = s3.listMultipartUploads(r -> r.bucket(b)).uploads().get(0);
        assertEquals("strata", upload.initiator().id());
        assertEquals("strata", upload.owner().displayName());
        var parts = s3.listParts(r -> r.bucket(b).key("m").uploadId(id));
        assertEquals("strata", parts.initiator().displayName());
        assertEquals("strata", parts.owner().id());
        s3.abortMultipartUpload(r -> r.bucket(b).key("m").uploadId(id));
    }

    @Test
    void multipartRulesAreEnforced() {
        String b = bucket();
        String id = s3.createMultipartUpload(r -> r.bucket(b).key("k")).uploadId();
        String e1 = s3.uploadPart(r -> r.bucket(b).key("k").uploadId(id).partNumber(1), RequestBody.fromString("small")).eTag();
        String e2 = s3.uploadPart(r -> r.bucket(b).key("k").uploadId(id).partNumber(2), RequestBody.fromString("x")).eTag();
        S3Exception tooSmall = assertThrows(S3Exception.class, () -> s3.completeMultipartUpload(r -> r.bucket(b).key("k").uploadId(id)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(e1).build(),
                        CompletedPart.builder().partNumber(2).eTag(e2).build()))));
        assertEquals("EntityTooSmall", tooSmall.awsErrorDetails().errorCode());
        S3Exception order = assertThrows(S3Exception.class, () -> s3.completeMultipartUpload(r -> r.bucket(b).key("k").uploadId(id)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(2).eTag(e2).build(),
                        CompletedPart.builder().partNumber(1).eTag(e1).build()))));
        assertEquals("InvalidPartOrder", order.awsErrorDetails().errorCode());
        S3Exception wrong = assertThrows(S3Exception.class, () -> s3.completeMultipartUpload(r -> r.bucket(b).key("k").uploadId(id)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag("\"0000\"").build()))));
        assertEquals("InvalidPart", wrong.awsErrorDetails().errorCode());
        s3.abortMultipartUpload(r -> r.bucket(b).key("k").uploadId(id));
        S3Exception gone = assertThrows(S3Exception.class, () -> s3.listParts(r -> r.bucket(b).key("k").uploadId(id)));
        assertEquals("NoSuchUpload", gone.awsErrorDetails().errorCode());
    }

    @Test
    void copyTagsAndDelete() {
        String b = bucket();
        s3.putObject(r -> r.bucket(b).key("src").metadata(Map.of("m", "1")), RequestBody.fromString("payload"));
        s3.copyObject(r -> r.sourceBucket(b).sourceKey("src").destinationBucket(b).destinationKey("dst/copy"));
        var copy = s3.getObjectAsBytes(r -> r.bucket(b).key("dst/copy"));
        assertEquals("payload", copy.asUtf8String());
        assertEquals("1", copy.response().metadata().get("m"));
        s3.putObjectTagging(r -> r.bucket(b).key("src").tagging(t -> t.tagSet(Tag.builder().key("k").value("v").build())));
        assertEquals("v", s3.getObjectTagging(r -> r.bucket(b).key("src")).tagSet().get(0).value());
        var deleted = s3.deleteObjects(r -> r.bucket(b).delete(d -> d.objects(o -> o.key("src"), o -> o.key("dst/copy"), o -> o.key("none"))));
        assertEquals(3, deleted.deleted().size());
        assertEquals(0, s3.listObjectsV2(r -> r.bucket(b)).keyCount());
        s3.deleteBucket(r -> r.bucket(b));
        assertThrows(NoSuchBucketException.class, () -> s3.headBucket(r -> r.bucket(b)));
    }

    @Test
    void conditionalRequests() {
        String b = bucket();
        String etag = s3.putObject(r -> r.bucket(b).key("c"), RequestBody.fromString("v1")).eTag();
        S3Exception exists = assertThrows(S3Exception.class, () -> s3.putObject(r -> r.bucket(b).key("c").ifNoneMatch("*"),
                RequestBody.fromString("v2")));
        assertEquals(412, exists.statusCode());
        S3Exception stale = assertThrows(S3Exception.class, () -> s3.getObjectAsBytes(r -> r.bucket(b).key("c").ifMatch("\"nope\"")));
        assertEquals(412, stale.statusCode());
        S3Exception notModified = assertThrows(S3Exception.class, () -> s3.getObjectAsBytes(r -> r.bucket(b).key("c").ifNoneMatch(etag)));
        assertEquals(304, notModified.statusCode());
        assertEquals("v1", s3.getObjectAsBytes(r -> r.bucket(b).key("c").ifMatch(etag)).asUtf8String());
    }

    @Test
    void keysThatCannotBePathsGetClearErrors() {
        String b = bucket();
        s3.putObject(r -> r.bucket(b).key("file"), RequestBody.fromString("x"));
        S3Exception parent = assertThrows(S3Exception.class, () -> s3.putObject(r -> r.bucket(b).key("file/child"), RequestBody.fromString("y")));
        assertEquals("ParentIsObject", parent.awsErrorDetails().errorCode());
        s3.putObject(r -> r.bucket(b).key("dir/child"), RequestBody.fromString("y"));
        S3Exception dir = assertThrows(S3Exception.class, () -> s3.putObject(r -> r.bucket(b).key("dir"), RequestBody.fromString("z")));
        assertEquals("KeyIsDirectory", dir.awsErrorDetails().errorCode());
        S3Exception dots = assertThrows(S3Exception.class, () -> s3.putObject(r -> r.bucket(b).key("a/../b"), RequestBody.fromString("z")));
        assertEquals("InvalidObjectName", dots.awsErrorDetails().errorCode());
        S3Exception tooLong = assertThrows(S3Exception.class, () -> s3.putObject(r -> r.bucket(b).key("k".repeat(1025)), RequestBody.fromString("z")));
        assertEquals("KeyTooLongError", tooLong.awsErrorDetails().errorCode());
        s3.putObject(r -> r.bucket(b).key("explicit/"), RequestBody.empty());
        assertTrue(s3.listObjectsV2(r -> r.bucket(b)).contents().stream().anyMatch(o -> o.key().equals("explicit/")));
    }

    @Test
    void badCredentialsAndMissingThingsGetS3Errors() {
        try (S3Client wrong = gw.client("not-the-secret")) {
            S3Exception e = assertThrows(S3Exception.class, () -> wrong.listBuckets());
            assertEquals("SignatureDoesNotMatch", e.awsErrorDetails().errorCode());
        }
        S3Exception nb = assertThrows(S3Exception.class, () -> s3.getObjectAsBytes(r -> r.bucket("no-such-bucket-x").key("k")));
        assertEquals("NoSuchBucket", nb.awsErrorDetails().errorCode());
        String b = bucket();
        assertThrows(NoSuchKeyException.class, () -> s3.getObjectAsBytes(r -> r.bucket(b).key("missing")));
        S3Exception owned = assertThrows(S3Exception.class, () -> s3.createBucket(r -> r.bucket(b)));
        assertEquals("BucketAlreadyOwnedByYou", owned.awsErrorDetails().errorCode());
        S3Exception badName = assertThrows(S3Exception.class, () -> s3.createBucket(r -> r.bucket("xn--reserved-prefix")));
        assertEquals("InvalidBucketName", badName.awsErrorDetails().errorCode());
    }

    @Test
    void presignedGetWorksWithAPlainHttpClient() throws Exception {
        String b = bucket();
        s3.putObject(r -> r.bucket(b).key("shared.txt"), RequestBody.fromString("presigned bytes"));
        try (var presigner = gw.presigner()) {
            var url = presigner.presignGetObject(GetObjectPresignRequest.builder().signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(r -> r.bucket(b).key("shared.txt")).build()).url();
            HttpURLConnection c = (HttpURLConnection) url.openConnection();
            assertEquals(200, c.getResponseCode());
            try (InputStream in = c.getInputStream()) {
                assertEquals("presigned bytes", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }
}
