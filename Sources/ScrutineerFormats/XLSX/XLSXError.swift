/// A workbook that cannot be read or a sheet it does not have, naming the file.
public struct XLSXError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it.
    public var fileName: String
    /// What is wrong, with what was expected.
    public var message: String

    public init(fileName: String, message: String) {
        self.fileName = fileName
        self.message = message
    }

    public var description: String { "\(fileName): \(message)" }
}

/// Contents the XLSX writer cannot put in a workbook (a bad sheet name, a number that is not finite).
public struct XLSXWriteError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
