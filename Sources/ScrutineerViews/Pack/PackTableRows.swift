/// A data table's body rows as HTML, written here rather than by the table template: a pack's
/// tables hold thousands of cells, and a template looks up each cell's fields by name, which made
/// the rows most of a pack's render. The markup is what the template wrote (`PackTemplates.line`),
/// and every text is escaped as the templates escape it (`HTMLText.escaped`).
extension PackTable {
    /// Each row as `<tr>…</tr>` and a line end.
    var bodyRows: String {
        var html = ""
        html.reserveCapacity(rows.count * 160)
        for row in rows {
            html += "<tr><th scope=\"row\">"
            row.header.appendContent(to: &html)
            html += "</th>"
            for cell in row.cells {
                html += cell.isNumeric ? "<td class=\"num\">" : "<td>"
                cell.appendContent(to: &html)
                html += "</td>"
            }
            html += "</tr>\n"
        }
        return html
    }
}

extension PackCell {
    /// The cell's lines, a plain one as a bare span.
    func appendContent(to html: inout String) {
        if isPlain {
            html += "<span class=\"line\">"
            html += HTMLText.escaped(plain)
            html += "</span>"
        } else {
            for line in lines { line.append(to: &html) }
        }
    }
}

extension PackLine {
    /// `<span class="line">` with the line's icon (markup, as drawn) and its words, linked or not.
    func append(to html: inout String) {
        html += "<span class=\""
        html += HTMLText.escaped(cssClass)
        html += "\">"
        html += icon
        for link in link {
            html += "<a href=\""
            html += HTMLText.escaped(link.href)
            html += "\">"
            html += HTMLText.escaped(link.text)
            html += "</a>"
        }
        html += HTMLText.escaped(unlinkedText)
        html += "</span>"
    }
}

/// Text made safe inside HTML text and quoted attribute values: `<`, `>`, `&`, `"` and `'` as
/// the templates' own escaping writes them (`&lt;`, `&gt;`, `&amp;`, `&quot;`, `&#39;`).
enum HTMLText {
    static func escaped(_ text: String) -> String {
        var needs = false
        for byte in text.utf8 where byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            needs = true
            break
        }
        guard needs else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "<"): bytes += Array("&lt;".utf8)
            case UInt8(ascii: ">"): bytes += Array("&gt;".utf8)
            case UInt8(ascii: "&"): bytes += Array("&amp;".utf8)
            case UInt8(ascii: "\""): bytes += Array("&quot;".utf8)
            case UInt8(ascii: "'"): bytes += Array("&#39;".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
