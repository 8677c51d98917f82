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
        // A document type can declare entities, whose references the parser drops with the text
        // after them (a title `HV [&x;] plan` read as `HV [`); spreadsheet programs never write
        // one, and it stands before the first element (found by a security review).
        if prolog(of: data).range(of: Data("<!DOCTYPE".utf8)) != nil {
            throw XLSXError(
                fileName: fileName,
                message: "the part \(partName) declares a document type (<!DOCTYPE …>), which spreadsheet programs never write (expected a file saved by a spreadsheet program as .xlsx)"
            )
        }
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

    /// What stands before the first element of `data` (its start tag: `<` and a letter).
    private static func prolog(of data: Data) -> Data.SubSequence {
        var previous: UInt8 = 0
        for index in data.indices {
            let byte = data[index]
            if previous == UInt8(ascii: "<"), (byte | 0x20) >= UInt8(ascii: "a"), (byte | 0x20) <= UInt8(ascii: "z") {
                return data[data.startIndex..<index]
            }
            previous = byte
        }
        return data[...]
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
