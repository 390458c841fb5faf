package io.strata.s3.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Sends hand-made HTTP requests over a plain socket, signed by the AWS SDK's own SigV4 signer (so the signature
 * is right and only what the test breaks is wrong), and reads the answer.
 */
final class RawHttp {
    private RawHttp() {
    }

    record Answer(int status, Map<String, String> headers, String body) {
        String errorCode() {
            int a = body.indexOf("<Code>");
            int b = body.indexOf("</Code>");
            return a < 0 || b < 0 ? null : body.substring(a + 6, b);
        }
    }

    /** Headers of a request signed with UNSIGNED-PAYLOAD; {@code extra} headers are signed too. */
    static Map<String, String> signedHeaders(String method, URI uri, Map<String, String> extra) {
        SdkHttpRequest.Builder b = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri)
                .putHeader("x-amz-content-sha256", "UNSIGNED-PAYLOAD");
        extra.forEach(b::putHeader);
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(GatewayFixture.ACCESS, GatewayFixture.SECRET))
                .request(b.build())
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)).request();
        Map<String, String> out = new LinkedHashMap<>();
        signed.headers().forEach((k, v) -> out.put(k, String.join(",", v)));
        return out;
    }

    /**
     * Headers the SDK signer makes for an aws-chunked upload of {@code decodedLength} bytes with a CRC32 trailer
     * and unsigned chunks (STREAMING-UNSIGNED-PAYLOAD-TRAILER), as current SDKs send over plain HTTP.
     */
    static Map<String, String> signedStreamingHeaders(URI uri, int decodedLength) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.PUT).uri(uri).build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(GatewayFixture.ACCESS, GatewayFixture.SECRET))
                .request(request)
                .payload(software.amazon.awssdk.http.ContentStreamProvider.fromByteArray(new byte[decodedLength]))
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4HttpSigner.CHUNK_ENCODING_ENABLED, true)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                .putProperty(AwsV4HttpSigner.CHECKSUM_ALGORITHM,
                        software.amazon.awssdk.checksums.DefaultChecksumAlgorithm.CRC32)).request();
        Map<String, String> out = new LinkedHashMap<>();
        signed.headers().forEach((k, v) -> out.put(k, String.join(",", v)));
        return out;
    }

    /** Sends the request head and body bytes as given and reads one answer. */
    static Answer send(int port, String requestLine, Map<String, String> headers, byte[] body) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            StringBuilder head = new StringBuilder(requestLine).append("\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append("\r\n");
            OutputStream out = s.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return read(s.getInputStream());
        }
    }

    static Answer read(InputStream in) throws IOException {
        String status = line(in);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l = line(in); !l.isEmpty(); l = line(in)) {
            int c = l.indexOf(':');
            headers.put(l.substring(0, c).trim().toLowerCase(Locale.ROOT), l.substring(c + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        return new Answer(Integer.parseInt(status.split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    static Map<String, String> with(Map<String, String> base, String... kv) {
        Map<String, String> m = new LinkedHashMap<>(base);
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static List<String> list(String... s) {
        return List.of(s);
    }
}
