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

/// A posted form's fields (application/x-www-form-urlencoded).
struct FormFields: Sendable {
    let fields: [String: String]

    subscript(_ name: String) -> String? { fields[name] }

    static func read(_ request: Request, _ context: WebRequestContext) async throws -> FormFields {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        let text = String(buffer: buffer)
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String { String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            guard let name = parts.first else { continue }
            fields[decode(name)] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return FormFields(fields: fields)
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
