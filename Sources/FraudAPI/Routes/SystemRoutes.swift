import FraudCore
import Hummingbird

/// `GET /healthz`, `GET /metrics`, `GET /openapi.json`, `GET /docs` and the dashboard (`GET /` and its files). The
/// static files ignore query strings (cache busting); the other routes take none.
enum SystemRoutes {
    static func add(to router: some RouterMethods<BasicRequestContext>, state: APIState) {
        router.get("healthz") { request, _ -> Response in
            try QueryParameters.expectNone(request)
            do {
                _ = try await state.store.aliasGeneration()
                return JSONResponse.bytes(Array("{\"status\":\"ok\",\"store\":\"ok\"}".utf8))
            } catch {
                let body = "{\"status\":\"unavailable\",\"store\":\(JSONWriter.quoted("\(error)"))}"
                return JSONResponse.bytes(Array(body.utf8), status: .serviceUnavailable)
            }
        }
        router.get("metrics") { request, _ -> Response in
            try QueryParameters.expectNone(request)
            // A failing store must not hide the metrics recorded in-process: its gauges just keep their last values.
            try? await state.storeGauges.refresh()
            var bytes: [UInt8] = []
            bytes.reserveCapacity(16_384)
            APIMetrics.registry.emit(into: &bytes)
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        router.get("openapi.json") { _, _ in state.assets.response("openapi.json") }
        router.get("docs") { _, _ in state.assets.response("docs.html") }
        router.get("") { _, _ in state.assets.response("dashboard.html") }
        for file in APIAssets.served where file.name.hasSuffix(".js") || file.name.hasSuffix(".css") {
            router.get(RouterPath(stringLiteral: "assets/\(file.name)")) { _, _ in state.assets.response(file.name) }
        }
    }
}
