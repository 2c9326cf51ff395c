import FraudCore
import Testing

@Suite("Fixed: numbers with a fixed count of decimals")
struct FixedTests {
    @Test func roundsToTheDigitsAndPadsWithZeros() {
        #expect(Fixed(0.9713, digits: 2).description == "0.97")
        #expect(Fixed(12.04, digits: 4).description == "12.0400")
        #expect(Fixed(0.995, digits: 0).description == "1")
        #expect(Fixed(0.07, digits: 2).description == "0.07")
    }

    @Test func signAndSpecialValues() {
        #expect(Fixed(-0.3, digits: 4).description == "-0.3000")
        #expect(Fixed(-0.0001, digits: 2).description == "0.00", "no minus sign on a value that rounds to zero")
        #expect(Fixed(.infinity, digits: 2).description == "inf")
        #expect(Fixed(.nan, digits: 2).description == "nan")
    }

    @Test func groupsThousandsWhenAsked() {
        #expect(Fixed(1_234_567.891, digits: 2, grouped: true).description == "1,234,567.89")
        #expect(Fixed(999.999, digits: 2, grouped: true).description == "1,000.00")
        #expect(Fixed(-1_077.69, digits: 2, grouped: true).description == "-1,077.69")
        #expect(Fixed(1_234_567, digits: 0).description == "1234567")
    }
}
