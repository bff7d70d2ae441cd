"""HTML to text for `clean`: trafilatura's main text and metadata, or, for a page nested deeper
than lxml builds (libxml2 stops at depth 256 and drops everything below: a real paragraph inside
1,000 `<div>`s came out as nothing), the text of the tags read in one flat pass.

The flat pass keeps no tree, so its time and memory grow with the page's length, not its depth;
it drops what trafilatura would drop first (scripts, styles, the head, menus, forms) and leaves
the rest of the page chrome to `clean`, as for plain text.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

DEEP = 240  # open elements at once past which lxml's tree would be cut (it allows 255 with html and body)
TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*?(/?)>")
# elements without content, and elements whose end tag may be left out (the parser closes them)
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
UNCLOSED = frozenset("p li dt dd tr td th option optgroup thead tbody tfoot colgroup rb rt rp html head body".split())
BLOCK = frozenset("address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
                  "header hr li main ol p pre section table td th tr ul".split())
SKIP = frozenset("script style noscript template svg math nav form button select iframe object".split())
DATE_META = frozenset(("article:published_time", "datepublished", "pubdate", "date"))


def html_to_text(html: str) -> tuple[str, dict]:
    """The page's main text and metadata (title, date, outlet, url)."""
    if too_deep(html):
        return flat_text(html)
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=True, favor_recall=True)
    if doc is None:
        return "", {}
    meta = {"title": doc.title, "date": doc.date, "outlet": doc.sitename, "url": doc.url}
    return doc.text or "", meta


def too_deep(html: str, limit: int = DEEP) -> bool:
    """More than `limit` elements open at once somewhere (a linear scan of the tags)."""
    if html.count("<") <= limit:
        return False
    depth = 0
    for m in TAG.finditer(html):
        name = m.group(2).lower()
        if m.group(3) or name in VOID or name in UNCLOSED:
            continue
        if m.group(1):
            depth = max(depth - 1, 0)
        else:
            depth += 1
            if depth > limit:
                return True
    return False


def flat_text(html: str) -> tuple[str, dict]:
    """Text of the tags, a line per block element, and the <title> and publication date meta."""
    parser = _Flat()
    parser.feed(html)
    parser.close()
    text = re.sub(r"[ \t\u00a0]*\n\s*", "\n", "".join(parser.out)).strip()
    return text, {"title": " ".join("".join(parser.title).split()) or None, "date": parser.date}


class _Flat(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.title: list[str] = []
        self.date: str | None = None
        self.skip = 0             # open elements whose text is dropped
        self.in_title = self.in_head = False  # </head> may be left out: <body> ends the head too

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in ("head", "body"):
            self.in_head = tag == "head"
        if tag == "title":
            self.in_title = True
        elif tag == "meta":
            found = dict(attrs)
            key = (found.get("property") or found.get("name") or found.get("itemprop") or "").lower()
            if key in DATE_META and found.get("content") and self.date is None:
                self.date = found["content"]
        elif tag in SKIP:
            self.skip += 1
        if tag in BLOCK:
            self.out.append("\n")

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag in SKIP:
            self.skip = max(self.skip - 1, 0)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag == "head":
            self.in_head = False
        elif tag in SKIP:
            self.skip = max(self.skip - 1, 0)
        if tag in BLOCK:
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skip and not self.in_head:
            self.out.append(data)
