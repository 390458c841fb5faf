"""What a boto3 user does against Strata, with the checks inside: exits 1 listing every mismatch.

usage: /usr/bin/python3 boto3_checks.py ENDPOINT ACCESS_KEY SECRET_KEY WORK_DIR
"""
import hashlib
import os
import random
import sys
import traceback
import urllib.error
import urllib.request

import boto3
from boto3.s3.transfer import TransferConfig
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint, access_key, secret_key, work = sys.argv[1:5]
s3 = boto3.client(
    "s3",
    endpoint_url=endpoint,
    aws_access_key_id=access_key,
    aws_secret_access_key=secret_key,
    region_name="us-east-1",
    # One attempt: a retry must not hide a failed request.
    config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1, "mode": "standard"}),
)
BUCKET = "boto3-checks"
failures = []
passed = 0


def check(what, expected, got):
    global passed
    if expected == got:
        passed += 1
        print("ok   " + what)
    else:
        failures.append(what)
        print("FAIL " + what + "\n     expected: " + repr(expected) + "\n     got:      " + repr(got))


def error_code(call):
    """The S3 error code and HTTP status a call fails with, or ('no error', None)."""
    try:
        call()
    except ClientError as e:
        return e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]
    return "no error", None


def step(fn):
    try:
        fn()
    except Exception:  # a crash in one step is a failure; the other steps still run
        failures.append(fn.__name__ + " raised")
        print("FAIL " + fn.__name__ + " raised:\n" + traceback.format_exc())


def buckets():
    s3.create_bucket(Bucket=BUCKET)
    names = [b["Name"] for b in s3.list_buckets()["Buckets"]]
    check("list_buckets shows the new bucket", True, BUCKET in names)
    check("head_bucket", 200, s3.head_bucket(Bucket=BUCKET)["ResponseMetadata"]["HTTPStatusCode"])


def put_get_head():
    body = b"hello boto3"
    put = s3.put_object(Bucket=BUCKET, Key="hello.txt", Body=body, ContentType="text/plain",
                        Metadata={"owner": "strata", "purpose": "checks"})
    check("put_object ETag is the MD5", '"' + hashlib.md5(body).hexdigest() + '"', put["ETag"])
    got = s3.get_object(Bucket=BUCKET, Key="hello.txt")
    check("get_object bytes", body, got["Body"].read())
    check("get_object ContentType", "text/plain", got["ContentType"])
    check("get_object Metadata", {"owner": "strata", "purpose": "checks"}, got["Metadata"])
    head = s3.head_object(Bucket=BUCKET, Key="hello.txt")
    check("head_object ContentLength", len(body), head["ContentLength"])
    check("head_object ETag", put["ETag"], head["ETag"])
    check("head_object Metadata", {"owner": "strata", "purpose": "checks"}, head["Metadata"])
    part = s3.get_object(Bucket=BUCKET, Key="hello.txt", Range="bytes=2-5")
    check("ranged get status", 206, part["ResponseMetadata"]["HTTPStatusCode"])
    check("ranged get bytes", b"llo ", part["Body"].read())
    check("ranged get ContentRange", "bytes 2-5/11", part["ContentRange"])


def listing():
    keys = ["docs/x.txt", "photos/2024/a.jpg", "photos/2024/b.jpg", "photos/2025/c.jpg", "photos/readme.txt",
            "top.txt"]
    for i, k in enumerate(keys):
        s3.put_object(Bucket=BUCKET, Key=k, Body=b"x" * (i + 1))
    r = s3.list_objects_v2(Bucket=BUCKET, Prefix="photos/", Delimiter="/")
    check("Prefix+Delimiter: CommonPrefixes", ["photos/2024/", "photos/2025/"],
          [p["Prefix"] for p in r.get("CommonPrefixes", [])])
    check("Prefix+Delimiter: Contents", ["photos/readme.txt"], [o["Key"] for o in r.get("Contents", [])])
    check("Prefix+Delimiter: size", 5, r["Contents"][0]["Size"] if r.get("Contents") else None)
    r = s3.list_objects_v2(Bucket=BUCKET, Delimiter="/")
    check("Delimiter at the top: CommonPrefixes", ["docs/", "photos/"],
          [p["Prefix"] for p in r.get("CommonPrefixes", [])])
    check("Delimiter at the top: Contents", ["hello.txt", "top.txt"], [o["Key"] for o in r.get("Contents", [])])

    everything = sorted(keys + ["hello.txt"])
    seen, pages, token = [], 0, None
    while True:
        kwargs = {"Bucket": BUCKET, "MaxKeys": 2}
        if token:
            kwargs["ContinuationToken"] = token
        r = s3.list_objects_v2(**kwargs)
        pages += 1
        page = [o["Key"] for o in r.get("Contents", [])]
        if len(page) > 2 or r["KeyCount"] != len(page):
            check("page %d: at most MaxKeys keys and KeyCount matches" % pages, True, False)
        seen += page
        if not r["IsTruncated"]:
            break
        token = r["NextContinuationToken"]
        if pages > 20:
            break
    check("paging by MaxKeys=2: every key once, in order", everything, seen)
    check("paging by MaxKeys=2: number of pages", 4, pages)
    paged = [o["Key"] for p in s3.get_paginator("list_objects_v2").paginate(Bucket=BUCKET, Prefix="photos/",
                                                                            PaginationConfig={"PageSize": 1})
             for o in p.get("Contents", [])]
    check("paginator with PageSize=1 under photos/", [k for k in everything if k.startswith("photos/")], paged)


def big_file():
    size = 20 * 1024 * 1024
    src = os.path.join(work, "big-upload.bin")
    dst = os.path.join(work, "big-download.bin")
    rnd = random.Random(7)
    with open(src, "wb") as f:
        f.write(rnd.randbytes(size))
    # boto3's defaults: multipart above 8 MiB, 8 MiB parts: 3 parts.
    s3.upload_file(src, BUCKET, "big/20MiB.bin", Config=TransferConfig())
    head = s3.head_object(Bucket=BUCKET, Key="big/20MiB.bin")
    check("upload_file 20 MiB: ContentLength", size, head["ContentLength"])
    check("upload_file 20 MiB: multipart ETag with 3 parts", True, head["ETag"].endswith('-3"'))
    s3.download_file(BUCKET, "big/20MiB.bin", dst)
    with open(src, "rb") as a, open(dst, "rb") as b:
        check("download_file bytes equal upload_file bytes", hashlib.sha256(a.read()).hexdigest(),
              hashlib.sha256(b.read()).hexdigest())


def presigned():
    # boto3 1.26 presigns with Signature V2 unless told s3v4; Strata (like every newer AWS region) takes only V4.
    v4 = boto3.client("s3", endpoint_url=endpoint, aws_access_key_id=access_key, aws_secret_access_key=secret_key,
                      region_name="us-east-1",
                      config=Config(signature_version="s3v4", s3={"addressing_style": "path"}))
    url = v4.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": "hello.txt"}, ExpiresIn=300)
    check("presigned URL is Signature V4", True, "X-Amz-Signature=" in url)
    with urllib.request.urlopen(url, timeout=60) as resp:
        check("presigned GET bytes", b"hello boto3", resp.read())
    put_url = v4.generate_presigned_url("put_object", Params={"Bucket": BUCKET, "Key": "presigned-put.txt"},
                                        ExpiresIn=300)
    req = urllib.request.Request(put_url, data=b"put through a presigned URL", method="PUT")
    with urllib.request.urlopen(req, timeout=60) as resp:
        check("presigned PUT status", 200, resp.status)
    check("presigned PUT stored the bytes", b"put through a presigned URL",
          s3.get_object(Bucket=BUCKET, Key="presigned-put.txt")["Body"].read())
    check("presigned URL for another key is refused", (403, "SignatureDoesNotMatch"),
          http_error(url.replace("hello.txt", "hello.txu")))
    v2 = s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": "hello.txt"}, ExpiresIn=300)
    check("a Signature V2 presigned URL (boto3's default here) is refused", (400, "InvalidRequest"),
          http_error(v2))


def http_error(url):
    """(HTTP status, S3 error code) of a GET that should fail."""
    try:
        with urllib.request.urlopen(url, timeout=60) as resp:
            return resp.status, "no error"
    except urllib.error.HTTPError as e:
        body = e.read().decode("utf-8", "replace")
        code = body.split("<Code>", 1)[1].split("</Code>", 1)[0] if "<Code>" in body else body
        return e.code, code


def errors():
    check("get_object of a missing key", ("NoSuchKey", 404),
          error_code(lambda: s3.get_object(Bucket=BUCKET, Key="no/such/key")))
    check("head_object of a missing key", ("404", 404),
          error_code(lambda: s3.head_object(Bucket=BUCKET, Key="no/such/key")))
    check("list_objects_v2 of a missing bucket", ("NoSuchBucket", 404),
          error_code(lambda: s3.list_objects_v2(Bucket="boto3-no-such-bucket")))
    check("delete_bucket of a non-empty bucket", ("BucketNotEmpty", 409),
          error_code(lambda: s3.delete_bucket(Bucket=BUCKET)))


def delete_all():
    keys = [o["Key"] for p in s3.get_paginator("list_objects_v2").paginate(Bucket=BUCKET)
            for o in p.get("Contents", [])]
    r = s3.delete_objects(Bucket=BUCKET, Delete={"Objects": [{"Key": k} for k in keys + ["never-existed"]]})
    check("delete_objects: Deleted (a missing key counts as deleted)", sorted(keys + ["never-existed"]),
          sorted(d["Key"] for d in r.get("Deleted", [])))
    check("delete_objects: no Errors", [], r.get("Errors", []))
    check("bucket is empty after delete_objects", 0, s3.list_objects_v2(Bucket=BUCKET)["KeyCount"])
    s3.delete_bucket(Bucket=BUCKET)
    check("delete_bucket removed it", False, BUCKET in [b["Name"] for b in s3.list_buckets()["Buckets"]])


for f in (buckets, put_get_head, listing, big_file, presigned, errors, delete_all):
    step(f)

print("%d passed, %d failed" % (passed, len(failures)))
if failures:
    print("failed checks: " + "; ".join(failures))
    sys.exit(1)
