/// Object members, one call each: `key(name)` then the value; inlinable, so a member costs what the two calls cost.
extension JSONWriter {
    /// Writes `"name":` and `value`.
    @inlinable
    package mutating func member(_ name: StaticString, _ value: String) {
        key(name)
        string(value)
    }

    /// Writes `"name":` and `value`.
    @inlinable
    package mutating func member(_ name: StaticString, _ value: Int64) {
        key(name)
        int(value)
    }

    /// Writes `"name":` and `value` (`null` when not finite).
    @inlinable
    package mutating func member(_ name: StaticString, _ value: Double) {
        key(name)
        double(value)
    }

    /// Writes `"name":` and `value`.
    @inlinable
    package mutating func member(_ name: StaticString, _ value: Bool) {
        key(name)
        bool(value)
    }

    /// Writes `"name":` and `value` as `"YYYY-MM-DD HH:MM:SS[.mmm]"`.
    @inlinable
    package mutating func member(_ name: StaticString, _ value: EventTime) {
        key(name)
        eventTime(value)
    }

    /// Writes `"name":` and `value` as `"YYYY-MM-DD"`.
    @inlinable
    package mutating func member(_ name: StaticString, _ value: CalendarDate) {
        key(name)
        date(value)
    }
}
