import FraudCore
import Foundation

/// An e-mail as SMTP sends it: envelope addresses and the DATA bytes (headers, body, CRLF, dot-stuffed).
package struct EmailMessage: Sendable {
    package var from: String
    package var to: [String]
    package var subject: String
    /// Plain text; line ends are normalised to CRLF when rendered.
    package var body: String
    package var date: EventTime
    package var messageID: String

    package init(from: String, to: [String], subject: String, body: String, date: EventTime, messageID: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.date = date
        self.messageID = messageID
    }

    /// A Message-ID unique per alert and attempt series: `<key.millis.random@domain-of-from>`.
    package static func messageID(key: String, date: EventTime, from: String, random: UInt64) -> String {
        let safeKey = String(key.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }.prefix(64).map(Character.init))
        let domain = from.split(separator: "@").last.map(String.init).flatMap { $0.isEmpty ? nil : $0 } ?? "fraud.local"
        return "<" + (safeKey.isEmpty ? "alert" : safeKey) + "." + String(date.millisecondsSinceEpoch) + "."
            + String(random, radix: 16) + "@" + domain.filter { $0 != ">" } + ">"
    }

    /// The DATA payload without the final `.` line: headers, blank line, body; CRLF line ends,
    /// lines starting with `.` doubled (RFC 5321 §4.5.2).
    package func renderedData() -> [UInt8] {
        var lines: [String] = [
            "Date: " + RFC5322Date.format(date),
            "From: " + from,
            "To: " + foldedAddresses(to),
            "Subject: " + EncodedWord.encodeIfNeeded(subject),
            "Message-ID: " + messageID,
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
        ]
        lines += QuotedPrintable.encode(body)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 3 })
        for line in lines {
            if line.hasPrefix(".") { bytes.append(UInt8(ascii: ".")) }
            bytes += line.utf8
            bytes += [13, 10]
        }
        return bytes
    }

    /// Addresses joined with commas, folded onto continuation lines to keep header lines short.
    private func foldedAddresses(_ addresses: [String]) -> String {
        var text = ""
        var lineLength = 4
        for (index, address) in addresses.enumerated() {
            if index > 0 {
                if lineLength + address.utf8.count + 2 > 76 {
                    text += ",\r\n "
                    lineLength = 1
                } else {
                    text += ", "
                    lineLength += 2
                }
            }
            text += address
            lineLength += address.utf8.count
        }
        return text
    }
}

/// RFC 2047 encoded words for header text that is not plain ASCII.
package enum EncodedWord {
    /// The text itself when printable ASCII, else `=?utf-8?B?...?=` words folded onto continuation lines.
    package static func encodeIfNeeded(_ text: String) -> String {
        if text.utf8.allSatisfy({ (32...126).contains($0) }) { return text }
        // An encoded word is at most 75 characters: 45 UTF-8 bytes become 60 base64 characters plus 12.
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45 {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(word(chunk)) }
        return words.joined(separator: "\r\n ")
    }

    private static func word(_ bytes: [UInt8]) -> String {
        "=?utf-8?B?" + Data(bytes).base64EncodedString() + "?="
    }
}

/// Quoted-printable body encoding (RFC 2045 §6.7): readable ASCII, 8-bit safe, lines at most 76 characters.
package enum QuotedPrintable {
    private static let hex = Array("0123456789ABCDEF".utf8)

    /// The encoded lines of `text` (split on LF, CRLF or CR), without line ends.
    package static func encode(_ text: String) -> [String] {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var lines = normalised.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines.flatMap(encodeLine)
    }

    private static func encodeLine(_ line: String) -> [String] {
        let bytes = Array(line.utf8)
        var output: [String] = []
        var current: [UInt8] = []
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let literal = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || ((byte == 32 || byte == 9) && !isLast)
            let token: [UInt8] = literal ? [byte] : [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            // Leave room for the soft break `=` so no line exceeds 76 characters.
            if current.count + token.count > (isLast ? 76 : 75) {
                output.append(String(decoding: current + [UInt8(ascii: "=")], as: UTF8.self))
                current = []
            }
            current += token
        }
        output.append(String(decoding: current, as: UTF8.self))
        return output
    }
}
