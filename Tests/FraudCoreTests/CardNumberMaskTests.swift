import FraudCore
import Testing

@Suite struct CardNumberMaskTests {
    @Test func keepsTheFirstSixAndLastFourDigits() {
        #expect(CardNumberMask.masked(2_291_163_933_867_244) == "229116******7244")
        #expect(CardNumberMask.masked(4_000_000_000_000_002) == "400000******0002")
        #expect(CardNumberMask.masked(Int64.max) == "922337*********5807", "19 digits")
        #expect(CardNumberMask.masked(60_416_207_185) == "604162*7185", "11 digits")
    }

    @Test func shortNumbersKeepOnlyTheirLastFourDigits() {
        #expect(CardNumberMask.masked(1_234_567_890) == "******7890")
        #expect(CardNumberMask.masked(1234) == "1234")
        #expect(CardNumberMask.masked(42) == "42")
    }
}
