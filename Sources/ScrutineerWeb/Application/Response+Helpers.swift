import Foundation
import Hummingbird

extension Response {
    /// A response with `body` and its content type.
    static func body(_ body: Data, status: HTTPResponse.Status = .ok, contentType: String, cacheControl: String = "no-store") -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = cacheControl
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// An HTML page.
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        body(Data(text.utf8), status: status, contentType: "text/html; charset=utf-8")
    }

    /// JSON.
    static func json(_ data: Data, status: HTTPResponse.Status = .ok) -> Response {
        body(data, status: status, contentType: "application/json; charset=utf-8")
    }

    /// A file to save: CSV or XLSX.
    static func download(_ data: Data, fileExtension: String, fileName: String) -> Response {
        let type = fileExtension == "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8"
        var response = body(data, contentType: type)
        response.headers[.contentDisposition] = "attachment; filename=\"\(fileName.replacingOccurrences(of: "\"", with: ""))\""
        return response
    }
}

extension WebRequestContext {
    /// A path parameter, percent-decoded.
    func parameter(_ name: String) throws -> String {
        guard let raw = parameters.get(name) else { throw WebError.badParameter(name, "\(name): missing") }
        guard let decoded = raw.removingPercentEncoding else { throw WebError.badParameter(name, "\(name): \(raw) is not percent-encoded correctly") }
        return decoded
    }
}

extension Request {
    /// The query string's parameters as a browser's GET form sends them (`+` is a space, then
    /// percent-decoding), in order; Hummingbird's own decoding leaves `+` as it is.
    var formQuery: [(name: String, value: String)] {
        FormFields.pairs(uri.query ?? "")
    }

    /// One query parameter, decoded as a form sends it; nil when absent.
    func queryValue(_ name: String) -> String? {
        formQuery.first { $0.name == name }?.value
    }
}

/// A posted form's fields (application/x-www-form-urlencoded).
struct FormFields: Sendable {
    let fields: [String: String]

    subscript(_ name: String) -> String? { fields[name] }

    static func read(_ request: Request, _ context: WebRequestContext) async throws -> FormFields {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        var fields: [String: String] = [:]
        for (name, value) in pairs(String(buffer: buffer)) where fields[name] == nil { fields[name] = value }
        return FormFields(fields: fields)
    }

    /// `a=1&b=two+words` as name–value pairs: `+` is a space, then percent-decoding.
    static func pairs(_ text: String) -> [(name: String, value: String)] {
        func decode(_ s: Substring) -> String { String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
        return text.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = parts.first else { return nil }
            return (decode(name), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    /// The `period` field as a reporting period.
    func period() throws -> Period {
        let text = fields["period"] ?? ""
        do {
            return try Period.parse(text, yearType: .financial)
        } catch {
            throw WebError.badParameter("period", "period: \(error) (expected a reporting period such as 2026/27 Q2)")
        }
    }
}

import ScrutineerCore

/// Cross-site request forgery protection: every form that changes something carries the
/// session's token, and the request is refused unless it matches.
enum CSRF {
    static func check(_ form: FormFields, _ viewer: Viewer) throws {
        guard viewer.account != nil else { throw WebError.signInRequired }
        guard Credentials.constantTimeEqual(form["csrf"] ?? "", viewer.csrfToken) else {
            throw WebError(.forbidden, "The form had expired or did not come from this site (its security token did not match). Go back, reload the page and try again.")
        }
    }
}
