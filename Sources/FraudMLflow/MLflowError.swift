/// A failed MLflow REST call: which call, the HTTP status, and MLflow's `error_code` and `message`.
package struct MLflowError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The call, e.g. `POST registered-models/alias`.
    package var operation: String
    /// The HTTP status, or nil when no answer arrived (connection refused, timeout).
    package var status: Int?
    /// MLflow's error code, e.g. `RESOURCE_DOES_NOT_EXIST`, `INVALID_PARAMETER_VALUE`; nil when the answer had none.
    package var errorCode: String?
    /// MLflow's message, or what went wrong on our side.
    package var message: String

    /// An error of `operation`, with MLflow's answer when there was one.
    package init(operation: String, status: Int? = nil, errorCode: String? = nil, message: String) {
        self.operation = operation
        self.status = status
        self.errorCode = errorCode
        self.message = message
    }

    /// `MLflow <operation>: HTTP <status> <error_code>: <message>`.
    package var description: String {
        let answer = status.map { "HTTP \($0)" + (errorCode.map { " \($0)" } ?? "") + ": " } ?? ""
        return "MLflow \(operation): \(answer)\(message)"
    }

    /// `RESOURCE_DOES_NOT_EXIST`: the experiment, run, model or alias is not there.
    package var isNotFound: Bool { errorCode == "RESOURCE_DOES_NOT_EXIST" }

    /// `RESOURCE_ALREADY_EXISTS`: a concurrent or earlier create won.
    package var isAlreadyExisting: Bool { errorCode == "RESOURCE_ALREADY_EXISTS" }
}
