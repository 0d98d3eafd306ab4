"""``import_wordpress --verify``: is every word of the old site on the new pages?

For each published post and page of the export, the words of its title and content (HTML
to text, shortcodes expanded as the importer expands them, ``<script>`` and the like left
out as the importer leaves them out) are compared with the words of its page as the site
serves it (the page's ``<main>``, fetched through Django's test client). A word counts as
missing when the source has it more times than the page. Password-protected items are not
compared (the page asks for the password).
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from bs4 import BeautifulSoup
from django.test import Client

from importer import html as wp_html
from importer.models import ImportedObject

WORD = re.compile(r"\w+")


def words(text):
    return Counter(WORD.findall(text.casefold()))


def source_words(title, content):
    """The words a reader of the old site read: title and content, as the importer sees
    them (shortcodes expanded, comments and dropped tags left out)."""
    source = wp_html.MORE_TAGS.sub(" ", content or "")
    source = wp_html.expand_shortcodes(source, [])
    if "<!-- wp:" not in source:
        source = wp_html.autop(source)
    soup = BeautifulSoup(source, "html.parser")
    for tag in soup.find_all(wp_html.DROPPED_TAGS):
        tag.decompose()
    return words(wp_html.plain_text(title or "") + " " + soup.get_text(" "))


def served_words(html):
    soup = BeautifulSoup(html, "html.parser")
    main = soup.find("main") or soup
    return words(main.get_text(" "))


@dataclass
class ItemCheck:
    what: str
    total: int
    missing: Counter = field(default_factory=Counter)
    problem: str = ""

    @property
    def found(self):
        return self.total - sum(self.missing.values())

    @property
    def percent(self):
        return 100.0 * self.found / self.total if self.total else 100.0


def verify(importer):
    """One ItemCheck per published post and page of the export the importer has read."""
    client = Client(HTTP_HOST=importer.site.hostname)
    checks = []
    kinds = {"post": ImportedObject.Kind.POST, "page": ImportedObject.Kind.PAGE}
    for item in importer.reader.items({"post", "page"}):
        if item.status != "publish" or item.password:
            continue
        what = f"{item.post_type} {item.post_id} “{(item.title or '')[:60]}”"
        expected = source_words(item.title, item.content)
        check = ItemCheck(what, sum(expected.values()))
        checks.append(check)
        page = importer.mapped(kinds[item.post_type], item.post_id)
        if page is None:
            check.missing = expected
            check.problem = "not imported"
            continue
        response = client.get(page.specific.get_url(), follow=True)
        if response.status_code != 200:
            check.missing = expected
            check.problem = f"page answers {response.status_code}"
            continue
        check.missing = expected - served_words(response.content.decode())
    return checks


def report_lines(checks):
    """The command's report: one line per item, the items below 100% with their missing
    words, and the total."""
    lines = []
    for check in checks:
        lines.append(f"  {check.percent:6.1f}%  {check.found}/{check.total}  {check.what}")
    short = [c for c in checks if c.missing]
    if short:
        lines.append("")
        lines.append(f"Below 100% ({len(short)}):")
        for check in short:
            missing = ", ".join(
                f"{word}×{n}" if n > 1 else word for word, n in check.missing.most_common(30)
            )
            problem = f" ({check.problem})" if check.problem else ""
            lines.append(f"  {check.what}{problem}: missing {missing}")
    total = sum(c.total for c in checks)
    found = sum(c.found for c in checks)
    percent = 100.0 * found / total if total else 100.0
    lines.append("")
    lines.append(
        f"Words on the served pages: {found}/{total} ({percent:.1f}%) of {len(checks)} items"
    )
    return lines
