import FraudBus
import FraudCore

/// Opens the bus a URL names: `embedded:PATH` (the default) or `kafka://host:port[,host:port]`.
public enum BusFactory {
    /// The bus at `address`.
    public static func open(_ address: BusAddress) throws -> any Bus {
        switch address {
        case .embedded(let path): try EmbeddedBus(path: path)
        case .kafka(let servers): try KafkaBus(bootstrapServers: servers)
        }
    }

    /// The bus named by `url`, else by the `FRAUD_BUS` environment variable, else `embedded:./fraud-bus`.
    public static func open(url: String?, environment: [String: String]) throws -> any Bus {
        if let url = url ?? environment["FRAUD_BUS"] { return try open(BusAddress(url: url)) }
        return try open(.default)
    }
}
