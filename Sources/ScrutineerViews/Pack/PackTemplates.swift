import Mustache

/// The pack's Mustache templates, kept as Swift string constants rather than resource files so
/// they are compiled into the module: `Bundle.module` needs its resource bundle beside the
/// executable, which an installed `scrutineer` binary may not have. They are parsed once per
/// process (`PackTemplates.library`). Variables use `{{…}}`, which swift-mustache HTML-escapes;
/// only markup Scrutineer generated itself (icons, SVG charts, rendered content) uses `{{{…}}}`.
enum PackTemplates {
    /// The templates by name: the pages, then the partials they share.
    static let sources: [(name: String, text: String)] = [
        ("page", page), ("summary", summary), ("measure", measure), ("measureKey", measureKey), ("print", print),
        ("table", table), ("figure", figure), ("facts", facts), ("keySection", keySection), ("requestsSection", requestsSection),
        ("risksSection", risksSection),
        ("financeSection", financeSection), ("glossary", glossary),
    ]

    /// Every template parsed, or the first that does not parse.
    static let library = parse(sources)

    /// A library of `sources` (name and text), or the first that does not parse.
    static func parse(_ sources: [(name: String, text: String)]) -> Result<MustacheLibrary, PackRenderError> {
        var library = MustacheLibrary()
        for (name, text) in sources {
            do {
                try library.register(text, named: name)
            } catch {
                return .failure(.template(name: name, message: "\(error)"))
            }
        }
        return .success(library)
    }

    /// A whole page: head, skip link, running header, navigation, main content and footer.
    static let page = """
    <!DOCTYPE html>
    <html lang="en-GB">
    <head>
    <meta charset="utf-8"/>
    <meta name="viewport" content="width=device-width, initial-scale=1"/>
    <title>{{title}}</title>
    <link rel="stylesheet" href="{{stylesheet}}"/>
    </head>
    <body class="{{bodyClass}}">
    <a class="skip-link" href="#main">Skip to main content</a>
    <header class="pack-header">
    <p class="pack-header-committee">{{committeeName}}</p>
    <p class="pack-header-meta">{{councilName}} · {{periodLabel}} · For: {{audienceLabel}}</p>
    {{#hasStage}}<p class="pack-header-stage stage-{{stageClass}}"><strong>{{stageLabel}}</strong></p>{{/hasStage}}
    </header>
    <nav class="pack-nav" aria-label="Pack">
    <ul>
    {{#navigation}}<li><a href="{{href}}"{{#isCurrent}} aria-current="page"{{/isCurrent}}>{{text}}</a></li>
    {{/navigation}}
    </ul>
    </nav>
    <main id="main" tabindex="-1">
    {{{content}}}
    </main>
    <footer class="pack-footer">
    <p>{{attribution}}</p>
    <p>Generated {{generated}} by Scrutineer.</p>
    </footer>
    </body>
    </html>

    """

    /// One line of a cell: icon, words (linked where there is a link). Written into the templates
    /// that use it rather than called as a partial: there are thousands of lines in a pack.
    static let line = """
    <span class="{{cssClass}}">{{{icon}}}{{#link}}<a href="{{href}}">{{text}}</a>{{/link}}{{unlinkedText}}</span>
    """

    /// A data table in a focusable scrolling region.
    static let table = """
    <div class="table-scroll" role="region" aria-label="{{caption}}" tabindex="0">
    <table id="{{id}}" class="{{cssClass}}">
    <caption>{{caption}}</caption>
    <thead><tr>{{#headers}}<th scope="col"{{#isNumeric}} class="num"{{/isNumeric}}>{{{icon}}}{{text}}</th>{{/headers}}</tr></thead>
    <tbody>
    {{{bodyRows}}}</tbody>
    </table>
    </div>
    {{#hasNote}}<p class="table-note">{{note}}</p>{{/hasNote}}

    """

    /// Terms and descriptions.
    static let facts = """
    <dl class="facts">
    {{#items}}<div><dt>{{label}}</dt><dd>{{#lines}}\(line){{/lines}}</dd></div>
    {{/items}}
    </dl>

    """

    /// A chart with its caption, summary, point-type legend and data table.
    static let figure = """
    <div class="chart-group" id="{{id}}-figure">
    <figure class="chart-figure">
    <figcaption>{{caption}}</figcaption>
    <div class="chart-box">{{{svg}}}</div>
    </figure>
    <p class="chart-summary">{{summary}}</p>
    {{#hasPointTypes}}<ul class="point-types">{{#pointTypes}}<li>\(line)</li>{{/pointTypes}}</ul>{{/hasPointTypes}}
    {{#table}}{{>table}}{{/table}}
    </div>

    """

    /// The summary: the report's first page.
    static let summary = """
    <h1>{{heading}}</h1>
    {{#hasStage}}<p class="report-stage stage-{{stageClass}}"><strong>{{stageLabel}}.</strong> {{stageNote}}</p>{{/hasStage}}
    {{#facts}}{{>facts}}{{/facts}}
    <p class="audience-note">{{audienceNote}}</p>
    <section class="headline" aria-labelledby="headline">
    <h2 id="headline">Headline</h2>
    <p class="headline-sentence">{{headline}}</p>
    {{#statusTable}}{{>table}}{{/statusTable}}
    {{#directionTable}}{{>table}}{{/directionTable}}
    </section>
    {{#themes}}
    <section class="theme" aria-labelledby="{{id}}">
    <h2 id="{{id}}">{{name}}</h2>
    {{#hasOwner}}<p class="owner">Owner: {{owner}}</p>{{/hasOwner}}
    <p>{{sentence}}</p>
    {{#table}}{{>table}}{{/table}}
    </section>
    {{/themes}}
    {{#requests}}{{>requestsSection}}{{/requests}}
    {{#finance}}{{>financeSection}}{{/finance}}
    {{#risks}}{{>risksSection}}{{/risks}}
    {{#hasData}}
    <section class="data-files" aria-labelledby="data">
    <h2 id="data">The data behind this report</h2>
    <ul>
    {{#dataLinks}}<li>{{#hasHref}}<a href="{{href}}">{{text}}</a>{{/hasHref}}{{^hasHref}}{{text}}{{/hasHref}}</li>
    {{/dataLinks}}
    </ul>
    </section>
    {{/hasData}}
    {{>keySection}}

    """

    /// The committee's requests the report lists (the pack's summary, the site's committee page).
    static let requestsSection = """
    <section class="requests" aria-labelledby="requests">
    <h2 id="requests">Requests from the committee</h2>
    <p>{{sentence}}</p>
    {{#table}}{{>table}}{{/table}}
    </section>

    """

    /// The risks the committee owns, as the report lists them (the pack's summary, the site's
    /// committee page).
    static let risksSection = """
    <section class="risks" aria-labelledby="risks">
    <h2 id="risks">Risks the committee owns</h2>
    <p>{{sentence}}</p>
    {{#hasMatrix}}{{#matrix}}{{>table}}{{/matrix}}{{/hasMatrix}}
    {{#table}}{{>table}}{{/table}}
    </section>

    """

    /// The committee's finance return, as the report shows it (the pack's summary, the site's
    /// committee page).
    static let financeSection = """
    <section class="finance" aria-labelledby="finance">
    <h2 id="finance">Finance</h2>
    <p>{{sentence}}</p>
    {{#parts}}
    <section aria-labelledby="{{id}}">
    <h3 id="{{id}}">{{heading}}</h3>
    <p>{{sentence}}</p>
    {{#table}}{{>table}}{{/table}}
    {{#hasChart}}{{#chart}}{{>figure}}{{/chart}}{{/hasChart}}
    </section>
    {{/parts}}
    </section>

    """

    /// The key to every symbol on a page (the pack's summary, a theme's dashboard), as a table.
    static let keySection = """
    <section class="key" aria-labelledby="key">
    <h2 id="key">Key</h2>
    <p>Every symbol used above, with what it means. Each symbol is always shown with its words; colour is never the only signal.</p>
    {{#key}}{{>table}}{{/key}}
    </section>

    """

    /// The words and abbreviations a page uses, explained (`PackGlossary`).
    static let glossary = """
    <section class="glossary" aria-labelledby="glossary">
    <h2 id="glossary">Words and abbreviations</h2>
    <p>What the words and abbreviations used on this page mean.</p>
    <dl class="facts glossary-list">
    {{#entries}}<div><dt>{{term}}</dt><dd>{{meaning}}</dd></div>
    {{/entries}}</dl>
    </section>

    """

    /// One measure: what it is, its latest figure, status, direction, trend, benchmarks, SPC,
    /// breakdowns and commentary, with headings from h1 (its own page; the printed pack shifts
    /// them one level down, see `PackRenderer`). Each section is named by its heading and the
    /// measure's title, so the printed pack's 20-odd "In short" regions are told apart.
    static let measure = """
    <article class="measure" id="{{anchor}}" aria-labelledby="{{anchor}}-title">
    <h1 id="{{anchor}}-title">{{title}}</h1>
    <p class="measure-meta">Code {{code}}{{#hasTheme}} · Theme: {{theme}}{{/hasTheme}}{{#isIllustrative}} · <strong class="illustrative">Illustrative values, not real data</strong>{{/isIllustrative}}</p>
    {{#isRevisedSincePublication}}<p class="revised-notice"><strong>Revised since publication:</strong> {{sincePublicationSentence}} <a href="#{{anchor}}-revised-since">What the figures became</a>.</p>{{/isRevisedSincePublication}}
    <section class="in-short" aria-labelledby="{{anchor}}-in-short {{anchor}}-title">
    <h2 id="{{anchor}}-in-short">In short</h2>
    <p>{{inShort}}</p>
    </section>
    <section aria-labelledby="{{anchor}}-about {{anchor}}-title">
    <h2 id="{{anchor}}-about">About this measure</h2>
    {{#about}}{{>facts}}{{/about}}
    </section>
    <section aria-labelledby="{{anchor}}-latest {{anchor}}-title">
    <h2 id="{{anchor}}-latest">Latest figure and data currency</h2>
    {{#latest}}{{>facts}}{{/latest}}
    <p class="reason">{{currencyReason}}</p>
    </section>
    <section aria-labelledby="{{anchor}}-status {{anchor}}-title">
    <h2 id="{{anchor}}-status">Status against target</h2>
    <p class="judgement">{{#status}}\(line){{/status}}</p>
    <p class="reason">{{statusReason}}</p>
    {{#hasTargets}}{{#targets}}{{>table}}{{/targets}}{{/hasTargets}}
    {{^hasTargets}}<p>No target is in force for this period.</p>{{/hasTargets}}
    </section>
    <section aria-labelledby="{{anchor}}-direction {{anchor}}-title">
    <h2 id="{{anchor}}-direction">Direction of travel</h2>
    <p class="judgement">{{#direction}}\(line){{/direction}}</p>
    <p class="reason">{{directionReason}}</p>
    </section>
    <section aria-labelledby="{{anchor}}-trend {{anchor}}-title">
    <h2 id="{{anchor}}-trend">Trend</h2>
    {{#hasTrend}}{{#trend}}{{>figure}}{{/trend}}{{/hasTrend}}
    {{^hasTrend}}<p>{{noTrend}}</p>{{/hasTrend}}
    </section>
    <section aria-labelledby="{{anchor}}-benchmarks {{anchor}}-title">
    <h2 id="{{anchor}}-benchmarks">Benchmarks</h2>
    {{#hasBenchmarks}}{{#benchmarks}}{{>table}}{{/benchmarks}}
    <p class="reason">{{comparisonReason}}</p>{{/hasBenchmarks}}
    {{^hasBenchmarks}}<p>{{noBenchmarks}}</p>{{/hasBenchmarks}}
    </section>
    {{#hasSPC}}
    <section aria-labelledby="{{anchor}}-spc {{anchor}}-title">
    <h2 id="{{anchor}}-spc">Statistical process control</h2>
    <p class="judgement">{{#spcLines}}\(line){{/spcLines}}</p>
    <p class="reason">{{spcReason}}</p>
    {{#spc}}{{>figure}}{{/spc}}
    </section>
    {{/hasSPC}}
    {{#hasSPCAbsence}}
    <section aria-labelledby="{{anchor}}-spc {{anchor}}-title">
    <h2 id="{{anchor}}-spc">Statistical process control</h2>
    <p class="reason">{{spcAbsence}}</p>
    </section>
    {{/hasSPCAbsence}}
    {{#hasBreakdowns}}
    <section aria-labelledby="{{anchor}}-breakdowns {{anchor}}-title">
    <h2 id="{{anchor}}-breakdowns">Breakdowns</h2>
    {{#breakdowns}}{{>table}}{{/breakdowns}}
    </section>
    {{/hasBreakdowns}}
    {{#hasRevisions}}
    <section aria-labelledby="{{anchor}}-revisions {{anchor}}-title">
    <h2 id="{{anchor}}-revisions">Revised figures</h2>
    <p>{{revisionsSentence}}</p>
    {{#hasRevisionsTable}}{{#revisions}}{{>table}}{{/revisions}}{{/hasRevisionsTable}}
    {{#hasSincePublication}}
    <section aria-labelledby="{{anchor}}-revised-since {{anchor}}-title">
    <h3 id="{{anchor}}-revised-since">Revised since this report was published</h3>
    <p>{{sincePublicationSentence}}{{#hasSincePublicationTable}} The report above shows each figure as the committee read it; the table shows what it became.{{/hasSincePublicationTable}}</p>
    {{#hasSincePublicationTable}}{{#sincePublication}}{{>table}}{{/sincePublication}}{{/hasSincePublicationTable}}
    </section>
    {{/hasSincePublication}}
    </section>
    {{/hasRevisions}}
    <section class="commentary" aria-labelledby="{{anchor}}-commentary {{anchor}}-title">
    <h2 id="{{anchor}}-commentary">Commentary</h2>
    <div class="commentary-slot" data-commentary-for="{{code}}">
    {{#hasCommentary}}{{#commentary}}<p>{{.}}</p>{{/commentary}}{{/hasCommentary}}
    {{^hasCommentary}}<p class="placeholder">No commentary was given.</p>{{/hasCommentary}}
    </div>
    </section>
    </article>

    """

    /// The key at the foot of a measure's own page.
    static let measureKey = """
    <section class="key" aria-labelledby="{{anchor}}-key">
    <h2 id="{{anchor}}-key">Key</h2>
    {{#key}}{{>table}}{{/key}}
    </section>

    """

    /// The printed pack: the summary, then each measure on its own pages.
    static let print = """
    <div class="print-summary">
    {{{summary}}}
    </div>
    {{#measures}}
    <div class="measure-page">
    {{{.}}}
    </div>
    {{/measures}}

    """
}
