"""Runs axe-core in the page: finds axe.min.js from AXE_JS, injects it and reports violations."""
import json
import os
import pathlib

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_source():
    """The text of axe.min.js from the path in AXE_JS (an error saying how to get it otherwise)."""
    path = os.environ.get("AXE_JS")
    if not path:
        raise RuntimeError("set AXE_JS to the path of axe.min.js (see tests-browser/README.md)")
    file = pathlib.Path(path)
    if not file.is_file():
        raise RuntimeError(f"AXE_JS={path} is not a file")
    return file.read_text(encoding="utf-8")


def run_axe(driver, source, tags=WCAG_TAGS):
    """Injects axe into the loaded page and returns its violations for `tags` (a list of dicts)."""
    driver.execute_script(source + "\n;window.axe = axe;")
    result = driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
          .then(results => done(JSON.stringify({version: axe.version, violations: results.violations})))
          .catch(error => done(JSON.stringify({error: String(error)})));
        """,
        tags,
    )
    data = json.loads(result)
    if "error" in data:
        raise RuntimeError(f"axe.run failed: {data['error']}")
    return data["violations"]


def describe(violations):
    """The violations as readable lines: rule, impact, help and each failing node with its summary."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation.get('impact')}): {violation['help']} — {violation['helpUrl']}")
        for node in violation["nodes"][:10]:
            lines.append(f"    {' '.join(node['target'])}: {node.get('failureSummary', '').replace(chr(10), ' ')}")
        if len(violation["nodes"]) > 10:
            lines.append(f"    … and {len(violation['nodes']) - 10} more")
    return "\n".join(lines)
