import FraudCore

/// The human side of an alert: the one-line summary (Slack `text`), the e-mail subject and body.
package enum AlertText {
    /// One line, e.g. "Possible fraud: $1,077.69 at fraud_X (shopping_net), score 0.97 — raises the score: …",
    /// naming only the strongest reasons that raised the score.
    package static func summary(_ message: AlertMessage) -> String {
        switch message {
        case .fraud(let alert):
            var line = "Possible fraud: " + NumberText.dollars(alert.amount) + " at " + alert.merchant
                + " (" + alert.category + "), score " + Fixed(alert.score, digits: 2).description
            let reasons = ReasonText.phrases(alert.reasons)
            if !reasons.isEmpty { line += " — " + ReasonText.raises + ": " + reasons.joined(separator: ", ") }
            return line
        case .operational(let alert):
            return "[" + alert.severity.rawValue + "] " + alert.title
        }
    }

    /// The e-mail subject: short, no line breaks.
    package static func subject(_ message: AlertMessage) -> String {
        switch message {
        case .fraud(let alert):
            "Possible fraud: " + NumberText.dollars(alert.amount) + " at " + alert.merchant + " (score "
                + Fixed(alert.score, digits: 2).description + ")"
        case .operational(let alert):
            "[" + alert.severity.rawValue + "] " + singleLine(alert.title)
        }
    }

    /// The e-mail body, plain text, lines separated by `\n`.
    package static func body(_ message: AlertMessage) -> String {
        var lines: [String] = []
        switch message {
        case .fraud(let alert):
            lines.append(summary(message))
            lines.append("")
            lines.append("Payment:   " + alert.transNum)
            lines.append("Card:      " + CardNumberMask.masked(alert.ccNum))
            lines.append("Amount:    " + NumberText.dollars(alert.amount))
            lines.append("Merchant:  " + alert.merchant)
            lines.append("Category:  " + alert.category)
            lines.append("Time:      " + alert.eventTime.iso + " UTC")
            lines.append("Score:     " + Fixed(alert.score, digits: 4).description + " (threshold "
                + Fixed(alert.threshold, digits: 4).description + ")")
            lines.append("Model:     " + alert.modelVersion)
            if !alert.reasons.isEmpty {
                lines.append("")
                lines.append("Reasons (feature, value, contribution to the score's log-odds):")
                for reason in alert.reasons {
                    lines.append("  - " + ReasonText.labelled(reason) + "  [" + reason.feature + " = "
                        + Fixed(reason.value, digits: 4).description + ", " + signed(reason.contribution) + "]")
                }
            }
            lines.append("")
            lines.append("Alert raised at " + alert.createdAt.iso + " UTC.")
        case .operational(let alert):
            lines.append(alert.title)
            lines.append("")
            lines.append("Kind:      " + alert.kind.rawValue)
            lines.append("Severity:  " + alert.severity.rawValue)
            lines.append("Raised at: " + alert.createdAt.iso + " UTC")
            if !alert.details.isEmpty {
                lines.append("")
                lines.append(alert.details)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func signed(_ value: Double) -> String {
        (value >= 0 ? "+" : "") + Fixed(value, digits: 4).description
    }

    private static func singleLine(_ text: String) -> String {
        String(text.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
