import Mustache

/// The site's templates, beside the pack's (whose tables, figures, facts and measure sections the
/// site reuses), compiled into the module like the pack's. `{{…}}` is escaped; `{{{…}}}` holds
/// markup Scrutineer generated.
enum SiteTemplates {
    /// The pack's templates and the site's, parsed once per process.
    static let library = PackTemplates.parse(PackTemplates.sources + sources)

    static let sources: [(name: String, text: String)] = [
        ("sitePage", page), ("siteHome", home), ("siteCommittee", committee), ("siteTheme", theme), ("siteMeasureExtras", measureExtras),
        ("siteCompare", compare), ("siteSearch", search), ("siteSignIn", signIn), ("siteMessage", message),
        ("siteImport", importFiles),
    ]

    /// A whole page: head, skip link, header with search and sign-in, breadcrumbs, section
    /// navigation, main content and footer.
    static let page = """
    <!DOCTYPE html>
    <html lang="en-GB">
    <head>
    <meta charset="utf-8"/>
    <meta name="viewport" content="width=device-width, initial-scale=1"/>
    <title>{{title}} – Scrutineer</title>
    <link rel="stylesheet" href="{{stylesheet}}"/>
    </head>
    <body class="site {{bodyClass}}">
    <a class="skip-link" href="#main">Skip to main content</a>
    <header class="site-header">
    <div class="site-header-inner">
    <p class="site-name"><a href="{{homeHref}}">Scrutineer</a> <span class="site-tagline">performance reports for scrutiny committees</span></p>
    <form class="site-search" role="search" method="get" action="{{searchHref}}">
    <label for="site-search-q">Search measures</label>
    <input id="site-search-q" name="q" type="search" value="{{query}}" autocomplete="off"/>
    <button type="submit">Search</button>
    </form>
    <div class="site-account">
    {{#isSignedIn}}<p>Signed in as {{signedInAs}}</p>
    <form method="post" action="{{signOutHref}}"><input type="hidden" name="csrf" value="{{csrfToken}}"/><button type="submit">Sign out</button></form>{{/isSignedIn}}
    {{^isSignedIn}}<p><a href="{{signInHref}}">Sign in</a></p>{{/isSignedIn}}
    </div>
    </div>
    </header>
    {{#hasBreadcrumbs}}<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>{{#breadcrumbs}}<li>{{#isCurrent}}<span aria-current="page">{{text}}</span>{{/isCurrent}}{{^isCurrent}}<a href="{{href}}">{{text}}</a>{{/isCurrent}}</li>{{/breadcrumbs}}</ol></nav>{{/hasBreadcrumbs}}
    {{#hasNavigation}}<nav class="pack-nav" aria-label="{{navigationLabel}}">
    <ul>
    {{#navigation}}<li><a href="{{href}}"{{#isCurrent}} aria-current="page"{{/isCurrent}}>{{text}}</a></li>
    {{/navigation}}
    </ul>
    </nav>{{/hasNavigation}}
    <main id="main" tabindex="-1">
    {{#hasStanding}}<p class="report-stage stage-{{stageClass}}"><strong>{{stageLabel}}.</strong> {{stageNote}}</p>{{/hasStanding}}
    {{{content}}}
    </main>
    <footer class="pack-footer">
    <p>{{attribution}}</p>
    <p>Scrutineer · <a href="{{apiHref}}">JSON API (OpenAPI description)</a></p>
    </footer>
    </body>
    </html>

    """

    /// The site's front page: every committee the reader may see.
    static let home = """
    <h1>Committee performance reports</h1>
    <p>Each committee's report sets its key measures against their targets, their direction of travel, England, the region and similar councils, with the reason for every judgement in words.</p>
    {{#hasCommittees}}<ul class="tiles">
    {{#committees}}<li class="tile"><h2><a href="{{href}}">{{name}}</a></h2><p>{{councilName}}</p><p class="note">{{status}}</p></li>
    {{/committees}}
    </ul>{{/hasCommittees}}
    {{^hasCommittees}}<p>No reports have been published yet.</p>{{/hasCommittees}}

    """

    /// A committee's home: the report's stage and period, the headline, and a tile per theme.
    static let committee = """
    <h1>{{heading}}</h1>
    {{#facts}}{{>facts}}{{/facts}}
    <p class="report-stage stage-{{stageClass}}"><strong>{{stageLabel}}.</strong> {{stageNote}}</p>
    <p class="audience-note">{{audienceNote}}</p>
    {{#hasPublications}}<nav class="publications" aria-labelledby="publications">
    <h2 id="publications">Publications of this report</h2>
    <p>Each publication is kept as the committee read it.</p>
    <ol>{{#publications}}<li>{{#isCurrent}}<a href="{{href}}" aria-current="page">{{text}}</a> (shown here){{/isCurrent}}{{^isCurrent}}<a href="{{href}}">{{text}}</a>{{/isCurrent}}</li>
    {{/publications}}</ol>
    </nav>{{/hasPublications}}
    {{#hasRevisedSincePublication}}<section class="revised-notice" aria-labelledby="revised-since-publication">
    <h2 id="revised-since-publication">Figures revised since publication</h2>
    <p>{{revisedSincePublicationSentence}} The report shows each figure as the committee read it; each measure's page says what it became.</p>
    <ul>{{#revisedSincePublication}}<li><a href="{{href}}">{{text}}</a></li>{{/revisedSincePublication}}</ul>
    </section>{{/hasRevisedSincePublication}}
    <form class="period-form" method="get" action="{{committeeHref}}">
    <label for="period">Reporting period</label>
    <select id="period" name="period">
    {{#periods}}<option value="{{label}}"{{#isCurrent}} selected{{/isCurrent}}>{{text}}</option>
    {{/periods}}
    </select>
    <button type="submit">Show this period</button>
    </form>
    {{#canPublish}}<form class="publish-form" method="post" action="{{publishAction}}">
    <input type="hidden" name="csrf" value="{{csrfToken}}"/>
    <input type="hidden" name="period" value="{{periodLabel}}"/>
    <label for="stage">Sign-off stage of this report</label>
    {{#isDraft}}<p class="hint" id="stage-hint">Draft, then checked, then published: a draft is published once it has been checked.</p>{{/isDraft}}
    <select id="stage" name="stage"{{#isDraft}} aria-describedby="stage-hint"{{/isDraft}}>{{#stages}}<option value="{{value}}"{{#isCurrent}} selected{{/isCurrent}}>{{text}}</option>{{/stages}}</select>
    <button type="submit">Save stage</button>
    </form>
    {{#hasSmallCounts}}<div class="notice" id="small-counts-in-text">
    <p>Before publishing: the public will read each of these as “a small number of” children or families, because a count of 1 to 5 could identify a child. Reword any that no longer reads well.</p>
    <ul>{{#smallCounts}}<li>{{text}}</li>{{/smallCounts}}</ul>
    </div>{{/hasSmallCounts}}
    {{#hasUncommented}}<div class="notice" id="off-track-without-commentary">
    <p>Before publishing: these measures are not on track and have no commentary for this period to say why and what is being done about it.</p>
    <ul>{{#uncommented}}<li>{{.}}</li>{{/uncommented}}</ul>
    </div>{{/hasUncommented}}
    {{#hasWithheldFigures}}<div class="notice" id="withheld-figures-in-text">
    <p>Before publishing: each of these numbers in the commentary is one of the measure's figures that the public's report withholds, and the public reads the commentary as written, so it would give the figure away. Reword each, or leave it out.</p>
    <ul>{{#withheldFigures}}<li>{{text}}</li>{{/withheldFigures}}</ul>
    </div>{{/hasWithheldFigures}}{{/canPublish}}
    {{#hasImport}}<p class="import-link"><a href="{{importHref}}">Import the committee's figures, risk register or finance return</a></p>{{/hasImport}}
    <section class="headline" aria-labelledby="headline">
    <h2 id="headline">Headline</h2>
    <p class="headline-sentence">{{headline}}</p>
    </section>
    <section aria-labelledby="themes">
    <h2 id="themes">Dashboards</h2>
    <ul class="tiles">
    {{#tiles}}<li class="tile"><h3><a href="{{href}}">{{name}}</a></h3><p>{{sentence}}</p>{{#hasOwner}}<p class="note">Owner: {{owner}}</p>{{/hasOwner}}</li>
    {{/tiles}}
    </ul>
    </section>
    <section aria-labelledby="counts">
    <h2 id="counts">Counts by theme</h2>
    {{#statusTable}}{{>table}}{{/statusTable}}
    {{#directionTable}}{{>table}}{{/directionTable}}
    </section>
    {{#requests}}{{>requestsSection}}{{/requests}}
    {{#requestForms}}
    <section class="request-forms" aria-labelledby="request-forms">
    <h2 id="request-forms">Record the committee's requests</h2>
    <details>
    <summary>Record a new request</summary>
    <form class="request-form" method="post" action="{{addAction}}">
    <input type="hidden" name="csrf" value="{{csrfToken}}"/>
    <input type="hidden" name="period" value="{{periodLabel}}"/>
    <label for="request-text">What the committee asked for, in the minutes' words</label>
    <textarea id="request-text" name="request" rows="3" maxlength="{{longestText}}" required></textarea>
    <label for="request-raised-on">Day of the meeting that asked</label>
    <input id="request-raised-on" name="raised-on" type="date" required/>
    <label for="request-asked-by">Asked by (leave empty for the committee)</label>
    <input id="request-asked-by" name="asked-by" type="text"/>
    <label for="request-provided-by">Who agreed to provide it</label>
    <input id="request-provided-by" name="provided-by" type="text"/>
    <label for="request-due-by">Promised by (if a day was given)</label>
    <input id="request-due-by" name="due-by" type="date"/>
    <label for="request-measure">The measure it is about (if any)</label>
    <select id="request-measure" name="measure"><option value="">None</option>{{#measures}}<option value="{{code}}">{{title}}</option>{{/measures}}</select>
    <p class="checkbox"><input id="request-every-report" name="every-report" type="checkbox" value="yes"/> <label for="request-every-report">Asked for every report, not once</label></p>
    <button type="submit">Record the request</button>
    </form>
    </details>
    {{#outstanding}}
    <details>
    <summary>Answer, change or close request {{number}}</summary>
    <p>{{request}}</p>
    <form class="request-delivery-form" method="post" action="{{deliverAction}}">
    <input type="hidden" name="csrf" value="{{csrfToken}}"/>
    <input type="hidden" name="period" value="{{periodLabel}}"/>
    <label for="request-{{number}}-on">Day it was delivered{{#isRecurring}}, for {{periodLabel}}{{/isRecurring}}</label>
    <input id="request-{{number}}-on" name="on" type="date" required/>
    <label for="request-{{number}}-note">What was delivered and where members can find it</label>
    <textarea id="request-{{number}}-note" name="note" rows="2" maxlength="{{longestText}}" required></textarea>
    <button type="submit">Record the delivery</button>
    </form>
    <form class="request-amendment-form" method="post" action="{{amendAction}}">
    <input type="hidden" name="csrf" value="{{csrfToken}}"/>
    <input type="hidden" name="period" value="{{periodLabel}}"/>
    <p class="hint">Change what was recorded, as the committee has since agreed. The audit trail keeps what each was.</p>
    <label for="request-{{number}}-text">What the committee asked for</label>
    <textarea id="request-{{number}}-text" name="request" rows="3" maxlength="{{longestText}}" required>{{request}}</textarea>
    <label for="request-{{number}}-asked-by">Asked by (leave empty for the committee)</label>
    <input id="request-{{number}}-asked-by" name="asked-by" type="text" value="{{askedBy}}"/>
    <label for="request-{{number}}-provided-by">Who provides it</label>
    <input id="request-{{number}}-provided-by" name="provided-by" type="text" value="{{providedBy}}"/>
    <label for="request-{{number}}-due-by">Promised by (leave empty for no day)</label>
    <input id="request-{{number}}-due-by" name="due-by" type="date" value="{{dueBy}}"/>
    <button type="submit">Change the request</button>
    </form>
    <form class="request-closure-form" method="post" action="{{closeAction}}">
    <input type="hidden" name="csrf" value="{{csrfToken}}"/>
    <input type="hidden" name="period" value="{{periodLabel}}"/>
    <label for="request-{{number}}-closed-on">Day it was closed</label>
    <input id="request-{{number}}-closed-on" name="on" type="date" required/>
    <label for="request-{{number}}-reason">Why it is closed</label>
    <textarea id="request-{{number}}-reason" name="reason" rows="2" maxlength="{{longestText}}" required></textarea>
    <button type="submit">Close the request</button>
    </form>
    </details>
    {{/outstanding}}
    </section>
    {{/requestForms}}
    {{#finance}}{{>financeSection}}{{/finance}}
    {{#risks}}{{>risksSection}}{{/risks}}
    <section class="data-files" aria-labelledby="data">
    <h2 id="data">The data behind this report</h2>
    <ul>
    {{#dataLinks}}<li><a href="{{href}}">{{text}}</a></li>
    {{/dataLinks}}
    </ul>
    </section>

    """

    /// A theme's dashboard: one table, every lens side by side, the key at the foot.
    static let theme = """
    <h1>{{name}}</h1>
    <p class="lede">{{committeeName}} · {{councilName}} · {{periodLabel}}</p>
    {{#hasOwner}}<p class="owner">Owner: {{owner}}</p>{{/hasOwner}}
    <p class="headline-sentence">{{sentence}}</p>
    <p class="audience-note">{{audienceNote}}</p>
    {{#table}}{{>table}}{{/table}}
    {{>keySection}}

    """

    /// What the measure page adds to the pack's measure section: comparison and data links, the
    /// commentary form, the history of every target, and the council's revised figures.
    static let measureExtras = """
    <section aria-labelledby="more">
    <h2 id="more">Compare and download</h2>
    <ul>
    <li><a href="{{compareHref}}">Compare with other councils: statistical neighbours, the region and comparator groups</a></li>
    <li><a href="{{csvHref}}">This measure's data (CSV)</a></li>
    <li><a href="{{xlsxHref}}">This measure's data (Excel workbook, XLSX)</a></li>
    </ul>
    </section>
    {{#hasCommentaryMeta}}<p class="note">Commentary: {{commentaryMeta}}</p>{{/hasCommentaryMeta}}
    {{#canEdit}}<section class="commentary-edit" aria-labelledby="commentary-edit">
    <h2 id="commentary-edit">Write the commentary</h2>
    {{#hasSavedNotice}}<p class="notice" role="status">{{savedNotice}}</p>{{/hasSavedNotice}}
    <form class="commentary-form" method="post" action="{{commentaryAction}}">
    <input type="hidden" name="csrf" value="{{csrfToken}}"/>
    <input type="hidden" name="period" value="{{periodLabel}}"/>
    <label for="commentary-text">Write the commentary for {{periodLabel}}</label>
    <p class="hint" id="commentary-hint">Plain text. Leave a blank line between paragraphs. Each save is kept as a new version.</p>
    <textarea id="commentary-text" name="text" rows="8" maxlength="{{commentaryLongest}}" aria-describedby="commentary-hint">{{commentaryText}}</textarea>
    <button type="submit">Save commentary</button>
    </form>
    </section>{{/canEdit}}
    <section aria-labelledby="target-history">
    <h2 id="target-history">Targets and their history</h2>
    {{#hasTargetHistory}}{{#targetHistory}}{{>table}}{{/targetHistory}}{{/hasTargetHistory}}
    {{^hasTargetHistory}}<p>No target has been set for this measure.</p>{{/hasTargetHistory}}
    </section>

    """

    /// One measure across the council's statistical neighbours, region and comparator groups,
    /// sortable by any column with links (no script needed).
    static let compare = """
    <h1>{{title}}: compared with {{comparedWith}}</h1>
    <p class="lede">The {{periodLabel}} report · {{about}}</p>
    <p>{{summary}}</p>
    <div class="table-scroll" role="region" aria-label="{{caption}}" tabindex="0">
    <table id="compare-table" class="compare">
    <caption>{{caption}}</caption>
    <thead><tr>{{#headers}}<th scope="col"{{#isNumeric}} class="num"{{/isNumeric}} aria-sort="{{ariaSort}}"><a href="{{href}}">{{text}}<span class="visually-hidden"> ({{sortHint}})</span></a></th>{{/headers}}</tr></thead>
    <tbody>
    {{#rows}}<tr{{#isCouncil}} class="council-row"{{/isCouncil}}><th scope="row">{{areaName}}{{#isCouncil}} <strong>(this council)</strong>{{/isCouncil}}</th><td>{{group}}</td><td class="num">{{valueText}}</td></tr>
    {{/rows}}
    </tbody>
    </table>
    </div>
    <p><a href="{{measureHref}}">Back to the measure</a></p>

    """

    /// The search form's results.
    static let search = """
    <h1>Search measures</h1>
    <form class="search-form" method="get" action="{{searchHref}}">
    <label for="search-q">Measure name or code</label>
    <input id="search-q" name="q" type="search" value="{{query}}"/>
    <button type="submit">Search</button>
    </form>
    {{#hasQuery}}<h2 id="results">{{resultsHeading}}</h2>
    {{#hasResults}}<ul class="results">{{#results}}<li><a href="{{href}}">{{title}}</a> <span class="note">Code {{code}} · {{context}}</span></li>
    {{/results}}</ul>{{/hasResults}}{{/hasQuery}}

    """

    /// The sign-in form.
    static let signIn = """
    <h1>Sign in</h1>
    {{#hasError}}<div class="error-summary" role="alert" aria-labelledby="error-title" tabindex="-1">
    <h2 id="error-title">There is a problem</h2>
    <p>{{error}}</p>
    </div>{{/hasError}}
    <p>Officers, analysts and members sign in to read draft reports and write commentary. Published reports need no sign-in.</p>
    <form class="sign-in-form" method="post" action="{{signInHref}}">
    <input type="hidden" name="csrf" value="{{csrfToken}}"/>
    <div class="field"><label for="username">Username</label>
    <input id="username" name="username" type="text" value="{{username}}" autocomplete="username" spellcheck="false" required/></div>
    <div class="field"><label for="password">Password</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required/></div>
    <button type="submit">Sign in</button>
    </form>

    """

    /// A message: not found, not allowed, a problem with the request.
    static let message = """
    <h1>{{heading}}</h1>
    {{#paragraphs}}<p>{{.}}</p>
    {{/paragraphs}}
    <p><a href="{{homeHref}}">Go to the list of committee reports</a></p>

    """

    /// The import form for a committee's own spreadsheets, after what the last import did.
    static let importFiles = """
    <h1>Import data for {{committeeName}}</h1>
    {{#isImported}}<div class="import-result" role="status" aria-labelledby="import-result" tabindex="-1">
    <h2 id="import-result">Imported</h2>
    <ul class="import-summary">{{#summary}}<li>{{.}}</li>{{/summary}}</ul>
    <p><a href="{{committeeHref}}">Go to the committee's report</a> to see the figures as the report judges them.</p>
    </div>{{/isImported}}
    {{#isRefused}}<div class="error-summary" role="alert" aria-labelledby="import-result" tabindex="-1">
    <h2 id="import-result">Nothing was imported</h2>
    <p>Every cell is checked before anything is written. Correct the {{problemCountText}} below in your file and import it again.</p>
    <ul class="import-digest">{{#digest}}<li>{{.}}</li>{{/digest}}</ul>
    </div>
    <div class="table-scroll" role="region" aria-label="{{problemsCaption}}" tabindex="0">
    <table id="import-problems" class="import-problems">
    <caption>{{problemsCaption}}</caption>
    <thead><tr><th scope="col">File</th><th scope="col">Row</th><th scope="col">Column</th><th scope="col">Problem</th></tr></thead>
    <tbody>
    {{#problems}}<tr><td>{{file}}</td><td class="num">{{row}}</td><td>{{column}}</td><td>{{message}}</td></tr>
    {{/problems}}
    </tbody>
    </table>
    </div>{{/isRefused}}
    <p>Import the spreadsheets {{councilName}} keeps for this committee, as CSV files or Excel workbooks (XLSX): figures of the council's own measures, the committee's risk register, or its finance return. Every cell is checked first; when any is wrong, nothing is written and each problem is listed by file, row and column. Importing the same file again changes nothing; a corrected file changes only what changed, and the audit trail records who imported which file and when.</p>
    <form class="import-form" method="post" action="{{formAction}}" enctype="multipart/form-data">
    <input type="hidden" name="csrf" value="{{csrfToken}}"/>
    <fieldset>
    <legend>What the files hold</legend>
    <p class="radio"><input id="import-kind-local" name="kind" type="radio" value="local"{{#isLocal}} checked{{/isLocal}}/> <label for="import-kind-local">Figures of {{councilName}}'s own measures, and their definitions</label></p>
    <p class="hint">Columns measure_code, area_code, period, value (numerator, denominator, published, next_update_due, breakdowns optional); a measures file defines new measures. <a href="{{localTemplateHref}}">Download the measures template</a> (measures.xlsx, an Excel workbook with both sheets and guidance).</p>
    <p class="radio"><input id="import-kind-risks" name="kind" type="radio" value="risks"{{#isRisks}} checked{{/isRisks}}/> <label for="import-kind-risks">The committee's risk register</label></p>
    <p class="hint">Columns reference, title, owner, reviewed_on, likelihood, impact, mitigation (and the optional ones the register keeps). <a href="{{risksTemplateHref}}">Download the risk register template</a> (risks.xlsx).</p>
    <p class="radio"><input id="import-kind-finance" name="kind" type="radio" value="finance"{{#isFinance}} checked{{/isFinance}}/> <label for="import-kind-finance">The committee's finance return</label></p>
    <p class="hint">Columns period, kind, service, line, budget, forecast (and the optional ones the return keeps). <a href="{{financeTemplateHref}}">Download the finance return template</a> (finance.xlsx).</p>
    </fieldset>
    <label for="import-files">Files (CSV or XLSX; choose several to import them together)</label>
    <input id="import-files" name="file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" multiple required/>
    <label for="import-sheet">Sheet to read in a workbook (leave empty for the first; for figures, the sheet named observations wherever it stands)</label>
    <input id="import-sheet" name="sheet" type="text" value="{{sheet}}"/>
    <p class="checkbox"><input id="import-replace-newer" name="replace-newer" type="checkbox" value="yes"{{#replaceNewer}} checked{{/replaceNewer}}/> <label for="import-replace-newer">Put older figures back: a figure of the council's own measures may replace a stored figure published after it (an older file imported on purpose; the newer figures stay in history)</label></p>
    <p class="checkbox"><input id="import-whole-return" name="whole-return" type="checkbox" value="yes"{{#wholeReturn}} checked{{/wholeReturn}}/> <label for="import-whole-return">Finance: each quarter in the files is the committee's whole return, so a line stored for that quarter that the files do not hold is removed</label></p>
    <button type="submit">Check and import</button>
    </form>
    <p>Published statistics (LAIT, Explore Education Statistics, Fingertips) are imported by an administrator with <code>scrutineer import</code>.</p>

    """
}
