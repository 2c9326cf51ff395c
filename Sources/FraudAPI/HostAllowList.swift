import Foundation

/// The `Host` values the server answers, against DNS rebinding (a page of another site whose name was made to resolve
/// to this server): IP addresses and `localhost` with any port (no other site's page can carry them), the configured
/// bind host, and the allowed names (`*`: any).
struct HostAllowList: Sendable {
    private let names: Set<String>
    private let anyHost: Bool

    init(host: String, allowed: [String]) {
        var names = Set(allowed.map { Self.normalized($0) })
        names.insert(Self.normalized(host))
        anyHost = names.contains("*")
        self.names = names
    }

    /// Whether a request whose `Host` header is `authority` (`name[:port]`, `[v6]:port`) may be answered.
    func allows(_ authority: String) -> Bool {
        if anyHost || authority.hasPrefix("[") { return true }
        let name = Self.normalized(Self.hostPart(of: authority))
        return name == "localhost" || Self.isIPv4(name) || names.contains(name)
    }

    /// `authority` without its port.
    static func hostPart(of authority: String) -> Substring {
        if authority.hasPrefix("["), let end = authority.firstIndex(of: "]") { return authority[...end] }
        return authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)[0]
    }

    /// Whether binding `host` listens on loopback only: `localhost`, `::1` or an address of 127.0.0.0/8.
    static func isLoopback(_ host: String) -> Bool {
        let name = normalized(host)
        return name == "localhost" || name == "::1" || name == "[::1]" || (isIPv4(name) && name.hasPrefix("127."))
    }

    /// Whether `name` can be an allowed host: `*`, or a name or address without scheme, port, path or whitespace.
    static func isValidName(_ name: String) -> Bool {
        name == "*" || (!name.isEmpty && name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || "0123456789.-_".unicodeScalars.contains($0) })
    }

    private static func normalized(_ name: some StringProtocol) -> String {
        let lower = name.lowercased()
        return lower.hasSuffix(".") ? String(lower.dropLast()) : lower
    }

    private static func isIPv4(_ text: String) -> Bool {
        var address = in_addr()
        return inet_pton(AF_INET, text, &address) == 1
    }
}
