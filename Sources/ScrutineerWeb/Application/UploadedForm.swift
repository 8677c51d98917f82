import Foundation
import Hummingbird
import MultipartKit
import ScrutineerFormats

/// A form sent as `multipart/form-data` (one with a file input): its text fields, and its files
/// with the names they had on the sender's computer.
struct UploadedForm: Sendable {
    let fields: FormFields
    /// The files of the field `fileField`, in the order sent; a file input left empty sends none.
    let files: [PublishedFile]

    /// The largest form read: a council's spreadsheets, not a national release.
    static let largestUpload = 25 * 1024 * 1024

    static func read(_ request: Request, fileField: String) async throws -> UploadedForm {
        guard let type = request.headers[.contentType], let boundary = boundary(of: type) else {
            throw WebError.badParameter(fileField, "\(fileField): the form was not sent as multipart/form-data (expected the page's form, which sends its files)")
        }
        var request = request
        let body = try await request.collectBody(upTo: largestUpload)
        var fields: [String: String] = [:]
        var files: [PublishedFile] = []
        var headers: [String: String] = [:]
        var content = ByteBuffer()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { chunk in content.writeBuffer(&chunk) }
        parser.onPartComplete = {
            let disposition = parameters(of: headers["content-disposition"] ?? "")
            if let name = disposition["name"] {
                if let fileName = disposition["filename"] {
                    // The file's own name, without the folders some browsers send.
                    let base = fileName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
                    if name == fileField, !base.isEmpty { files.append(PublishedFile(name: base, data: Data(buffer: content))) }
                } else if fields[name] == nil {
                    fields[name] = String(buffer: content)
                }
            }
            headers = [:]
            content = ByteBuffer()
        }
        do {
            try parser.execute(body)
        } catch {
            throw WebError.badParameter(fileField, "\(fileField): the form's contents could not be read (expected multipart/form-data as a browser sends it)")
        }
        return UploadedForm(fields: FormFields(fields: fields), files: files)
    }

    /// The `boundary` parameter of a `multipart/form-data` content type.
    static func boundary(of contentType: String) -> String? {
        let parts = contentType.split(separator: ";", maxSplits: 1)
        guard parts.first?.trimmingCharacters(in: .whitespaces).lowercased() == "multipart/form-data", parts.count == 2 else { return nil }
        let boundary = parameters(of: "x; " + parts[1])["boundary"]
        return boundary?.isEmpty == false ? boundary : nil
    }

    /// The `name=value` and `name="quoted value"` parameters after a header's first `;`, by
    /// lower-cased name (`form-data; name="file"; filename="a; b.csv"`); the first of a repeated name.
    static func parameters(of header: String) -> [String: String] {
        var result: [String: String] = [:]
        var rest = Substring(header)
        guard let first = rest.firstIndex(of: ";") else { return result }
        rest = rest[rest.index(after: first)...]
        while !rest.isEmpty {
            rest = rest.drop { $0 == " " || $0 == "\t" || $0 == ";" }
            guard let equals = rest.firstIndex(of: "=") else { break }
            let name = rest[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            rest = rest[rest.index(after: equals)...]
            var value = ""
            if rest.first == "\"" {
                // Browsers write a quote in a file name as %22 and escape nothing else (WHATWG HTML,
                // multipart/form-data encoding), so a backslash is part of the name.
                rest = rest.dropFirst()
                let end = rest.firstIndex(of: "\"") ?? rest.endIndex
                value = String(rest[..<end])
                rest = rest[end...].drop { $0 != ";" }
            } else {
                let end = rest.firstIndex(of: ";") ?? rest.endIndex
                value = rest[..<end].trimmingCharacters(in: .whitespaces)
                rest = rest[end...]
            }
            if result[name] == nil { result[name] = value }
        }
        return result
    }
}
