/// Fast parsers for the numbers in CSV fields (Foundation-free, allocation-free).
package enum NumberParser {
    /// Powers of ten exactly representable as `Double`.
    private static let exactPowersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// A signed 64-bit integer; `nil` on any non-digit or on overflow.
    package static func int64(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        guard case let (negative, start)? = sign(of: bytes), start < bytes.count else { return nil }
        var index = start
        var value: Int64 = 0
        while index < bytes.count {
            let digit = Int64(bytes[index]) &- 48
            guard digit >= 0 && digit <= 9 else { return nil }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = negative ? times10.subtractingReportingOverflow(digit) : times10.addingReportingOverflow(digit)
            guard !overflow1 && !overflow2 else { return nil }
            value = next
            index += 1
        }
        return value
    }

    /// A finite decimal number. Plain decimals of up to 15 significant digits take an exact
    /// fast path (Clinger 1990: one correctly rounded division); anything else goes to the
    /// standard library's correctly rounded parser.
    package static func double(_ bytes: UnsafeRawBufferPointer) -> Double? {
        guard case let (negative, start)? = sign(of: bytes) else { return nil }
        var index = start
        var mantissa: Int64 = 0
        var digits = 0
        var fractionDigits = 0
        var seenPoint = false
        var seenDigit = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else {
                let digit = Int64(byte) &- 48
                guard digit >= 0 && digit <= 9 else { return slowDouble(bytes) }
                seenDigit = true
                if mantissa != 0 || digit != 0 { digits += 1 }
                guard digits <= 15 else { return slowDouble(bytes) }
                mantissa = mantissa * 10 + digit
                if seenPoint { fractionDigits += 1 }
            }
            index += 1
        }
        guard seenDigit, fractionDigits <= 22 else { return seenDigit ? slowDouble(bytes) : nil }
        let value = Double(mantissa) / exactPowersOfTen[fractionDigits]
        return negative ? -value : value
    }

    /// Whether the number is negative, and where its digits start (after a leading `-` or `+`); `nil` when empty.
    private static func sign(of bytes: UnsafeRawBufferPointer) -> (negative: Bool, start: Int)? {
        guard let first = bytes.first else { return nil }
        switch first {
        case UInt8(ascii: "-"): return (true, 1)
        case UInt8(ascii: "+"): return (false, 1)
        default: return (false, 0)
        }
    }

    private static func slowDouble(_ bytes: UnsafeRawBufferPointer) -> Double? {
        guard let value = Double(String(decoding: bytes, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }
}
