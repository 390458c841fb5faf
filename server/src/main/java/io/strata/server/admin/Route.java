package io.strata.server.admin;

/** One method on one path template, and what serves it. */
record Route(String method, PathTemplate path, RouteHandler handler) {
    static Route of(String method, String template, RouteHandler handler) {
        return new Route(method, PathTemplate.parse(template), handler);
    }

    public String template() {
        return path.template();
    }

    /** The path as the OpenAPI document names it. */
    public String openApiPath() {
        return path.openApiPath();
    }
}
