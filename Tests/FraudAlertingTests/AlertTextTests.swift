@testable import FraudAlerting
import FraudCore
import NIOCore
import NIOEmbedded
import Testing

@Suite("Alert text, e-mail rendering and SMTP replies")
struct AlertTextTests {
    @Test func summaryLine() {
        #expect(AlertText.summary(Fixtures.alert())
            == "Possible fraud: $1,077.69 at fraud_Kirlin and Sons (shopping_net), score 0.97 — raises the score: amount 12× card mean, 3 payments in the last hour")
    }

    @Test func bodyMasksTheCardAndLabelsEachReasonsEffect() {
        let body = AlertText.body(Fixtures.alert())
        #expect(body.contains("Card:      229116******7244\n"))
        #expect(!body.contains("2291163933867244"))
        #expect(body.contains("  - amount 12× card mean (raises the score)  [amount_vs_card_mean = 12.0400, +2.1000]\n"))
        #expect(body.contains("  - at hour 12 (lowers the score)  [hour = 12.0000, -0.3000]\n"))
    }

    @Test func numbers() {
        #expect(NumberText.dollars(1_234_567.891) == "$1,234,567.89")
        #expect(NumberText.dollars(0.5) == "$0.50")
        #expect(NumberText.dollars(999.999) == "$1,000.00")
        #expect(NumberText.dollars(-12) == "-$12.00")
        #expect(NumberText.ratio(2.54) == "2.5")
        #expect(NumberText.ratio(12.4) == "12")
        #expect(NumberText.seconds(42) == "42 s")
        #expect(NumberText.seconds(5400) == "1.5 h")
    }

    @Test func reasonPhrases() {
        func phrase(_ feature: String, _ value: Double) -> String {
            ReasonText.phrase(FeatureContribution(feature: feature, value: value, contribution: 1))
        }
        #expect(phrase("card_count_1h", 1) == "1 payment in the last hour")
        #expect(phrase("first_at_merchant", 1) == "first payment at this merchant")
        #expect(phrase("category_shopping_net", 1) == "category shopping_net")
        #expect(phrase("seconds_since_previous", 90) == "2 min since the card's previous payment")
        #expect(phrase("amount_log", 7.0) == "amount $1,095.63")
        #expect(phrase("brand_new_feature", 0.123) == "brand_new_feature = 0.12")
        let reasons = [
            FeatureContribution(feature: "a", value: 1, contribution: -5),
            FeatureContribution(feature: "b", value: 1, contribution: 0.5),
            FeatureContribution(feature: "c", value: 1, contribution: 2),
        ]
        #expect(ReasonText.phrases(reasons) == ["c = 1.00", "b = 1.00"], "only reasons towards fraud, strongest first")
        #expect(reasons.map(ReasonText.labelled) == ["a = 1.00 (lowers the score)", "b = 1.00 (raises the score)", "c = 1.00 (raises the score)"])
        #expect(ReasonText.effect(0) == "leaves the score unchanged")
    }

    @Test func rfc5322Dates() {
        #expect(RFC5322Date.format(Fixtures.eventTime) == "Sun, 21 Jun 2020 12:14:25 +0000")
        #expect(RFC5322Date.format(EventTime(secondsSinceEpoch: 0)) == "Thu, 01 Jan 1970 00:00:00 +0000")
        #expect(RFC5322Date.format(EventTime(year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 59)!)
            == "Thu, 29 Feb 2024 23:59:59 +0000")
    }

    @Test func quotedPrintableKeepsLinesShortAndEscapes() {
        #expect(QuotedPrintable.encode("a=b ×\ntrailing \n") == ["a=3Db =C3=97", "trailing=20"])
        let long = String(repeating: "x", count: 200)
        let lines = QuotedPrintable.encode(long)
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("=") })
        #expect(lines.map { $0.hasSuffix("=") ? String($0.dropLast()) : $0 }.joined() == long)
    }

    @Test func renderedDataIsDotStuffedWithCRLF() {
        let message = EmailMessage(
            from: "a@x.test", to: ["b@x.test"], subject: "Café alert", body: ".one\nplain\r\n..two\n",
            date: EventTime(secondsSinceEpoch: 0), messageID: "<m@x.test>")
        let text = String(decoding: message.renderedData(), as: UTF8.self)
        #expect(text.hasSuffix("\r\n\r\n..one\r\nplain\r\n...two\r\n"))
        #expect(text.contains("Subject: =?utf-8?B?Q2Fmw6kgYWxlcnQ=?=\r\n"))
        #expect(text.contains("Content-Type: text/plain; charset=utf-8\r\n"))
        #expect(text.contains("Date: Thu, 01 Jan 1970 00:00:00 +0000\r\n"))
    }

    @Test func multiLineRepliesAreJoined() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(SMTPReplyDecoder()))
        try channel.writeInbound(ByteBuffer(string: "220 ready\r\n250-sink.test\r\n250-SIZE 1000\r\n25"))
        try channel.writeInbound(ByteBuffer(string: "0 STARTTLS\r\n354\n"))
        #expect(try channel.readInbound(as: SMTPReply.self) == SMTPReply(code: 220, lines: ["ready"]))
        #expect(try channel.readInbound(as: SMTPReply.self) == SMTPReply(code: 250, lines: ["sink.test", "SIZE 1000", "STARTTLS"]))
        #expect(try channel.readInbound(as: SMTPReply.self) == SMTPReply(code: 354, lines: [""]))
        #expect(try channel.readInbound(as: SMTPReply.self) == nil)
        #expect(throws: SMTPProtocolError.self) { try channel.writeInbound(ByteBuffer(string: "hello\r\n")) }
        _ = try? channel.finish()
    }
}
