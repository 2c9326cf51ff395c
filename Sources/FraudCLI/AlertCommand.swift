import ArgumentParser
import FraudAlerting
import FraudCore
import Logging

/// `fraud alert test`: sends one sample alert through the configured channels and reports each delivery.
struct AlertCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alert",
        abstract: "Alert channels (webhook, e-mail).",
        subcommands: [Test.self]
    )

    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send a sample fraud alert to check the webhook and e-mail settings.",
            discussion: """
                Channels come from FRAUD_ALERT_WEBHOOK_URL, FRAUD_SMTP_URL, FRAUD_ALERT_EMAIL_FROM, \
                FRAUD_ALERT_EMAIL_TO (see docs/alerter.md); the flags override them. Exits 1 when a delivery fails.
                """
        )

        @Option(help: "Webhook URL (overrides FRAUD_ALERT_WEBHOOK_URL).")
        var webhook: String?

        @Option(help: "E-mail recipient, repeatable (overrides FRAUD_ALERT_EMAIL_TO).")
        var email: [String] = []

        @Option(help: "SMTP server URL, e.g. smtp://127.0.0.1:1025 (overrides FRAUD_SMTP_URL).")
        var smtp: String?

        @Option(help: "Sender address (overrides FRAUD_ALERT_EMAIL_FROM; default fraud-alerts@localhost).")
        var from: String?

        @Option(help: "Attempts per delivery.")
        var attempts: Int = 1

        @Flag(help: "Print one JSON object.")
        var json = false

        func validate() throws {
            guard attempts >= 1 else { throw ValidationError("--attempts must be at least 1, got \(attempts)") }
        }

        func run() async throws {
            let settings = AlertSettings()
            let configuration = try settings.commandConfiguration(overriding: AlertSettings.Overrides(
                webhookURL: webhook, smtpURL: smtp, emailFrom: from ?? settings.emailFrom ?? "fraud-alerts@localhost",
                emailTo: email.isEmpty ? nil : email, maxAttempts: attempts))
            if !email.isEmpty && configuration.email == nil {
                throw ValidationError("--email needs an SMTP server: --smtp URL or FRAUD_SMTP_URL")
            }
            guard !configuration.isEmpty else {
                throw ValidationError("no channel: pass --webhook URL and/or --email ADDRESS --smtp URL")
            }
            // The outcomes below say what happened; the dispatcher's own log lines would repeat them.
            var logger = Logger(label: "fraud.alert.test")
            logger.logLevel = .critical
            let dispatcher = try AlertDispatcher(configuration: configuration, logger: logger)
            let now = WallClock.now
            let outcomes = await dispatcher.send(.fraud(Self.sample(createdAt: now)))
            if json {
                printJSON(Report(outcomes: outcomes.map(Report.Outcome.init)))
            } else {
                for outcome in outcomes {
                    print(outcome.channel + ": " + outcome.status.rawValue + " after " + String(outcome.attempts)
                        + " attempt(s)" + (outcome.detail.map { " — " + $0 } ?? ""))
                }
            }
            if outcomes.contains(where: { $0.status == .failed }) { throw ExitCode(1) }
        }

        /// A recognisable test alert; its trans_num is unique per run so it is never a duplicate.
        static func sample(createdAt: EventTime) -> Alert {
            Alert(
                transNum: "test-" + String(createdAt.millisecondsSinceEpoch), ccNum: 4_000_000_000_000_002,
                amount: 1077.69, merchant: "fraud_Test Merchant", category: "shopping_net", eventTime: createdAt,
                score: 0.97, threshold: 0.5, modelVersion: "test",
                reasons: [
                    FeatureContribution(feature: "amount_vs_card_mean", value: 12, contribution: 2.1),
                    FeatureContribution(feature: "card_count_1h", value: 3, contribution: 1.2),
                ],
                createdAt: createdAt)
        }
    }

    struct Report: Encodable {
        struct Outcome: Encodable {
            var channel: String
            var status: String
            var attempts: Int
            var detail: String?
            init(_ outcome: AlertDeliveryOutcome) {
                channel = outcome.channel
                status = outcome.status.rawValue
                attempts = outcome.attempts
                detail = outcome.detail
            }
        }
        var outcomes: [Outcome]
    }
}
