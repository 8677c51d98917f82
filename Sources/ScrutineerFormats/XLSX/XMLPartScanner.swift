import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Streams one XML part of a package to two callbacks: an element's start (local name without
/// any namespace prefix, attributes as written) and its end (local name and the text directly
/// gathered since the last start or end tag). Used only within one synchronous call.
final class XMLPartScanner: NSObject, XMLParserDelegate {
    private let onStart: (Substring, [String: String]) -> Void
    private let onEnd: (Substring, String) -> Void
    private var text = ""
    /// Elements open now: above zero when parsing stops means the part was cut short.
    private var depth = 0

    private init(onStart: @escaping (Substring, [String: String]) -> Void, onEnd: @escaping (Substring, String) -> Void) {
        self.onStart = onStart
        self.onEnd = onEnd
    }

    /// Scans `data`, the part `partName` of `fileName`; malformed XML is an error naming both.
    static func scan(
        _ data: Data, partName: String, fileName: String,
        onStart: @escaping (Substring, [String: String]) -> Void,
        onEnd: @escaping (Substring, String) -> Void = { _, _ in }
    ) throws(XLSXError) {
        let scanner = XMLPartScanner(onStart: onStart, onEnd: onEnd)
        // Read through a stream, in chunks: given the whole part at once, Foundation's parser on
        // Linux (libxml2) refuses a part over 10 MB, a worksheet of about 30,000 rows.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.delegate = scanner
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        guard parser.parse(), scanner.depth == 0 else {
            throw XLSXError(
                fileName: fileName,
                message: "the part \(partName) is not well-formed XML (line \(parser.lineNumber)); the workbook is damaged (expected a file saved by a spreadsheet program as .xlsx)"
            )
        }
    }

    /// The name after any `prefix:`.
    static func localName(_ name: String) -> Substring {
        guard let colon = name.lastIndex(of: ":") else { return name[...] }
        return name[name.index(after: colon)...]
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        text = ""
        depth += 1
        onStart(XMLPartScanner.localName(elementName), attributeDict)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        depth -= 1
        onEnd(XMLPartScanner.localName(elementName), text)
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, foundIgnorableWhitespace whitespaceString: String) {
        text += whitespaceString
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        text += String(decoding: CDATABlock, as: UTF8.self)
    }
}
