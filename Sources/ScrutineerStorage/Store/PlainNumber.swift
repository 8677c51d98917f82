/// A number as a message shows it: a whole number without a decimal point ("18"), any other as
/// Swift writes it in full ("105.173394").
enum PlainNumber {
    static func text(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
