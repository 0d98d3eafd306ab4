"""WordPress post HTML → the site's StreamField blocks (core/blocks.py BodyBlock).

Handles the classic editor's bare paragraphs (WordPress's ``wpautop``), the ``[caption]``,
``[embed]`` and ``[gallery]`` shortcodes, Gutenberg block markup (its ``<!-- wp:… -->``
comments are dropped, the HTML between them is read), images with WordPress size classes,
headings, lists, block quotes and pull quotes, embeds and links.

Sanitising is by construction: the rich text is written out tag by tag from a short
allow-list (p, b, i, a, br, ul, ol, li, hr) in Wagtail's database format, text is escaped,
and anything else (scripts, event handlers, ``javascript:`` links, foreign iframes, forms)
never reaches the output. Links to imported posts, pages and uploads become Wagtail page
and document links (``<a linktype="page" id="…">``).
"""

import html
import re
import uuid
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from bs4.element import CData, Declaration, Doctype, ProcessingInstruction

HEADING_LEVELS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4"}
DROPPED_TAGS = {
    "script",
    "style",
    "noscript",
    "template",
    "form",
    "input",
    "button",
    "select",
    "textarea",
    "object",
    "embed",
    "applet",
    "frame",
    "frameset",
    "link",
    "meta",
    "svg",
    "math",
    "head",
    "title",
    "audio",
    "video",
    "source",
    "canvas",
}
BOLD = {"b", "strong"}
# Inline tags kept as the site's rich text has them (core/rich_text.py's allow-list).
INLINE_KEPT = {
    "sup": "sup",
    "sub": "sub",
    "del": "s",
    "s": "s",
    "strike": "s",
    "ins": "u",
    "u": "u",
}
ITALIC = {"i", "em", "cite", "dfn"}
BLOCK_CONTAINERS = {
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "center",
    "body",
    "html",
    "dl",
    "dd",
    "dt",
    "address",
    "details",
    "summary",
    "nav",
}
BLOCK_LEVEL = (
    BLOCK_CONTAINERS
    | set(HEADING_LEVELS)
    | {"p", "ul", "ol", "blockquote", "figure", "table", "pre", "hr", "iframe"}
)
BLOCK_OR_IMAGE = sorted(BLOCK_LEVEL | {"img"})
# Hosts whose addresses Wagtail's oEmbed finders turn into players.
EMBED_HOSTS = re.compile(
    r"^(www\.|m\.)?(youtube\.com|youtu\.be|vimeo\.com|player\.vimeo\.com|twitter\.com|x\.com|"
    r"soundcloud\.com|flickr\.com|instagram\.com|facebook\.com|dailymotion\.com|"
    r"ted\.com|slideshare\.net|scribd\.com|spotify\.com|open\.spotify\.com|tiktok\.com)$"
)
SAFE_SCHEMES = {"http", "https", "mailto", "tel", ""}
SHORTCODE = re.compile(r"\[(/?)([a-zA-Z][\w-]*)((?:\s[^\[\]]*)?)\]")
CAPTION = re.compile(r"\[(caption|wp_caption)([^\]]*)\](.*?)\[/\1\]", re.S | re.I)
EMBED = re.compile(r"\[embed[^\]]*\](.*?)\[/embed\]", re.S | re.I)
GALLERY = re.compile(r"\[gallery([^\]]*)\]", re.I)
ATTRIBUTE = re.compile(r'([\w-]+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\'|(\S+))')
# Shortcodes WordPress core handles and that are turned into blocks above, or that only
# wrap text (their tags are removed, the text kept).
KNOWN_SHORTCODES = {"caption", "wp_caption", "embed", "gallery"}
WP_IMAGE_CLASS = re.compile(r"\bwp-image-(\d+)\b")
# WordPress's "read more" and page-break markers: a break between words, never glue.
MORE_TAGS = re.compile(r"<!--\s*(more|nextpage|noteaser)\b.*?-->", re.I | re.S)
PRE = re.compile(r"<pre\b.*?</pre>", re.I | re.S)
READ_MORE = re.compile(r"^\s*(read more|source|more|full story)\s*:?\s*", re.I)


class LinkResolver:
    """Where old addresses and attachments went; the importer supplies a real one."""

    def link(self, href):
        """→ ("page", id) | ("document", id) | ("url", href) | None (keep the address)."""
        return None

    def image(self, src, attachment_id=None):
        """→ a Wagtail image id, or None."""
        return None


@dataclass
class Conversion:
    blocks: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    # References to posts or uploads that are not imported (yet): worth another pass.
    unresolved: int = 0


def shortcode_attributes(text):
    return {
        match.group(1).lower(): next(g for g in match.groups()[1:] if g is not None)
        for match in ATTRIBUTE.finditer(text or "")
    }


def expand_shortcodes(text, warnings):
    """Turn the shortcodes we know into HTML the converter reads; keep the others as text
    (an editor sees them) and report them."""

    def caption(match):
        attributes = shortcode_attributes(match.group(2))
        inner = match.group(3)
        image_html = re.search(r"(<a[^>]*>\s*)?<img[^>]*>(\s*</a>)?", inner, re.I)
        caption_text = attributes.get("caption", "")
        if image_html:
            caption_text = caption_text or inner[image_html.end() :]
            image_html = image_html.group(0)
        else:
            image_html = ""
        caption_html = f"<figcaption>{caption_text}</figcaption>"
        return f"<figure class='wp-caption'>{image_html}{caption_html}</figure>"

    def embed(match):
        url = html.escape(match.group(1).strip(), quote=True)
        return f"<figure class='wp-block-embed'><div>{url}</div></figure>"

    def gallery(match):
        ids = shortcode_attributes(match.group(1)).get("ids", "")
        images = "".join(
            f"<img class='wp-image-{int(i)}' src='' alt=''>"
            for i in ids.split(",")
            if i.strip().isdigit()
        )
        return f"<figure class='wp-block-gallery'>{images}</figure>"

    text = CAPTION.sub(caption, text)
    text = EMBED.sub(embed, text)
    text = GALLERY.sub(gallery, text)
    for match in SHORTCODE.finditer(text):
        name = match.group(2).lower()
        closing = f"[/{match.group(2)}]" in text
        if (
            name not in KNOWN_SHORTCODES
            and not match.group(1)
            and ("=" in match.group(3) or closing)
        ):
            warnings.append(f"unknown shortcode [{name}] kept as text")
    return text


BLOCK_TAG_NAMES = (
    r"p|div|h[1-6]|ul|ol|li|blockquote|figure|figcaption|table|thead|tbody|tr|td|th|pre|hr|"
    r"section|address|dl|dd|dt|iframe|form|script|style"
)
BLOCK_START = re.compile(rf"^\s*<(/?)({BLOCK_TAG_NAMES}|!--)\b", re.I)
BLOCK_OPEN = re.compile(rf"(<(?:{BLOCK_TAG_NAMES})\b[^>]*>)", re.I)
BLOCK_CLOSE = re.compile(rf"(</(?:{BLOCK_TAG_NAMES})>)", re.I)


def autop(text):
    """WordPress's ``wpautop`` in short: blank lines separate paragraphs, single line
    breaks inside a paragraph are ``<br>``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # As wpautop does, preformatted text is left as it is: its blank lines and line
    # breaks are the text's.
    kept = []

    def keep(match):
        kept.append(match.group(0))
        return f"<pre>\x00{len(kept) - 1}\x00</pre>"

    text = PRE.sub(keep, text)
    # As wpautop does: block tags stand apart, so the text between them is a paragraph.
    text = BLOCK_OPEN.sub(r"\n\n\1", text)
    text = BLOCK_CLOSE.sub(r"\1\n\n", text)
    chunks = re.split(r"\n\s*\n", text)
    out = []
    for chunk in chunks:
        if not chunk.strip():
            continue
        if BLOCK_START.match(chunk):
            out.append(chunk)
        else:
            out.append("<p>" + chunk.strip().replace("\n", "<br>\n") + "</p>")
    text = "\n".join(out)
    return re.sub(r"<pre>\x00(\d+)\x00</pre>", lambda m: kept[int(m.group(1))], text)


def safe_href(href):
    """The address if its scheme is harmless, else None. Browsers ignore control
    characters and spaces inside a scheme (``java\\tscript:``), so they are removed first."""
    compact = re.sub(r"[\x00-\x20\x7f]+", "", href or "")
    if not compact:
        return None
    scheme = compact.split(":", 1)[0].lower() if ":" in compact.split("/", 1)[0] else ""
    if scheme not in SAFE_SCHEMES:
        return None
    return href.strip()


def embed_url(url):
    """An address an oEmbed provider understands, or None: player URLs become watch URLs."""
    url = (url or "").strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not EMBED_HOSTS.match(parts.hostname or ""):
        return None
    host = parts.hostname or ""
    if "youtube.com" in host and parts.path.startswith("/embed/"):
        return "https://www.youtube.com/watch?v=" + parts.path.split("/")[2]
    if host == "player.vimeo.com" and parts.path.startswith("/video/"):
        return "https://vimeo.com/" + parts.path.split("/")[2]
    return url


def text_of(node):
    return (
        " ".join(node.get_text(" ").split())
        if isinstance(node, Tag)
        else " ".join(str(node).split())
    )


def is_text(node):
    return isinstance(node, NavigableString) and not isinstance(
        node, (Comment, CData, ProcessingInstruction, Declaration, Doctype)
    )


def classes(node):
    value = node.get("class") or []
    return value if isinstance(value, list) else str(value).split()


def new_block(block_type, value):
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


class Converter:
    def __init__(self, resolver=None):
        self.resolver = resolver or LinkResolver()
        self.result = Conversion()
        self.rich = []  # rich-text elements waiting to become one paragraph block
        self.inline = []  # the HTML of the paragraph being written
        self.loose = []  # text and inline tags outside any paragraph, to wrap in one
        self.soup = None

    def convert(self, source):
        source = source or ""
        warnings = self.result.warnings
        source = MORE_TAGS.sub(
            lambda m: "\n\n" if m.group(1).lower() == "nextpage" else " ", source
        )
        source = expand_shortcodes(source, warnings)
        if "<!-- wp:" not in source:
            source = autop(source)
        soup = self.soup = BeautifulSoup(source, "html.parser")
        for node in list(soup.children):
            self.block(node)
        self.flush()
        return self.result

    # --- output ---------------------------------------------------------------------

    def flush_inline(self):
        content = "".join(self.inline)
        self.inline = []
        content = strip_breaks(content)
        if content:
            self.rich.append(f"<p>{content}</p>")

    def flush_loose(self):
        """Text outside any paragraph (classic posts, text after a list) is a paragraph of
        its own, so it gets the same treatment as a ``<p>``."""
        if not self.loose:
            return
        paragraph = self.soup.new_tag("p")
        for node in self.loose:
            paragraph.append(node.extract())
        self.loose = []
        self.block_p(paragraph)

    def flush(self):
        self.flush_loose()
        self.flush_inline()
        if self.rich:
            self.result.blocks.append(new_block("paragraph", "".join(self.rich)))
            self.rich = []

    def emit(self, block_type, value):
        self.flush()
        self.result.blocks.append(new_block(block_type, value))

    # --- blocks ---------------------------------------------------------------------

    def block(self, node):
        if is_text(node):
            if str(node).strip() or self.loose:
                self.loose.append(node)
            return
        if not isinstance(node, Tag):
            return
        name = node.name.lower()
        if name in DROPPED_TAGS:
            self.result.warnings.append(f"<{name}> removed")
            return
        if name not in BLOCK_LEVEL and name != "img" and not node.find(BLOCK_OR_IMAGE):
            self.loose.append(node)
            return
        self.flush_loose()
        handler = getattr(self, "block_" + name, None)
        if name in HEADING_LEVELS:
            handler = self.block_heading
        if handler is not None:
            handler(node)
        else:
            for child in list(node.children):
                self.block(child)

    def block_p(self, node):
        if self.special_paragraph(node):
            return
        # Read first: an image in the paragraph flushes (replaces) the pending inline list.
        content = self.inline_html(node)
        self.inline.append(content)
        self.flush_inline()

    def special_paragraph(self, node):
        """A paragraph that is really a block: an embed address on its own line, a
        "Read more: <address>" line, or a lone link to a document."""
        text = text_of(node)
        links = node.find_all("a")
        if not node.find(True) and embed_url(text) and " " not in text:
            self.emit("embed", embed_url(text))
            return True
        if len(links) == 1 and not node.find("img"):
            link = links[0]
            href = safe_href(link.get("href", ""))
            if href is None:
                return False
            resolved = self.resolver.link(href)
            if resolved and resolved[0] == "document" and text == text_of(link):
                self.emit("document", {"document": resolved[1], "label": text[:255]})
                return True
            match = READ_MORE.match(text)
            rest = text[match.end() :] if match else ""
            if match and rest == text_of(link) and urlsplit(href).scheme in ("http", "https"):
                label = "" if rest.strip() == href.strip() else rest[:255]
                self.emit("source_link", {"url": href[:500], "label": label})
                return True
        return False

    def block_heading(self, node):
        level = HEADING_LEVELS[node.name.lower()]
        if node.find("a", href=True):
            # A heading block is plain text: one with a link is a rich-text heading.
            content = strip_breaks("".join(self.inline_html(c) for c in list(node.children)))
            if "<a " in content:
                self.rich.append(f"<{level}>{content}</{level}>")
                return
        text = text_of(node)
        for image in node.find_all("img"):
            self.block_img(image)
        if text:
            self.emit("heading", {"text": text[:255], "level": HEADING_LEVELS[node.name.lower()]})

    def block_ul(self, node):
        content = self.list_html(node)
        if content:
            self.rich.append(content)

    block_ol = block_ul

    def list_html(self, node):
        items = []
        for child in node.find_all("li", recursive=False) or [node]:
            parts, nested = [], []
            for part in child.children:
                if isinstance(part, Tag) and part.name.lower() in ("ul", "ol"):
                    nested.append(self.list_html(part))
                else:
                    parts.append(self.inline_html(part))
            content = strip_breaks("".join(parts))
            if content or nested:
                items.append(f"<li>{content}{''.join(nested)}</li>")
        if not items:
            return ""
        tag = node.name.lower() if node.name.lower() in ("ul", "ol") else "ul"
        return f"<{tag}>{''.join(items)}</{tag}>"

    def block_hr(self, node):
        self.rich.append("<hr/>")

    def block_pre(self, node):
        for br in node.find_all("br"):
            br.replace_with("\n")
        lines = [html.escape(line) for line in node.get_text().splitlines()]
        content = strip_breaks("<br/>".join(lines))
        if content:
            self.rich.append(f"<p>{content}</p>")

    def block_table(self, node):
        self.result.warnings.append("table flattened into paragraphs")
        for row in node.find_all("tr"):
            cells = [text_of(cell) for cell in row.find_all(["td", "th"])]
            text = " | ".join(cell for cell in cells if cell)
            if text:
                self.rich.append(f"<p>{html.escape(text)}</p>")

    def block_blockquote(self, node):
        if "twitter-tweet" in classes(node) or "instagram-media" in classes(node):
            links = [a.get("href", "") for a in node.find_all("a") if embed_url(a.get("href"))]
            if links:
                self.emit("embed", embed_url(links[-1]))
                return
        attribution = ""
        for cite in node.find_all(["cite", "footer"]):
            attribution = attribution or text_of(cite)
            cite.extract()
        parts = node.find_all("p") or [node]
        if node.find("a", href=True):
            # Quote blocks are plain text: a quote with links is a rich-text quote.
            inline = [strip_breaks(self.inline_html(p)) for p in parts]
            if any("<a " in p for p in inline):
                self.rich.extend(f"<blockquote>{p}</blockquote>" for p in inline if p)
                if attribution:
                    self.rich.append(f"<p>— {html.escape(attribution)}</p>")
                return
        paragraphs = [text_of(p) for p in parts]
        quote = "\n\n".join(p for p in paragraphs if p)
        if not quote:
            return
        parent = node.parent
        if isinstance(parent, Tag) and "wp-block-pullquote" in classes(parent):
            # The block has no attribution field: the citation follows the quote.
            self.emit("pull_quote", f"{quote}\n\n— {attribution}" if attribution else quote)
        else:
            self.emit("quote", {"quote": quote, "attribution": attribution[:255]})

    def block_iframe(self, node):
        url = embed_url(node.get("src", ""))
        if url:
            self.emit("embed", url)
        else:
            self.result.warnings.append(f"iframe removed ({node.get('src', '')[:80]})")

    def block_figure(self, node):
        names = classes(node)
        if "wp-block-embed" in names or any(n.startswith("wp-block-embed-") for n in names):
            caption = node.find("figcaption")
            caption_text = text_of(caption.extract()) if caption else ""
            iframe = node.find("iframe")
            url = embed_url(iframe.get("src")) if iframe else None
            address = text_of(node.find("div") or node).split(" ")[0]
            url = url or embed_url(address)
            if url:
                self.emit("embed", url)
            elif safe_href(address) and urlsplit(address).scheme in ("http", "https"):
                # Not a player here: the address stays, as a link readers can follow.
                self.result.warnings.append("embed with an unknown provider kept as a link")
                link = html.escape(address, quote=True)
                self.rich.append(f'<p><a href="{link}">{link}</a></p>')
            else:
                self.result.warnings.append("embed with an unknown provider removed")
            if caption_text:
                self.rich.append(f"<p>{html.escape(caption_text)}</p>")
            return
        if "wp-block-pullquote" in names:
            for quote in node.find_all("blockquote"):
                self.block_blockquote(quote)
            return
        # A block gallery: one figure per image, each with its own caption, and the
        # gallery's caption after them.
        nested = bool(node.find("figure"))
        caption = node.find("figcaption", recursive=not nested)
        caption_text = text_of(caption) if caption else ""
        if nested:
            if caption:
                caption.extract()
            for child in list(node.children):
                self.block(child)
            if caption_text:
                self.rich.append(f"<p>{html.escape(caption_text)}</p>")
            return
        if caption:
            caption.extract()
        images = node.find_all("img")
        if images:
            for image in images:
                self.block_img(image, caption_text if len(images) == 1 else "")
            if len(images) > 1 and caption_text:
                self.rich.append(f"<p>{html.escape(caption_text)}</p>")
            return
        for child in list(node.children):
            self.block(child)
        if caption_text:
            self.rich.append(f"<p>{html.escape(caption_text)}</p>")

    def block_img(self, node, caption=""):
        match = WP_IMAGE_CLASS.search(" ".join(classes(node)))
        attachment_id = int(match.group(1)) if match else None
        src = node.get("src", "")
        image_id = self.resolver.image(src, attachment_id)
        alt = " ".join((node.get("alt") or "").split())
        if image_id is None:
            self.result.unresolved += 1
            self.result.warnings.append(
                f"image not imported: {src or 'attachment ' + str(attachment_id)}"
            )
            # Its words stay where it was, for an editor to attach the file later: the
            # alt text (what readers of the old page were told it shows) and the caption.
            words = [f"<i>{html.escape(alt)}</i>"] if alt and alt not in caption else []
            words += [html.escape(caption)] if caption else []
            if words:
                self.rich.append(f"<p>{' — '.join(words)}</p>")
            return
        self.emit(
            "image",
            {
                "image": {"image": image_id, "decorative": False, "alt_text": alt[:255]},
                "caption": caption[:500],
                "credit": "",
            },
        )

    # --- inline ---------------------------------------------------------------------

    def inline_html(self, node):
        """Safe rich-text HTML for inline content. An image (or embed) inside a paragraph
        becomes its own block, placed before that paragraph (classic posts put a floated
        image at the start of the paragraph it illustrates)."""
        if is_text(node):
            return html.escape(re.sub(r"[ \t\r\n]+", " ", str(node)), quote=False)
        if not isinstance(node, Tag):
            return ""
        name = node.name.lower()
        if name in DROPPED_TAGS or name == "iframe":
            if name == "iframe" and embed_url(node.get("src", "")):
                self.emit("embed", embed_url(node.get("src")))
            else:
                self.result.warnings.append(f"<{name}> removed")
            return ""
        if name == "img":
            self.block_img(node)
            return ""
        if name == "br":
            return "<br/>"
        inner = "".join(self.inline_html(child) for child in list(node.children))
        if name in BOLD:
            return f"<b>{inner}</b>" if inner.strip() else inner
        if name in ITALIC:
            return f"<i>{inner}</i>" if inner.strip() else inner
        if name in INLINE_KEPT:
            tag = INLINE_KEPT[name]
            return f"<{tag}>{inner}</{tag}>" if inner.strip() else inner
        if name == "a":
            return self.link_html(node, inner)
        if name in BLOCK_LEVEL or name == "li":
            return f" {inner} "
        return inner

    def link_html(self, node, inner):
        if not inner.strip():
            return inner
        href = safe_href(node.get("href", ""))
        if href is None:
            if node.get("href"):
                self.result.warnings.append("unsafe link removed")
            return inner
        resolved = self.resolver.link(href)
        if resolved is None:
            if href.startswith("#"):
                return inner
            return f'<a href="{html.escape(href, quote=True)}">{inner}</a>'
        kind, target = resolved
        if kind in ("page", "document"):
            return f'<a linktype="{kind}" id="{int(target)}">{inner}</a>'
        if kind == "unresolved":
            self.result.unresolved += 1
            return f'<a href="{html.escape(target, quote=True)}">{inner}</a>'
        return f'<a href="{html.escape(target, quote=True)}">{inner}</a>'


def strip_breaks(content):
    content = re.sub(r"^(\s|<br/>|\xa0)+|(\s|<br/>|\xa0)+$", "", content)
    return content


def convert(source, resolver=None):
    """Blocks (StreamField raw data) for WordPress post HTML."""
    return Converter(resolver).convert(source)


def plain_text(source, limit=None):
    """Text of an HTML fragment (excerpts, titles): tags dropped, spacing normalised."""
    text = " ".join(BeautifulSoup(source or "", "html.parser").get_text(" ").split())
    return text[:limit] if limit else text


def fallback_title(content, words=8):
    """A title for a post that has none (WordPress shows "(no title)" and links it by its
    date): its first words; "" when it has no text either."""
    expanded = expand_shortcodes(content or "", [])
    text = plain_text(autop(expanded) if "<!-- wp:" not in expanded else expanded)
    text = SHORTCODE.sub(" ", text)
    first = text.split()
    if first:
        title = " ".join(first[:words]) + ("…" if len(first) > words else "")
        return title[:255]
    return ""


def query_id(href, *names):
    """``?p=12`` → 12 for the first of ``names`` present in the address's query."""
    try:
        query = parse_qs(urlsplit(href).query)
    except ValueError:
        return None
    for name in names:
        value = (query.get(name) or [""])[0]
        if value.isdigit():
            return int(value)
    return None
