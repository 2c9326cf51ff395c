import FraudAPI
import FraudPipeline
import FraudRuntime

/// The API server as a worker of `fraud serve`'s and `fraud demo`'s groups; a busy port names the flag that changes it.
struct ServerWorker: PipelineWorker {
    let name = "api"
    let server: APIServer

    func run(stop: StopSignal) async throws {
        do {
            try await server.run(stop: stop) { port in printError(server.startMessage(port: port)) }
        } catch let error as APIServer.AddressInUse {
            throw PortInUse(cause: error)
        }
    }
}

/// `APIServer.AddressInUse` with the way out: `--port`.
struct PortInUse: Error, CustomStringConvertible {
    let cause: APIServer.AddressInUse

    var description: String { "\(cause): pass --port N (0 picks a free one)" }
}
