import FraudCore
import Foundation

/// Where the store lives: `sqlite:PATH` (the embedded default) or `postgres://user:pass@host:port/db`.
package enum DatabaseURL: Hashable, Sendable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresURL)

    /// The default: `sqlite:./fraud.db`.
    package static let defaultText = "sqlite:./fraud.db"

    /// Parses a database URL.
    /// - Throws: `StoreError.invalidURL` naming the bad part (scheme, path, user, host, port, database, option).
    package init(_ text: String) throws {
        if text.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path.removeFirst(2) }  // sqlite:///abs/path and sqlite://rel both accepted
            guard !path.isEmpty else { throw StoreError(.invalidURL(url: text, part: "path", reason: "empty; expected sqlite:PATH, e.g. sqlite:./fraud.db")) }
            self = .sqlite(path: path)
        } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(try PostgresURL(text))
        } else {
            let scheme = text.split(separator: ":", maxSplits: 1).first.map(String.init) ?? text
            throw StoreError(.invalidURL(url: PostgresURL.redacted(text), part: "scheme",
                                         reason: "'\(scheme)' is not supported; expected sqlite:PATH or postgres://user:pass@host:port/db"))
        }
    }

    /// The URL with any password hidden.
    package var description: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let url): url.description
        }
    }
}

/// The parts of a `postgres://user:password@host:port/database?schema=NAME&sslmode=disable|prefer|require` URL; the
/// password may also come as `?password=` (as libpq takes it), which then wins over the one before `@`.
package struct PostgresURL: Hashable, Sendable, CustomStringConvertible {
    package var user: String
    package var password: String?
    package var host: String
    package var port: Int
    package var database: String?
    /// Schema to use (sets `search_path`); nil = the server default (`public`).
    package var schema: String?
    /// `disable`, `prefer` (default) or `require`.
    package var sslMode: String

    package init(user: String, password: String? = nil, host: String, port: Int = 5432, database: String? = nil, schema: String? = nil, sslMode: String = "prefer") {
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
        self.schema = schema
        self.sslMode = sslMode
    }

    /// Parses the URL; errors name the bad part and never echo the password.
    package init(_ text: String) throws {
        let shown = Self.redacted(text)
        func fail(_ part: String, _ reason: String) -> StoreError { StoreError(.invalidURL(url: shown, part: part, reason: reason)) }
        guard let schemeEnd = text.range(of: "://") else { throw fail("scheme", "expected postgres://") }
        var rest = Substring(text[schemeEnd.upperBound...])
        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        var path: Substring = ""
        if let slash = rest.firstIndex(of: "/") {
            path = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
        }
        var userInfo: Substring = ""
        if let at = rest.lastIndex(of: "@") {
            userInfo = rest[..<at]
            rest = rest[rest.index(after: at)...]
        }
        guard !userInfo.isEmpty else { throw fail("user", "missing; expected postgres://USER[:PASSWORD]@host") }
        let userParts = userInfo.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard let user = String(userParts[0]).removingPercentEncoding, !user.isEmpty else { throw fail("user", "empty or badly percent-encoded") }
        self.user = user
        if userParts.count == 2 {
            guard let password = String(userParts[1]).removingPercentEncoding else { throw fail("password", "badly percent-encoded") }
            self.password = password
        } else {
            self.password = nil
        }
        var hostPart = rest
        var portText: Substring?
        if hostPart.hasPrefix("[") {  // [IPv6]:port
            guard let close = hostPart.firstIndex(of: "]") else { throw fail("host", "unclosed '[' in an IPv6 address") }
            let after = hostPart[hostPart.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() }
            hostPart = hostPart[hostPart.index(after: hostPart.startIndex)..<close]
        } else if let colon = hostPart.lastIndex(of: ":") {
            portText = hostPart[hostPart.index(after: colon)...]
            hostPart = hostPart[..<colon]
        }
        guard !hostPart.isEmpty else { throw fail("host", "missing; expected postgres://user@HOST:port/db") }
        self.host = String(hostPart)
        if let portText {
            guard let port = Int(portText), (1...65_535).contains(port) else { throw fail("port", "'\(portText)' is not a port number 1...65535") }
            self.port = port
        } else {
            self.port = 5432
        }
        self.database = path.isEmpty ? nil : String(path).removingPercentEncoding
        if !path.isEmpty && database == nil { throw fail("database", "badly percent-encoded") }
        self.schema = nil
        self.sslMode = "prefer"
        for pair in query.split(separator: "&") where !pair.isEmpty {
            let keyValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(keyValue[0])
            let value = keyValue.count == 2 ? String(keyValue[1]).removingPercentEncoding ?? "" : ""
            switch key {
            case "schema", "search_path":
                guard Self.isIdentifier(value) else { throw fail("option '\(key)'", "'\(value)' is not a plain identifier (letters, digits, _)") }
                self.schema = value
            case "sslmode":
                guard ["disable", "prefer", "require"].contains(value) else { throw fail("option 'sslmode'", "'\(value)' is not disable, prefer or require") }
                self.sslMode = value
            case "password":
                guard keyValue.count == 2, let password = String(keyValue[1]).removingPercentEncoding else {
                    throw fail("option 'password'", "badly percent-encoded")
                }
                self.password = password
            default:
                throw fail("option '\(key)'", "unknown; supported: schema, sslmode, password")
            }
        }
    }

    /// The URL with the password replaced by `***`.
    package var description: String {
        var text = "postgres://\(user)\(password == nil ? "" : ":***")@\(host.contains(":") ? "[\(host)]" : host):\(port)"
        if let database { text += "/\(database)" }
        var options: [String] = []
        if let schema { options.append("schema=\(schema)") }
        if sslMode != "prefer" { options.append("sslmode=\(sslMode)") }
        if !options.isEmpty { text += "?" + options.joined(separator: "&") }
        return text
    }

    /// `text` with the passwords of a URL hidden (`user:***@` and `password=***`), for error messages.
    static func redacted(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        var shown = text
        if let at = text[schemeEnd.upperBound...].lastIndex(of: "@"), let colon = text[schemeEnd.upperBound..<at].firstIndex(of: ":") {
            shown = String(text[..<colon]) + ":***" + String(text[at...])
        }
        guard let mark = shown.firstIndex(of: "?") else { return shown }
        let options = shown[shown.index(after: mark)...].split(separator: "&", omittingEmptySubsequences: false).map { pair in
            pair.hasPrefix("password=") ? "password=***" : String(pair)
        }
        return String(shown[...mark]) + options.joined(separator: "&")
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
