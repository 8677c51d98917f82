/// A data table's body rows as HTML, written here rather than by the table template: a pack's
/// tables hold thousands of cells, and a template looks up each cell's fields by name, which made
/// the rows most of a pack's render. The markup is what the template wrote (`PackTemplates.line`),
/// and every text is escaped as the templates escape it (`escape`).
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
            html += escape(plain)
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
        html += escape(cssClass)
        html += "\">"
        html += icon
        for link in link {
            html += "<a href=\""
            html += escape(link.href)
            html += "\">"
            html += escape(link.text)
            html += "</a>"
        }
        html += escape(unlinkedText)
        html += "</span>"
    }
}
