package io.strata.s3.http;

import io.netty.handler.codec.http.HttpRequest;
import io.strata.s3.signature.RequestView;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The signature verifier's view of a Netty request: the request line as sent, headers by name. */
final class NettyRequestView implements RequestView {
    private final HttpRequest request;
    private final String rawPath;
    private final String rawQuery;

    NettyRequestView(HttpRequest request) {
        this.request = request;
        String uri = request.uri();
        int q = uri.indexOf('?');
        this.rawPath = q < 0 ? uri : uri.substring(0, q);
        this.rawQuery = q < 0 ? "" : uri.substring(q + 1);
    }

    @Override
    public String method() {
        return request.method().name();
    }

    @Override
    public String rawPath() {
        return rawPath;
    }

    @Override
    public String rawQuery() {
        return rawQuery;
    }

    @Override
    public List<String> headerValues(String name) {
        return request.headers().getAll(name);
    }

    @Override
    public Set<String> headerNames() {
        Set<String> names = new TreeSet<>();
        request.headers().names().forEach(n -> names.add(n.toLowerCase(Locale.ROOT)));
        return names;
    }
}
