import FraudBus
import FraudCore

/// Opens the bus an address names: `embedded:PATH` (the default) or `kafka://host:port[,host:port]`.
package enum BusFactory {
    /// The bus at `address`.
    package static func open(_ address: BusAddress) throws -> any Bus {
        switch address {
        case .embedded(let path): try EmbeddedBus(path: path)
        case .kafka(let servers): try KafkaBus(bootstrapServers: servers)
        }
    }
}
