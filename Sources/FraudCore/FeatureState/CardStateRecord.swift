/// One card's feature state, encoded by the feature extractor (`FraudModel.CardStateCodec`); opaque to stores.
package struct CardStateRecord: Hashable, Sendable {
    /// The card number.
    package var ccNum: Int64
    /// The encoded state.
    package var state: [UInt8]

    package init(ccNum: Int64, state: [UInt8]) {
        self.ccNum = ccNum
        self.state = state
    }
}
