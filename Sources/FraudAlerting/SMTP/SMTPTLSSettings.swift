import FraudCore
import NIOSSL

/// Which certificates an SMTP connection trusts.
package struct SMTPTLSSettings: Hashable, Sendable {
    /// A PEM file of CA certificates to trust instead of the system's (`FRAUD_SMTP_CA_FILE`).
    package var trustRootsFile: String?
    /// Skip certificate and host-name verification: ONLY for local test servers with self-signed certificates
    /// (`FRAUD_SMTP_INSECURE_SKIP_VERIFY=1`). The connection is then encrypted but not authenticated.
    package var insecureSkipVerificationForTestServers: Bool

    package init(trustRootsFile: String? = nil, insecureSkipVerificationForTestServers: Bool = false) {
        self.trustRootsFile = trustRootsFile
        self.insecureSkipVerificationForTestServers = insecureSkipVerificationForTestServers
    }

    func makeContext() throws(ConfigurationError) -> NIOSSLContext {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let file = trustRootsFile {
            do {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(file))
            } catch {
                throw ConfigurationError(parameter: "trustRootsFile", value: file, reason: "cannot read PEM certificates: \(error)")
            }
        }
        if insecureSkipVerificationForTestServers { tls.certificateVerification = .none }
        do {
            return try NIOSSLContext(configuration: tls)
        } catch {
            throw ConfigurationError(parameter: "tls", value: "", reason: "cannot create TLS context: \(error)")
        }
    }
}
