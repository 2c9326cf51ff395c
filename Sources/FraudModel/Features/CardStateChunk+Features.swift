import FraudCore

extension CardStateChunk {
    /// Writes the card features of `transaction` (its card in `slot`), then adds it to the card's state.
    mutating func writeAndRecord(slot: Int, transaction: Transaction, into row: UnsafeMutableBufferPointer<Float>) {
        let now = Self.seconds(transaction.eventTime)
        let amount = Float(transaction.amount)
        let count = Int(ringCount[slot]), head = Int(ringHead[slot])
        let base = slot * Self.ring
        // The current payment counts in its own windows.
        var count1h: Float = 1, amount1h = amount, count24h: Float = 1, amount24h = amount
        var count7d: Float = 1, amount7d = amount, night24h: Float = StatelessFeatures.isNight(hour: transaction.eventTime.hour) ? 1 : 0
        var max7d: Float = -1
        var previous: UInt32?
        for back in 0..<count {
            let index = base + (head - 1 - back + Self.ring) % Self.ring
            let time = ringTimes[index]
            if back == 0 { previous = time }
            guard time <= now else { continue }  // a later payment already recorded: not visible to this one
            let age = now - time
            guard age < 7 * 86_400 else { break }
            let value = ringAmounts[index]
            count7d += 1; amount7d += value; max7d = max(max7d, value)
            if age < 86_400 {
                count24h += 1; amount24h += value
                if StatelessFeatures.isNight(hour: Int(time % 86_400) / 3600) { night24h += 1 }
                if age < 3600 { count1h += 1; amount1h += value }
            }
        }
        row[FeatureNames.cardCount1h] = count1h
        row[FeatureNames.cardAmount1h] = amount1h
        row[FeatureNames.cardCount24h] = count24h
        row[FeatureNames.cardAmount24h] = amount24h
        row[FeatureNames.cardCount7d] = count7d
        row[FeatureNames.cardAmount7d] = amount7d
        row[FeatureNames.cardNightCount24h] = night24h
        row[FeatureNames.amountVsCardMax7d] = max7d > 0 ? amount / max7d : .nan
        let payments = paymentCount[slot]
        row[FeatureNames.cardPaymentCount] = Float(payments)
        row[FeatureNames.amountVsCardMean] = payments > 0 && amountSum[slot] > 0
            ? Float(Double(amount) * Double(payments) / amountSum[slot]) : .nan
        row[FeatureNames.secondsSincePrevious] = previous.map { Float(now >= $0 ? now - $0 : 0) } ?? .nan

        let merchantHash = StableHash.fnv1a(transaction.merchant)
        let bloom = slot * CardStateStore.bloomWords
        let bit1 = Int(merchantHash & 1023), bit2 = Int((merchantHash >> 32) & 1023)
        let seenMerchant = merchantBloom[bloom + bit1 >> 6] & (1 << UInt64(bit1 & 63)) != 0
            && merchantBloom[bloom + bit2 >> 6] & (1 << UInt64(bit2 & 63)) != 0
        row[FeatureNames.firstAtMerchant] = seenMerchant ? 0 : 1
        let categoryBit: UInt32 = StatelessFeatures.categoryIndex[transaction.category].map { 1 << UInt32($0) }
            ?? 1 << UInt32(FeatureNames.categories.count + Int(StableHash.fnv1a(transaction.category) % 18))
        row[FeatureNames.firstInCategory] = categoryBits[slot] & categoryBit != 0 ? 0 : 1

        // Record the payment.
        ringTimes[base + head] = now
        ringAmounts[base + head] = amount
        ringHead[slot] = UInt8((head + 1) % Self.ring)
        ringCount[slot] = UInt8(min(count + 1, Self.ring))
        paymentCount[slot] = payments &+ 1
        amountSum[slot] += Double(amount)
        merchantBloom[bloom + bit1 >> 6] |= 1 << UInt64(bit1 & 63)
        merchantBloom[bloom + bit2 >> 6] |= 1 << UInt64(bit2 & 63)
        categoryBits[slot] |= categoryBit
    }

    /// Event time in whole seconds, clamped to what a `UInt32` holds (1970...2106).
    static func seconds(_ time: EventTime) -> UInt32 {
        UInt32(clamping: max(0, time.secondsSinceEpoch))
    }
}

/// FNV-1a, 64-bit: a hash stable across processes (Swift's `Hasher` is seeded per process).
enum StableHash {
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
