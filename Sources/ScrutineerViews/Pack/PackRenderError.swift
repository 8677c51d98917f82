/// Why a pack could not be rendered.
public enum PackRenderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A built-in template did not parse (a defect in Scrutineer, not in the data).
    case template(name: String, message: String)
    /// The data workbook could not be written.
    case workbook(String)

    public var description: String {
        switch self {
        case let .template(name, message): "pack template \"\(name)\" does not parse: \(message)"
        case let .workbook(message): "data/pack.xlsx could not be written: \(message)"
        }
    }
}
