#!/usr/bin/python3
"""Runs axe-core (WCAG 2.0/2.1 A and AA rules) over HTML pages in headless Chromium.

Usage: axe_check.py AXE_MIN_JS PAGE.html...
Each page is copied beside a copy of axe.min.js with two scripts added: axe itself
and a runner that writes the result into the DOM, which Chromium's --dump-dom
prints. No network is used. Exit 0 when no page has a violation; 1 otherwise
(the violations are listed, with the first failing elements).
"""
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile

RUNNER = """<script>
axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                   resultTypes: ['violations']}).then(function (r) {
  var out = r.violations.map(function (v) {
    return {id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 3).map(function (n) { return n.target.join(' ') + ' :: ' + n.failureSummary; })};
  });
  var pre = document.createElement('pre'); pre.id = 'axe-result';
  pre.textContent = JSON.stringify({passes: r.passes.length, violations: out});
  document.body.appendChild(pre);
}, function (e) {
  var pre = document.createElement('pre'); pre.id = 'axe-result';
  pre.textContent = JSON.stringify({error: String(e)});
  document.body.appendChild(pre);
});
</script>"""


class ResultParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.inside = False
        self.text = ""

    def handle_starttag(self, tag, attrs):
        if tag == "pre" and ("id", "axe-result") in attrs:
            self.inside = True

    def handle_endtag(self, tag):
        if tag == "pre":
            self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.text += data


def chromium(url, profile):
    cmd = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile,
           "--virtual-time-budget=20000", "--dump-dom", url]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180).stdout


def main():
    axe, pages = sys.argv[1], sys.argv[2:]
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(axe, os.path.join(tmp, "axe.min.js"))
        for i, page in enumerate(pages):
            with open(page, encoding="utf-8") as f:
                doc = f.read()
            if "</body>" not in doc:
                print(f"{page}: no </body>")
                bad += 1
                continue
            doc = doc.replace("</body>", '<script src="axe.min.js"></script>\n' + RUNNER + "\n</body>", 1)
            copy = os.path.join(tmp, f"page{i}.html")
            with open(copy, "w", encoding="utf-8") as f:
                f.write(doc)
            p = ResultParser()
            p.feed(chromium("file://" + copy, os.path.join(tmp, "profile")))
            if not p.text:
                print(f"{page}: axe produced no result (Chromium did not run the page)")
                bad += 1
                continue
            r = json.loads(p.text)
            if "error" in r:
                print(f"{page}: axe failed: {r['error']}")
                bad += 1
                continue
            if r["violations"]:
                bad += 1
                for v in r["violations"]:
                    print(f"{page}: {v['id']} ({v['impact']}): {v['help']}")
                    for n in v["nodes"]:
                        print("    " + n.replace("\n", " "))
            else:
                print(f"{page}: 0 violations ({r['passes']} rules passed)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
