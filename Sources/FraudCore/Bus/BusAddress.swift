/// Where the bus lives, parsed from `--bus` / `FRAUD_BUS`: `embedded:PATH` (the default) or
/// `kafka://host:port[,host2:port]`.
package enum BusAddress: Hashable, Sendable {
    /// The embedded durable log in a directory.
    case embedded(path: String)
    /// A Kafka cluster, by its bootstrap servers (`host:port,...`).
    case kafka(bootstrapServers: String)

    /// The default: `embedded:./fraud-bus`.
    package static let `default` = BusAddress.embedded(path: "./fraud-bus")

    /// Parses a bus URL.
    /// - Throws: `BusError.invalidArgument` naming the URL and the accepted forms.
    package init(url: String) throws {
        if url.hasPrefix("embedded:") {
            var path = String(url.dropFirst("embedded:".count))
            if path.hasPrefix("//") { path = String(path.dropFirst(2)) }
            guard !path.isEmpty else { throw Self.invalid(url, "embedded: needs a directory path") }
            self = .embedded(path: path)
        } else if url.hasPrefix("kafka://") {
            let servers = String(url.dropFirst("kafka://".count)).split(separator: "/").first.map(String.init) ?? ""
            let hosts = servers.split(separator: ",")
            guard !hosts.isEmpty, hosts.allSatisfy({ $0.contains(":") && !$0.hasPrefix(":") && !$0.hasSuffix(":") }) else {
                throw Self.invalid(url, "kafka:// needs host:port[,host:port...]")
            }
            self = .kafka(bootstrapServers: servers)
        } else {
            throw Self.invalid(url, "expected embedded:PATH or kafka://host:port[,host:port...]")
        }
    }

    private static func invalid(_ url: String, _ reason: String) -> BusError {
        BusError(.invalidArgument, "bus URL '\(url)': \(reason)")
    }
}
