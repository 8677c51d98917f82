import Foundation

/// The workbooks councils fill in for the imports of their own data (PRODUCT.md R14), as
/// `scrutineer template KIND` prints them and the site's import page offers them: `local` for
/// `import local`, `risks` for `import risks`, `finance` for `import finance`.
public enum ImportTemplate: String, CaseIterable, Sendable {
    case local, risks, finance

    /// The file name it is offered as: measures.xlsx, risks.xlsx, finance.xlsx.
    public var fileName: String { self == .local ? "measures.xlsx" : "\(rawValue).xlsx" }

    /// The template whose file name is `fileName`; nil for any other name.
    public init?(fileName: String) {
        guard let template = Self.allCases.first(where: { $0.fileName == fileName }) else { return nil }
        self = template
    }

    /// The workbook's `.xlsx` bytes.
    public func xlsxData() throws(XLSXWriteError) -> Data {
        switch self {
        case .local: try LocalMeasuresTemplate.xlsxData()
        case .risks: try RiskRegisterTemplate.xlsxData()
        case .finance: try FinanceReturnTemplate.xlsxData()
        }
    }
}
