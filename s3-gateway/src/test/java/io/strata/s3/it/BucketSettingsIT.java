package io.strata.s3.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * What tools read about a bucket besides its objects (ACLs, versioning, CORS, policy, ...), through the AWS SDK:
 * answered as AWS answers for a bucket where nobody set them; setting them is NotImplemented unless it is the
 * state Strata already has (the private ACL).
 */
class BucketSettingsIT {
    @TempDir
    static Path dir;
    static GatewayFixture gw;
    static S3Client s3;
    static final String B = "settings";

    @BeforeAll
    static void start() throws Exception {
        gw = new GatewayFixture(dir);
        s3 = gw.client();
        s3.createBucket(r -> r.bucket(B));
        for (String k : List.of("a/1", "a/2", "b", "c")) {
            s3.putObject(r -> r.bucket(B).key(k), RequestBody.fromString(k));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
        gw.close();
    }

    @Test
    void theOwnerHasFullControlAndOnlyThatCanBeSet() {
        for (List<Grant> grants : List.of(s3.getBucketAcl(r -> r.bucket(B)).grants(),
                s3.getObjectAcl(r -> r.bucket(B).key("b")).grants())) {
            assertEquals(1, grants.size());
            assertEquals(Permission.FULL_CONTROL, grants.get(0).permission());
            assertEquals(Type.CANONICAL_USER, grants.get(0).grantee().type());
        }
        s3.putBucketAcl(r -> r.bucket(B).acl(BucketCannedACL.PRIVATE));
        s3.putObjectAcl(r -> r.bucket(B).key("b").acl(ObjectCannedACL.PRIVATE));
        assertError(400, "AccessControlListNotSupported",
                () -> s3.putObjectAcl(r -> r.bucket(B).key("b").acl(ObjectCannedACL.PUBLIC_READ)));
        assertError(404, "NoSuchKey", () -> s3.getObjectAcl(r -> r.bucket(B).key("missing")));
        assertError(404, "NoSuchBucket", () -> s3.getBucketAcl(r -> r.bucket("no-such-bucket")));
    }

    /** ACL headers on writes: the owner-only ones are accepted, any other grant fails as on an AWS bucket. */
    @Test
    void writesThatAskForGrantsFailLikeABucketWithAclsDisabled() {
        s3.putObject(r -> r.bucket(B).key("acl/private").acl(ObjectCannedACL.PRIVATE), RequestBody.fromString("p"));
        s3.putObject(r -> r.bucket(B).key("acl/owner").acl(ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL),
                RequestBody.fromString("o"));
        assertError(400, "AccessControlListNotSupported", () -> s3.putObject(
                r -> r.bucket(B).key("acl/public").acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("x")));
        assertError(400, "AccessControlListNotSupported", () -> s3.createMultipartUpload(
                r -> r.bucket(B).key("acl/mpu").grantRead("uri=\"http://acs.amazonaws.com/groups/global/AllUsers\"")));
        assertError(400, "AccessControlListNotSupported", () -> s3.copyObject(r -> r.sourceBucket(B)
                .sourceKey("b").destinationBucket(B).destinationKey("acl/copy").acl(ObjectCannedACL.PUBLIC_READ)));
        assertError(400, "InvalidBucketAclWithObjectOwnership",
                () -> s3.createBucket(r -> r.bucket("acl-public").acl(BucketCannedACL.PUBLIC_READ)));
        assertError(404, "NoSuchKey", () -> s3.getObjectAsBytes(r -> r.bucket(B).key("acl/public")));
        assertEquals("p", s3.getObjectAsBytes(r -> r.bucket(B).key("acl/private")).asUtf8String());
    }

    @Test
    void unsetSettingsReadAsNotConfiguredAndWritesAreNotImplemented() {
        assertNull(s3.getBucketVersioning(r -> r.bucket(B)).status());
        assertError(404, "NoSuchCORSConfiguration", () -> s3.getBucketCors(r -> r.bucket(B)));
        assertError(404, "NoSuchBucketPolicy", () -> s3.getBucketPolicy(r -> r.bucket(B)));
        assertError(404, "NoSuchLifecycleConfiguration", () -> s3.getBucketLifecycleConfiguration(r -> r.bucket(B)));
        assertError(404, "NoSuchTagSet", () -> s3.getBucketTagging(r -> r.bucket(B)));
        assertError(404, "ServerSideEncryptionConfigurationNotFoundError", () -> s3.getBucketEncryption(r -> r.bucket(B)));
        assertError(404, "ObjectLockConfigurationNotFoundError", () -> s3.getObjectLockConfiguration(r -> r.bucket(B)));
        assertEquals("BucketOwner", s3.getBucketRequestPayment(r -> r.bucket(B)).payerAsString());
        assertError(404, "NoSuchBucket", () -> s3.getBucketVersioning(r -> r.bucket("no-such-bucket")));
        assertError(501, "NotImplemented", () -> s3.putBucketVersioning(r -> r.bucket(B)
                .versioningConfiguration(v -> v.status("Enabled"))));
        assertError(501, "NotImplemented", () -> s3.putBucketPolicy(r -> r.bucket(B).policy("{}")));
    }

    @Test
    void everyObjectIsItsOnlyVersionNamedNull() {
        ListObjectVersionsResponse all = s3.listObjectVersions(r -> r.bucket(B));
        assertEquals(List.of("a/1", "a/2", "b", "c"), all.versions().stream().map(ObjectVersion::key).toList());
        for (ObjectVersion v : all.versions()) {
            assertEquals("null", v.versionId());
            assertEquals(true, v.isLatest());
        }
        List<String> paged = new ArrayList<>();
        String marker = null;
        do {
            String m = marker;
            ListObjectVersionsResponse page = s3.listObjectVersions(r -> r.bucket(B).maxKeys(1).delimiter("/").keyMarker(m));
            page.versions().forEach(v -> paged.add(v.key()));
            page.commonPrefixes().forEach(p -> paged.add(p.prefix()));
            marker = page.isTruncated() ? page.nextKeyMarker() : null;
        } while (marker != null);
        assertEquals(List.of("a/", "b", "c"), paged);
        assertEquals("b", s3.getObjectAsBytes(r -> r.bucket(B).key("b").versionId("null")).asUtf8String());
        assertError(400, "InvalidArgument", () -> s3.getObject(r -> r.bucket(B).key("b").versionId("3HL4kqtJlcpXroDTDmJ")));
    }

    private static void assertError(int status, String code, Runnable call) {
        S3Exception e = assertThrows(S3Exception.class, call::run);
        assertEquals(status, e.statusCode(), e.getMessage());
        assertEquals(code, e.awsErrorDetails().errorCode());
    }
}
