/// The pack's stylesheet (`pack.css`): the screen layout (responsive, GOV.UK colours with WCAG 2.2
/// AA contrast, visible focus) and the print layout (A4, a running header with the committee and
/// period in the page margin, page numbers, a page break before each measure, tables that wrap
/// rather than overflow, charts that scale to the page).
enum PackStylesheet {
    /// The stylesheet with `runningHeader` and `runningTitle` printed at the top of every page.
    static func css(runningHeader: String, runningTitle: String, attribution: String) -> String {
        """
        @charset "UTF-8";
        /* Scrutineer committee pack. Colours: GOV.UK palette; every text colour has 4.5:1 or more
           against its background, every graphic needed to read a chart 3:1 or more. */
        :root {
          --text: #0b0c0c; --muted: #484949; --link: #1d70b8; --visited: #4c2c92; --focus: #ffdd00;
          --border: #b1b4b6; --panel: #f3f2f1;
        }
        *, *::before, *::after { box-sizing: border-box; }
        html { font-family: Arial, Helvetica, sans-serif; font-size: 100%; line-height: 1.45; color: var(--text); background: #ffffff; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body { margin: 0; }
        a { color: var(--link); text-decoration: underline; text-underline-offset: 0.15em; }
        a:visited { color: var(--visited); }
        a:hover { color: #003078; text-decoration-thickness: 3px; }
        a:focus, a:focus-visible { outline: 3px solid transparent; color: var(--text); background-color: var(--focus); box-shadow: 0 -2px var(--focus), 0 4px var(--text); text-decoration: none; }
        [tabindex="0"]:focus, [tabindex="0"]:focus-visible { outline: 3px solid var(--text); outline-offset: 2px; box-shadow: 0 0 0 7px var(--focus); }
        main:focus { outline: none; }

        .skip-link { position: absolute; left: 0.5rem; top: -4rem; z-index: 10; padding: 0.5rem 1rem; background: var(--focus); color: var(--text); }
        .skip-link:focus { top: 0.5rem; }

        .pack-header { background: var(--text); color: #ffffff; padding: 0.5rem 1rem; }
        .pack-header p { margin: 0; }
        .pack-header-committee { font-weight: 700; }
        .pack-nav { border-bottom: 1px solid var(--border); background: var(--panel); }
        .pack-nav ul { list-style: none; margin: 0 auto; max-width: 75rem; padding: 0.25rem 1rem; display: flex; flex-wrap: wrap; gap: 0 1.25rem; }
        .pack-nav a { display: inline-block; padding: 0.35rem 0; min-height: 24px; }
        .pack-nav a[aria-current="page"] { font-weight: 700; color: var(--text); }

        main { display: block; max-width: 75rem; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.9rem; line-height: 1.2; margin: 0.5rem 0 1rem; }
        h2 { font-size: 1.45rem; line-height: 1.25; margin: 2rem 0 0.75rem; }
        h3 { font-size: 1.2rem; margin: 1.5rem 0 0.5rem; }
        h4 { font-size: 1.05rem; margin: 1.25rem 0 0.5rem; }
        article.measure > h2 { font-size: 1.7rem; }
        p { margin: 0 0 0.75rem; max-width: 50rem; }

        .facts { margin: 0 0 1rem; }
        .facts > div { display: grid; grid-template-columns: minmax(9rem, 15rem) 1fr; gap: 0 1rem; padding: 0.35rem 0; border-bottom: 1px solid var(--border); }
        .facts dt { font-weight: 700; }
        .facts dd { margin: 0; }
        .report-stage { border-left: 5px solid var(--text); padding: 0.5rem 1rem; }
        .report-stage.stage-draft, .report-stage.stage-checked, .report-stage.stage-earlier { border: 3px solid var(--text); background: #fff7bf; }
        .pack-header .pack-header-stage { margin-top: 0.25rem; }
        .pack-header-stage.stage-draft strong, .pack-header-stage.stage-checked strong, .pack-header-stage.stage-earlier strong { background: #fff7bf; color: var(--text); padding: 0 0.35rem; }
        .audience-note { border-left: 5px solid var(--link); background: var(--panel); padding: 0.5rem 1rem; }
        .headline-sentence { font-size: 1.2rem; font-weight: 700; }
        .measure-meta { color: var(--muted); }
        .illustrative { color: var(--text); background: #fff7bf; border: 1px solid var(--text); padding: 0 0.25rem; }
        .reason { max-width: 50rem; }
        .judgement .line { display: inline-flex; align-items: center; margin-right: 1.25rem; font-weight: 700; }

        .table-scroll { overflow-x: auto; max-width: 100%; margin: 0 0 1.5rem; position: relative; }
        table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
        table.measures { min-width: 62rem; }
        table.counts { min-width: 36rem; }
        caption { text-align: left; font-weight: 700; padding: 0.25rem 0 0.5rem; }
        th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.5rem; border-bottom: 1px solid var(--border); }
        thead th { border-bottom: 2px solid var(--text); vertical-align: bottom; }
        tbody th { font-weight: 700; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        td .line, th .line, .facts dd .line { display: block; }
        .note { font-size: 0.86em; color: var(--muted); font-weight: 400; }
        .table-note { font-size: 0.9rem; color: var(--muted); }
        .icon { width: 1.15em; height: 1.15em; vertical-align: -0.22em; margin-right: 0.3em; flex: none; }
        .marker-key { width: 1em; height: 1em; vertical-align: -0.12em; margin-right: 0.35em; }
        .point-types { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; }

        figure { margin: 0 0 2rem; }
        /* A chart's figure holds the chart and its caption alone, so a PDF tags only the chart as a
           figure; its summary and data table follow it, read as text and a table. */
        .chart-group { margin: 0 0 2rem; }
        .chart-group figure { margin: 0 0 0.5rem; }
        figcaption { font-weight: 700; margin-bottom: 0.5rem; }
        .chart-box { max-width: 46rem; }
        svg.chart { display: block; width: 100%; height: auto; }
        .chart text { font-family: Arial, Helvetica, sans-serif; font-size: 12px; fill: var(--text); }
        .chart .grid { stroke: #dcdcdc; stroke-width: 1; }
        .chart .axis { stroke: var(--text); stroke-width: 1; }
        .risk-matrix { table-layout: fixed; min-width: 40rem; }
        .risk-matrix td { vertical-align: top; }
        .risk-matrix .band-low, .risk-matrix .band-medium, .risk-matrix .band-high { display: block; padding: 0 0.25rem; border-left: 6px solid; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
        .risk-matrix .band-low { background: #cce2d8; border-color: #00703c; }
        .risk-matrix .band-medium { background: #fff7bf; border-color: #b58840; }
        .risk-matrix .band-high { background: #f6d7d2; border-color: #d4351c; }
        .chart .series-primary path, .chart .series-primary line { stroke: #1d70b8; }
        .chart .series-primary .marker { fill: #1d70b8; }
        .chart .series-target path, .chart .series-target line { stroke: #0b0c0c; }
        .chart .series-england path, .chart .series-england line, .chart .series-other1 path, .chart .series-other1 line { stroke: #505a5f; }
        .chart .series-england .marker, .chart .series-other1 .marker { fill: #505a5f; }
        .chart .series-region path, .chart .series-region line, .chart .series-other2 path, .chart .series-other2 line { stroke: #00625e; }
        .chart .series-region .marker, .chart .series-other2 .marker { fill: #00625e; }
        .chart .series-neighbours path, .chart .series-neighbours line, .chart .series-other3 path, .chart .series-other3 line { stroke: #912b88; }
        .chart .series-neighbours .marker, .chart .series-other3 .marker { fill: #912b88; }
        .chart .series-centreLine path, .chart .series-centreLine line { stroke: #0b0c0c; }
        .chart .series-processLimit path, .chart .series-processLimit line { stroke: #505a5f; }
        .chart .series .marker.point-common, .marker-key .marker.point-common { fill: #505a5f; }
        .chart .series .marker.point-improvement, .marker-key .marker.point-improvement { fill: #1d70b8; }
        .chart .series .marker.point-concern, .marker-key .marker.point-concern { fill: #b14c00; }
        .chart .series .marker.point-neutral, .marker-key .marker.point-neutral { fill: #4c2c92; }
        .chart .legend text { font-size: 12px; }
        /* Windows high contrast (forced colours): SVG keeps the colours written above, which may be
           dark on a dark background, so the charts take the system's colours; lines still differ
           by dash pattern and markers by shape. */
        @media (forced-colors: active) {
          .chart text { fill: CanvasText; }
          .chart .axis, .chart .series path, .chart .series line, .chart .legend path, .chart .legend line { stroke: CanvasText; }
          .chart .grid { stroke: GrayText; }
          .chart .series .marker, .chart .legend .marker, .marker-key .marker { fill: CanvasText; stroke: Canvas; }
          .chart .series-primary path, .chart .series-primary line, .chart .legend.series-primary path, .chart .legend.series-primary line { stroke: Highlight; }
          .chart .series-primary .marker, .chart .legend.series-primary .marker { fill: Highlight; }
        }

        .commentary-slot { border: 2px dashed var(--border); padding: 0.75rem 1rem; min-height: 3rem; }
        .commentary-slot p { white-space: pre-line; overflow-wrap: anywhere; }
        p, li { overflow-wrap: break-word; }
        .facts dt, .facts dd { min-width: 0; overflow-wrap: anywhere; }
        .placeholder { color: var(--muted); margin: 0; }
        .key-table .icon { width: 1.3em; height: 1.3em; }
        .pack-footer { border-top: 1px solid var(--border); margin-top: 2rem; padding: 1rem; font-size: 0.9rem; }
        .pack-footer p { max-width: 75rem; margin: 0 auto 0.25rem; }

        @media (max-width: 40rem) {
          h1 { font-size: 1.5rem; }
          h2 { font-size: 1.25rem; }
          .facts > div { grid-template-columns: 1fr; }
          main { padding: 0.75rem; }
        }

        @page {
          size: A4 portrait;
          margin: 18mm 13mm 16mm 13mm;
          @top-left { content: "\(cssString(runningHeader))"; font: 8pt Arial, Helvetica, sans-serif; color: #0b0c0c; }
          @top-right { content: "\(cssString(runningTitle))"; font: 8pt Arial, Helvetica, sans-serif; color: #0b0c0c; }
          @bottom-left { content: "\(cssString(attribution))"; font: 7pt Arial, Helvetica, sans-serif; color: #0b0c0c; }
          @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt Arial, Helvetica, sans-serif; color: #0b0c0c; }
        }

        @media print {
          html { font-size: 9.5pt; }
          .skip-link, .pack-nav { display: none; }
          .pack-header { background: none; color: #0b0c0c; border-bottom: 2px solid #0b0c0c; padding: 0 0 2mm; }
          main { max-width: none; padding: 0; }
          a, a:visited { color: #0b0c0c; text-decoration: none; }
          h1, h2, h3, h4, caption, figcaption { break-after: avoid; page-break-after: avoid; }
          p, dl > div { orphans: 3; widows: 3; }
          .table-scroll { overflow: visible; }
          table, table.measures, table.counts, table.risk-matrix { min-width: 0; width: 100%; font-size: 8pt; }
          th, td { padding: 1.5pt 3pt; overflow-wrap: break-word; hyphens: auto; }
          thead { display: table-header-group; }
          tr, .facts > div, .chart-box, .point-types { break-inside: avoid; page-break-inside: avoid; }
          .chart-box { max-width: 150mm; }
          svg.chart { width: 100%; height: auto; }
          .measure-page { break-before: page; page-break-before: always; }
          .print-summary .key, .print-summary .theme { break-before: page; page-break-before: always; }
          .commentary-slot { min-height: 25mm; }
          .pack-footer { border: 0; padding: 0; margin-top: 4mm; font-size: 7.5pt; }
        }

        """
    }

    /// `text` as the inside of a CSS string: backslashes, quotes and line breaks escaped.
    static func cssString(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n", "\r": out += "\\A "
            case "<": out += "\\3C "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
