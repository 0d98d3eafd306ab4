"""A tiny PDF 1.4 writer for demo documents: text pages in the standard Helvetica fonts.

No dependency, deterministic output (no timestamps unless given, no random IDs), and a
correct cross-reference table, so any reader (and ``pdfinfo``) opens the files.
Text is encoded in WinAnsi (cp1252); characters outside it are replaced by "?".
"""

import textwrap

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 64
BODY_SIZE, BODY_LEADING = 11, 15
# Helvetica's average advance is about half an em; wrap a little under that width.
BODY_CHARS = int((PAGE_WIDTH - 2 * MARGIN) / (BODY_SIZE * 0.5))


PAGE_BREAK = "\f"


def _escape(text):
    data = text.encode("cp1252", errors="replace")
    data = data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"(" + data + b")"


def _info_string(text):
    """A document-information string: plain when ASCII, else UTF-16BE with a BOM."""
    if text.isascii():
        return _escape(text)
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def _text(x, y, size, text, bold=False):
    font = b"/F2" if bold else b"/F1"
    return b"BT %s %d Tf %d %d Td %s Tj ET\n" % (font, size, x, y, _escape(text))


def _wrap(text, chars):
    return textwrap.wrap(text, width=chars) or [""]


def _title_page(title, subtitle, lines, colour):
    r, g, b = (c / 255 for c in colour)
    ops = [b"%.3f %.3f %.3f rg 0 %d %d 260 re f\n" % (r, g, b, PAGE_HEIGHT - 260, PAGE_WIDTH)]
    ops.append(b"1 1 1 rg\n")
    y = PAGE_HEIGHT - 120
    for line in _wrap(title, 32)[:4]:
        ops.append(_text(MARGIN, y, 24, line, bold=True))
        y -= 30
    ops.append(b"0.15 0.15 0.15 rg\n")
    y = PAGE_HEIGHT - 320
    if subtitle:
        for line in _wrap(subtitle, 60)[:3]:
            ops.append(_text(MARGIN, y, 14, line))
            y -= 20
        y -= 20
    for line in lines:
        ops.append(_text(MARGIN, y, 11, line))
        y -= 16
    return b"".join(ops)


def _body_pages(paragraphs, running_title):
    """Lay paragraphs out on as many pages as they need."""
    pages, ops = [], []
    top = PAGE_HEIGHT - MARGIN - 20
    y = top
    for paragraph in paragraphs:
        if paragraph == PAGE_BREAK:
            if ops:
                pages.append(ops)
                ops, y = [], top
            continue
        heading = paragraph.startswith("## ")
        lines = _wrap(paragraph[3:] if heading else paragraph, BODY_CHARS)
        needed = (len(lines) + 1) * BODY_LEADING
        if y - needed < MARGIN + 30 and ops:
            pages.append(ops)
            ops, y = [], top
        if heading:
            ops.append(_text(MARGIN, y, 14, lines[0], bold=True))
            y -= BODY_LEADING * 1.6
            continue
        for line in lines:
            ops.append(_text(MARGIN, y, BODY_SIZE, line))
            y -= BODY_LEADING
        y -= BODY_LEADING * 0.6
    if ops:
        pages.append(ops)
    total = len(pages) + 1
    result = []
    for number, page_ops in enumerate(pages, start=2):
        header = [
            b"0.45 0.45 0.45 rg\n",
            _text(MARGIN, PAGE_HEIGHT - MARGIN + 16, 9, running_title),
        ]
        footer = [_text(MARGIN, MARGIN - 24, 9, f"Page {number} of {total}")]
        result.append(
            b"".join(header + [b"0.1 0.1 0.1 rg\n"] + page_ops + [b"0.45 0.45 0.45 rg\n"] + footer)
        )
    return result


def render_pdf(
    title,
    paragraphs,
    subtitle="",
    title_lines=(),
    author="Nejat Society",
    colour=(38, 70, 83),
    creation_date=None,
):
    """Return the bytes of a PDF: a title page, then ``paragraphs``.

    A paragraph starting with ``"## "`` is a heading; ``PAGE_BREAK`` starts a new page.

    ``creation_date`` is a ``date`` or ``datetime`` recorded in the document information;
    leave it out for fully reproducible bytes whatever the day.
    """
    streams = [_title_page(title, subtitle, list(title_lines), colour)]
    streams += _body_pages(paragraphs, title)

    # Object numbers: 1 catalog, 2 pages, 3 and 4 fonts, 5 info, then (page, content) pairs.
    objects = {}
    page_ids = []
    next_id = 6
    for stream in streams:
        page_id, content_id = next_id, next_id + 1
        next_id += 2
        page_ids.append(page_id)
        objects[page_id] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "
            b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>"
            % (PAGE_WIDTH, PAGE_HEIGHT, content_id)
        )
        objects[content_id] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    kids = b" ".join(b"%d 0 R" % page_id for page_id in page_ids)
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids))
    for font_id, name in ((3, b"Helvetica"), (4, b"Helvetica-Bold")):
        objects[font_id] = (
            b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>" % name
        )
    info = b"<< /Title %s /Author %s /Producer (Nejat Society demo PDF writer)" % (
        _info_string(title),
        _info_string(author),
    )
    if creation_date is not None:
        info += b" /CreationDate (D:%s)" % creation_date.strftime("%Y%m%d%H%M%S").encode()[:14]
    objects[5] = info + b" >>"

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for object_id in sorted(objects):
        offsets[object_id] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (object_id, objects[object_id])
    xref_offset = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for object_id in range(1, size):
        out += b"%010d 00000 n \n" % offsets[object_id]
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        size,
        xref_offset,
    )
    return bytes(out)


def check_xref(data):
    """Re-parse a PDF written by ``render_pdf``: every xref entry must point at its object.

    Returns the number of objects; raises ``ValueError`` on any mismatch. For tests: it
    checks the writer's offsets independently of any PDF reader.
    """
    start = int(data[data.rindex(b"startxref") + 9 :].split()[0])
    if not data[start:].startswith(b"xref"):
        raise ValueError("startxref does not point at the xref table")
    lines = data[start:].split(b"\n")
    first, count = (int(part) for part in lines[1].split())
    for index in range(1, count):
        entry = lines[2 + index]
        if len(entry) != 19:  # 10 + 1 + 5 + 1 + 1, plus the trailing space of "n "
            raise ValueError(f"xref entry {index} has the wrong length")
        offset = int(entry[:10])
        expected = b"%d 0 obj" % (first + index)
        if data[offset : offset + len(expected)] != expected:
            raise ValueError(f"xref entry {index} points at the wrong place")
    return count - 1
