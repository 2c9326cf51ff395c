/// What a request's bearer token lets it do.
enum APIAccess: Comparable, Sendable {
    /// Personal-data reads with masked card numbers (`FRAUD_API_READ_TOKEN`).
    case read
    /// Every route, and full card numbers (`FRAUD_API_TOKEN`, or any request on a server without tokens).
    case full
}

/// The bearer tokens a server accepts: `full` (`FRAUD_API_TOKEN`) and the read-only `read` (`FRAUD_API_READ_TOKEN`).
struct APITokens: Sendable {
    let full: String?
    let read: String?

    /// The access an `Authorization` header grants: `.full` on a server without tokens, nil when the header is
    /// missing, not `Bearer <token>` (scheme case-insensitive, RFC 7235) or the token is wrong. Tokens are compared
    /// in constant time.
    func access(_ authorization: String?) -> APIAccess? {
        guard let full else { return .full }
        guard let given = authorization.flatMap(Self.bearerToken) else { return nil }
        let isFull = Self.equal(given, full)
        let isRead = read.map { Self.equal(given, $0) } ?? false
        return isFull ? .full : isRead ? .read : nil
    }

    /// The token of `Bearer <token>`, the scheme in any case, one or more spaces before the token.
    static func bearerToken(_ header: String) -> Substring? {
        guard let space = header.firstIndex(of: " "), header[..<space].lowercased() == "bearer" else { return nil }
        let token = header[space...].drop { $0 == " " }
        return token.isEmpty ? nil : token
    }

    /// Whether `given` is `expected`, comparing every byte of `expected` whatever the first difference.
    static func equal(_ given: Substring, _ expected: String) -> Bool {
        let given = Array(given.utf8), expected = Array(expected.utf8)
        var difference = UInt8(given.count == expected.count ? 0 : 1)
        for index in expected.indices {
            difference |= (index < given.count ? given[index] : 0) ^ expected[index]
        }
        return difference == 0
    }
}
