import FraudCore
import Foundation

extension SMTPChannel.Configuration {
    /// A configuration for the server `url` names: `smtp://host[:port]` (STARTTLS when offered, port 25),
    /// `smtp+starttls://` (STARTTLS required, 587), `smtps://` (implicit TLS, 465) or `smtp+plain://` (never TLS, 25).
    /// Throws naming `url` when it is malformed or carries credentials (those go in `credentials`).
    package init(
        url: String, from: String, to: [String], credentials: SMTPChannel.Credentials? = nil,
        tls: SMTPTLSSettings = SMTPTLSSettings()
    ) throws(ConfigurationError) {
        let server = try SMTPURL(url)
        self.init(host: server.host, port: server.port, security: server.security, credentials: credentials, from: from, to: to, tls: tls)
    }
}

/// `smtp://host[:port]` and its variants, parsed by hand; credentials in the URL are refused.
struct SMTPURL {
    var host: String
    var port: Int?
    var security: SMTPChannel.Security

    init(_ url: String) throws(ConfigurationError) {
        func bad(_ reason: String) -> ConfigurationError {
            // Never echo a URL that might carry a password.
            ConfigurationError(parameter: "url", value: url.contains("@") ? "<redacted>" : url, reason: reason)
        }
        guard let separator = url.range(of: "://") else { throw bad("expected smtp://host[:port]") }
        switch url[..<separator.lowerBound].lowercased() {
        case "smtp": security = .startTLSIfOffered
        case "smtp+starttls": security = .startTLSRequired
        case "smtps": security = .implicitTLS
        case "smtp+plain": security = .none
        default: throw bad("scheme must be smtp, smtp+starttls, smtps or smtp+plain")
        }
        var authority = Substring(url[separator.upperBound...])
        while authority.last == "/" { authority.removeLast() }
        guard !authority.contains("@") else {
            throw bad("expected no user name or password in the URL (they are set separately)")
        }
        guard !authority.contains("/"), !authority.contains("?") else { throw bad("expected no path or query") }
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw bad("unclosed IPv6 bracket") }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            authority = authority[authority.index(after: close)...]
        } else {
            let hostEnd = authority.firstIndex(of: ":") ?? authority.endIndex
            host = String(authority[..<hostEnd])
            authority = authority[hostEnd...]
        }
        guard !host.isEmpty else { throw bad("missing host") }
        if authority.isEmpty {
            port = nil
        } else {
            guard authority.first == ":", let number = Int(authority.dropFirst()), (1...65_535).contains(number) else {
                throw bad("port must be a number in 1...65535")
            }
            port = number
        }
    }
}
