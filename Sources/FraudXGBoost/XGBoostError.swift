import CXGBoost

/// An XGBoost C API call failed; carries the library's own message (`XGBGetLastError()`).
package struct XGBoostError: Error, CustomStringConvertible, Sendable {
    /// The C function that failed, e.g. `XGBoosterUpdateOneIter`.
    package var operation: String
    /// XGBoost's last-error text (thread-local in the library, read at once).
    package var message: String

    package var description: String { "\(operation) failed: \(message)" }
}

/// Turns an XGBoost return code into a thrown `XGBoostError` carrying `XGBGetLastError()`.
@inline(__always)
func check(_ code: Int32, _ operation: @autoclosure () -> String) throws {
    guard code != 0 else { return }
    let message = XGBGetLastError().map { String(cString: $0) } ?? "(no message)"
    throw XGBoostError(operation: operation(), message: message)
}
