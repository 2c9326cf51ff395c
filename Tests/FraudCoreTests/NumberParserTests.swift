import Testing
@testable import FraudCore

@Suite struct NumberParserTests {
    private func double(_ text: String) -> Double? {
        Array(text.utf8).withUnsafeBytes { NumberParser.double($0) }
    }

    private func int64(_ text: String) -> Int64? {
        Array(text.utf8).withUnsafeBytes { NumberParser.int64($0) }
    }

    @Test func decimalsMatchTheStandardLibraryExactly() {
        var generator = SplitMix64(seed: 42)
        for _ in 0..<20_000 {
            let value = Double(generator.next() % 10_000_000) / 100 - 50_000
            let texts = [value.description, String(Double(generator.next() % 1_000_000_000) / 1_000_000), "-\(generator.next() % 180).\(generator.next() % 1_000_000)"]
            for text in texts {
                #expect(double(text) == Double(text), "\(text)")
            }
        }
    }

    @Test func unusualFormsFallBackToTheStandardLibrary() {
        #expect(double("1e-05") == 1e-05)
        #expect(double("12345678901234567890.5") == 12345678901234567890.5)
        #expect(double(".5") == 0.5)
        #expect(double("5.") == 5)
        #expect(double("") == nil)
        #expect(double("-") == nil)
        #expect(double("1.2.3") == nil)
        #expect(double("nan") == nil)
        #expect(double("inf") == nil)
    }

    @Test func integersUpToNineteenDigitsAndOverflowIsRejected() {
        #expect(int64("4992346398065154184") == 4_992_346_398_065_154_184)
        #expect(int64("9223372036854775807") == Int64.max)
        #expect(int64("9223372036854775808") == nil)
        #expect(int64("-9223372036854775808") == Int64.min)
        #expect(int64("12a") == nil)
        #expect(int64("") == nil)
    }
}

