import Foundation
import ZIPFoundation

/// The ZIP package of an XLSX file: its parts by path, and the relationships between them.
/// Used only while a workbook is being opened.
struct XLSXPackage {
    private let archive: Archive
    private let entries: [String: Entry]
    private let fileName: String

    /// The relationships of one part: targets by id, and by type.
    struct Relationships {
        var byID: [String: String] = [:]
        var byType: [(type: String, target: String)] = []

        /// The first target whose relationship type ends with `suffix` (e.g. `/styles`).
        func target(ofTypeEndingWith suffix: String) -> String? {
            byType.first { $0.type.hasSuffix(suffix) }?.target
        }
    }

    /// Opens the package; anything that is not a ZIP archive is an error naming the file.
    init(data: Data, fileName: String) throws(XLSXError) {
        self.fileName = fileName
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            // Excel keeps a password-protected .xlsx in the same container as an .xls, its
            // workbook encrypted in a stream named EncryptedPackage (written in UTF-16).
            let encryptedPackage = Data("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            if data.range(of: encryptedPackage) != nil {
                throw XLSXError(fileName: fileName, message: "the workbook is protected by a password, which Scrutineer cannot open (expected a workbook saved without a password: in Excel, File › Info › Protect Workbook › Encrypt with Password, clear the password and save)")
            }
            throw XLSXError(fileName: fileName, message: "the file is an Excel 97–2003 workbook (.xls), which Scrutineer cannot read (expected .xlsx: open it and save it as an Excel Workbook, or as CSV)")
        }
        guard !data.isEmpty else {
            throw XLSXError(fileName: fileName, message: "the file is empty (expected a file saved by a spreadsheet program as .xlsx)")
        }
        let notZIP = XLSXError(fileName: fileName, message: "the file is not an XLSX workbook: it is not a ZIP package (expected a file saved by a spreadsheet program as .xlsx)")
        guard data.starts(with: [0x50, 0x4B]) else {
            // A CSV file given a workbook's name: its first line is text.
            let firstLine = data.prefix(4096).prefix { $0 != 0x0A }
            if !firstLine.isEmpty, firstLine.allSatisfy({ $0 == 0x09 || $0 == 0x0D || $0 >= 0x20 }), String(data: firstLine, encoding: .utf8) != nil {
                throw XLSXError(fileName: fileName, message: "the file is not an XLSX workbook but text, such as CSV (expected a file saved by a spreadsheet program as .xlsx, or a CSV file named .csv)")
            }
            throw notZIP
        }
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read, pathEncoding: nil)
        } catch {
            throw notZIP
        }
        self.archive = archive
        var entries: [String: Entry] = [:]
        for entry in archive where entry.type == .file {
            entries[entry.path.lowercased()] = entry
        }
        self.entries = entries
        guard entries["[content_types].xml"] != nil else {
            throw XLSXError(fileName: fileName, message: "the file is a ZIP archive but not an XLSX workbook: it has no [Content_Types].xml (expected a file saved by a spreadsheet program as .xlsx)")
        }
    }

    /// `path` if the package holds a part there.
    func existingPath(_ path: String) -> String? {
        entries[path.lowercased()] == nil ? nil : path
    }

    /// The most a part may unpack to: a sheet of a million cells is well under it. A ZIP part
    /// deflated a thousandfold would otherwise unpack a 25 MB upload into gigabytes of memory
    /// (found by a security review).
    static let largestPart = 100 * 1024 * 1024

    private struct PartTooLarge: Error {}

    /// The bytes of the part at `path`; a missing or unreadable part, or one that unpacks to more
    /// than `largestPart` (whatever its header declares), is an error.
    func part(_ path: String) throws(XLSXError) -> Data {
        guard let entry = entries[path.lowercased()] else {
            throw XLSXError(fileName: fileName, message: "the workbook has no part \(path); it is damaged (expected a file saved by a spreadsheet program as .xlsx)")
        }
        let tooLarge = XLSXError(
            fileName: fileName,
            message: "the part \(path) unpacks to more than \(Self.largestPart / 1024 / 1024) MB, more than any sheet of figures needs (expected a workbook of the council's figures; save a very large sheet as CSV)"
        )
        guard entry.uncompressedSize <= UInt64(Self.largestPart) else { throw tooLarge }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard data.count + chunk.count <= Self.largestPart else { throw PartTooLarge() }
                data.append(chunk)
            }
        } catch is PartTooLarge {
            throw tooLarge
        } catch {
            throw XLSXError(fileName: fileName, message: "the part \(path) cannot be unpacked (\(error)); the workbook is damaged (expected a file saved by a spreadsheet program as .xlsx)")
        }
        return data
    }

    /// The main workbook part named by the package relationships (normally `xl/workbook.xml`).
    func officeDocumentPath() throws(XLSXError) -> String {
        if existingPath("_rels/.rels") != nil,
           let target = try relationships(of: "").target(ofTypeEndingWith: "/officeDocument") {
            return target
        }
        guard let fallback = existingPath("xl/workbook.xml") else {
            throw XLSXError(fileName: fileName, message: "the file is a ZIP archive but not an XLSX workbook: it has no workbook part (expected a file saved by a spreadsheet program as .xlsx)")
        }
        return fallback
    }

    /// The relationships of the part at `sourcePath` ("" for the package), targets resolved to
    /// package paths; a part without relationships has none.
    func relationships(of sourcePath: String) throws(XLSXError) -> Relationships {
        let folder = sourcePath.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let fileNameOnly = sourcePath.split(separator: "/").last.map(String.init) ?? ""
        let relationshipsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + fileNameOnly + ".rels"
        guard existingPath(relationshipsPath) != nil else { return Relationships() }
        let xml = try part(relationshipsPath)
        var result = Relationships()
        try XMLPartScanner.scan(xml, partName: relationshipsPath, fileName: fileName, onStart: { name, attributes in
            guard name == "Relationship", attributes["TargetMode"]?.lowercased() != "external",
                  let id = attributes["Id"], let target = attributes["Target"] else { return }
            let resolved = XLSXPackage.resolve(target, relativeTo: folder)
            result.byID[id] = resolved
            result.byType.append((attributes["Type"] ?? "", resolved))
        })
        return result
    }

    /// A relationship target as a package path: absolute (`/xl/…`) or relative to `folder`, with `..` applied.
    static func resolve(_ target: String, relativeTo folder: String) -> String {
        var components: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for component in target.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        return components.joined(separator: "/")
    }
}
