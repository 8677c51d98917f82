/// The site's additions to the pack's stylesheet: the header with search and sign-in, the
/// breadcrumbs, the dashboard tiles and the forms (GOV.UK colours, visible focus, 24px targets).
enum SiteStylesheet {
    static let css = """

    .site-header { background: var(--text); color: #ffffff; }
    .site-header-inner { max-width: 75rem; margin: 0 auto; padding: 0.5rem 1rem; display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.5rem; }
    .site-header p { margin: 0; }
    .site-header a, .site-header a:visited { color: #ffffff; }
    .site-header a:focus { color: var(--text); }
    .site-name { font-weight: 700; font-size: 1.2rem; }
    .site-tagline { font-weight: 400; font-size: 0.9rem; }
    .site-search { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 0.5rem; margin-left: auto; }
    .site-search label { font-size: 0.9rem; }
    .site-account { display: flex; align-items: center; gap: 0.5rem; }
    .site-account form { margin: 0; }
    input[type="search"], input[type="text"], input[type="password"], input[type="date"], select, textarea { font: inherit; border: 2px solid var(--text); padding: 0.3rem 0.4rem; min-height: 2.25rem; max-width: 100%; background: #ffffff; color: var(--text); }
    textarea { width: 100%; max-width: 50rem; display: block; }
    button { font: inherit; min-height: 2.25rem; padding: 0.3rem 0.9rem; border: 2px solid #002d18; background: #00703c; color: #ffffff; cursor: pointer; }
    button:hover { background: #005a30; }
    input:focus, select:focus, textarea:focus, button:focus { outline: 3px solid var(--focus); outline-offset: 0; box-shadow: inset 0 0 0 2px var(--text); }
    label { font-weight: 700; display: inline-block; margin-right: 0.5rem; }
    .field { margin: 0 0 1rem; }
    .field label { display: block; margin-bottom: 0.25rem; }
    .hint { color: var(--muted); margin: 0.25rem 0; }
    .period-form, .publish-form, .commentary-form, .search-form, .sign-in-form { margin: 1rem 0; display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
    .commentary-form, .sign-in-form { display: block; }
    .commentary-form button, .sign-in-form button { margin-top: 0.5rem; }
    .request-forms details { margin: 1rem 0; border-left: 5px solid var(--border); padding: 0.25rem 0.75rem; }
    .notice { margin: 1rem 0; border-left: 5px solid var(--border); padding: 0.25rem 0.75rem; }
    .revised-notice { margin: 1rem 0; border-left: 5px solid var(--border); padding: 0.25rem 0.75rem; }
    .request-forms summary { cursor: pointer; font-weight: 700; min-height: 24px; }
    .request-forms form { margin: 0.75rem 0 1.25rem; }
    .request-forms form label { display: block; margin: 0.75rem 0 0.25rem; }
    .request-forms .checkbox label { display: inline; }
    .request-forms input[type="checkbox"], .import-form input[type="checkbox"], .import-form input[type="radio"] { width: 24px; height: 24px; vertical-align: middle; }
    .request-forms form button { margin-top: 0.75rem; }
    .breadcrumbs ol { list-style: none; margin: 0 auto; max-width: 75rem; padding: 0.5rem 1rem 0; display: flex; flex-wrap: wrap; gap: 0 0.5rem; }
    .breadcrumbs a, .breadcrumbs span { display: inline-block; padding: 0.2rem 0; min-height: 24px; }
    .breadcrumbs li + li::before { content: "›"; margin-right: 0.5rem; color: var(--muted); }
    .tiles { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 1rem; }
    .tile { border: 1px solid var(--border); border-top: 5px solid var(--link); padding: 0.75rem 1rem; background: #ffffff; }
    .tile h2, .tile h3 { margin: 0 0 0.5rem; font-size: 1.2rem; }
    .report-stage { border-left: 5px solid var(--text); padding: 0.25rem 0.75rem; }
    .report-stage.stage-draft, .report-stage.stage-checked, .report-stage.stage-earlier { border: 3px solid var(--text); background: #fff7bf; }
    .lede { color: var(--muted); }
    .council-row th, .council-row td { background: var(--panel); }
    .compare th a { display: inline-block; min-height: 24px; }
    .publications li { margin-bottom: 0.5rem; }
    .publications a { display: inline-block; min-height: 24px; padding: 0.1rem 0; }
    .visually-hidden { position: absolute !important; width: 1px !important; height: 1px !important; margin: 0 !important; padding: 0 !important; overflow: hidden !important; clip: rect(0 0 0 0) !important; clip-path: inset(50%) !important; border: 0 !important; white-space: nowrap !important; }
    .error-summary { border: 5px solid #d4351c; padding: 1rem; margin-bottom: 1.5rem; }
    .error-summary h2 { margin-top: 0; }
    .results li { margin-bottom: 0.5rem; }
    @media print {
      .site-header, .breadcrumbs, .site-search, .period-form, .publish-form, .notice, .commentary-edit, .commentary-form, .request-forms, .publications { display: none; }
    }

    """
}
