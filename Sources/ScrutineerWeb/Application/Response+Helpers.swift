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
