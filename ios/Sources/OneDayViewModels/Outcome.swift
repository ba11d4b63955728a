import OneDay

/// What a screen gets back from a call into core: the value, or core's refusal as a ``UserMessage``.
///
/// Only the bindings' own errors become ``refused(_:)``; anything else is a bug and is thrown.
public enum Outcome<Value> {
    /// The call succeeded with this value.
    case done(Value)
    /// Core refused or failed; the message says what to do.
    case refused(UserMessage)

    /// The value, or `nil` when refused.
    public var value: Value? {
        if case .done(let value) = self { return value }
        return nil
    }

    /// The message, or `nil` when done.
    public var message: UserMessage? {
        if case .refused(let message) = self { return message }
        return nil
    }

    /// The same outcome with its value transformed (a refusal stays as it is).
    public func map<New>(_ transform: (Value) throws -> New) rethrows -> Outcome<New> {
        switch self {
        case .done(let value): return .done(try transform(value))
        case .refused(let message): return .refused(message)
        }
    }
}

extension Outcome: Equatable where Value: Equatable {}
extension Outcome: Sendable where Value: Sendable {}

/// Runs `body`, turning the bindings' errors into ``Outcome/refused(_:)`` and rethrowing the rest.
func outcomeOf<Value>(_ body: () throws -> Value) throws -> Outcome<Value> {
    do {
        return .done(try body())
    } catch {
        guard let message = UserMessage.from(error) else { throw error }
        return .refused(message)
    }
}
