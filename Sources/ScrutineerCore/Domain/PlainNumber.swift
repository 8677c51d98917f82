/// A number as a message, a file or a workbook writes it: a whole number without a decimal point
/// ("18", "937"), any other as Swift writes it in full, the shortest text that reads back to it
/// ("105.173394", "61.2").
public enum PlainNumber {
    public static func text(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
