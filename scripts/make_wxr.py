"""Write a WordPress export (WXR 1.2, Polylang) of the old site's shape, of any size, to
measure the importer: ``python scripts/make_wxr.py 10000 /tmp/big.xml``.

Posts mix the classic editor (bare paragraphs, [caption], [embed]) and the block editor,
link to earlier posts, carry nested categories, tags and two authors; about a third are
translations (Arabic, Persian, Albanian) of an English post. ``--attachments N`` adds N
images and, with ``--media-dir``, writes their (tiny) files there.
"""

import argparse
import random
from datetime import datetime, timedelta
from pathlib import Path

CATEGORIES = [
    ("iraq", "Iraq", ""),
    ("mek-camp-ashraf", "MEK Camp Ashraf", "iraq"),
    ("iraqi-authorities-stance-on-the-mek", "Iraqi Authorities' stance on the MEK", "iraq"),
    ("un", "UN", ""),
    (
        "mujahedin-khalq-organization-members-families",
        "Mujahedin Khalq Organization members' families",
        "",
    ),
    ("mujahedin-khalq-a-proxy-force", "Mujahedin Khalq; A proxy force", ""),
]
LANGUAGES = ["ar", "fa", "al"]
WORDS = (
    "families camp ashraf members organization iraq government united nations residents "
    "visit relatives letter gate report statement envoy human rights press conference"
).split()


def cdata(text):
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def sentence(rng, n=18):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def classic_body(rng, post_id, attachments):
    parts = [sentence(rng) + "\n" + sentence(rng) for _ in range(3)]
    if attachments:
        image = rng.choice(attachments)
        parts.insert(
            1,
            f'[caption id="attachment_{image}" align="alignleft" width="300"]'
            f'<img class="size-medium wp-image-{image}" src="https://nejatngo.org/wp-content/'
            f'uploads/2011/12/photo-{image}-300x200.jpg" alt="Photo" /> {sentence(rng, 6)}'
            "[/caption]",
        )
    if post_id > 1:
        earlier = rng.randrange(1, post_id)
        parts.append(f'See also <a href="https://nejatngo.org/?p={earlier}">an earlier report</a>.')
    if rng.random() < 0.1:
        parts.append("[embed]https://www.youtube.com/watch?v=dQw4w9WgXcQ[/embed]")
    parts.append("<blockquote>" + sentence(rng, 10) + "<cite>UN.org</cite></blockquote>")
    parts.append("Press TV reports")
    return "\n\n".join(parts)


def block_body(rng, post_id):
    paragraphs = "".join(
        f"<!-- wp:paragraph -->\n<p>{sentence(rng)} <strong>{rng.choice(WORDS)}</strong></p>\n"
        "<!-- /wp:paragraph -->\n\n"
        for _ in range(3)
    )
    return (
        paragraphs + '<!-- wp:heading {"level":3} -->\n<h3>' + sentence(rng, 4) + "</h3>\n"
        "<!-- /wp:heading -->\n\n<!-- wp:list -->\n<ul><li>"
        + sentence(rng, 5)
        + "</li><li>"
        + sentence(rng, 5)
        + "</li></ul>\n<!-- /wp:list -->"
    )


def item(post_id, title, slug, date, body, language, group, category, tags, author, sticky=0):
    terms = [
        f'<category domain="category" nicename="{category[0]}">{cdata(category[1])}</category>'
    ]
    terms += [
        f'<category domain="post_tag" nicename="{t}">{cdata(t.title())}</category>' for t in tags
    ]
    terms.append(f'<category domain="language" nicename="{language}">{cdata(language)}</category>')
    if group:
        terms.append(
            f'<category domain="post_translations" nicename="{group}">{cdata(group)}</category>'
        )
    prefix = "" if language == "en" else f"/{language}"
    stamp = date.strftime("%Y-%m-%d %H:%M:%S")
    return f"""	<item>
		<title>{cdata(title)}</title>
		<link>https://nejatngo.org{prefix}/{date:%Y/%m/%d}/{slug}/</link>
		<pubDate>{date:%a, %d %b %Y %H:%M:%S} +0000</pubDate>
		<dc:creator>{cdata(author)}</dc:creator>
		<guid isPermaLink="false">https://nejatngo.org/?p={post_id}</guid>
		<description></description>
		<content:encoded>{cdata(body)}</content:encoded>
		<excerpt:encoded>{cdata("")}</excerpt:encoded>
		<wp:post_id>{post_id}</wp:post_id>
		<wp:post_date>{cdata(stamp)}</wp:post_date>
		<wp:post_date_gmt>{cdata(stamp)}</wp:post_date_gmt>
		<wp:post_name>{cdata(slug)}</wp:post_name>
		<wp:status>{cdata("publish")}</wp:status>
		<wp:post_parent>0</wp:post_parent>
		<wp:menu_order>0</wp:menu_order>
		<wp:post_type>{cdata("post")}</wp:post_type>
		<wp:is_sticky>{sticky}</wp:is_sticky>
		{"".join(terms)}
	</item>
"""


def attachment(post_id, date):
    url = f"https://nejatngo.org/wp-content/uploads/2011/12/photo-{post_id}.jpg"
    return f"""	<item>
		<title>{cdata(f"Photo {post_id}")}</title>
		<link>https://nejatngo.org/?attachment_id={post_id}</link>
		<dc:creator>{cdata("nejat")}</dc:creator>
		<content:encoded>{cdata("")}</content:encoded>
		<excerpt:encoded>{cdata("")}</excerpt:encoded>
		<wp:post_id>{post_id}</wp:post_id>
		<wp:post_date_gmt>{cdata(date.strftime("%Y-%m-%d %H:%M:%S"))}</wp:post_date_gmt>
		<wp:post_name>{cdata(f"photo-{post_id}")}</wp:post_name>
		<wp:status>{cdata("inherit")}</wp:status>
		<wp:post_parent>0</wp:post_parent>
		<wp:post_type>{cdata("attachment")}</wp:post_type>
		<wp:attachment_url>{cdata(url)}</wp:attachment_url>
	</item>
"""


def write_export(path, posts, attachments=0, media_dir=None, seed=1):
    rng = random.Random(seed)
    start = datetime(2003, 1, 1, 8, 0)
    attachment_ids = list(range(posts + 1, posts + 1 + attachments))
    if media_dir and attachments:
        from PIL import Image

        folder = Path(media_dir) / "2011" / "12"
        folder.mkdir(parents=True, exist_ok=True)
        for attachment_id in attachment_ids:
            Image.new("RGB", (32, 24), (attachment_id % 255, 90, 120)).save(
                folder / f"photo-{attachment_id}.jpg"
            )
    with open(path, "w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
            "\t<title>NEJAT Society</title>\n\t<link>https://nejatngo.org</link>\n"
            "\t<wp:wxr_version>1.2</wp:wxr_version>\n"
            "\t<wp:base_site_url>https://nejatngo.org</wp:base_site_url>\n"
            "\t<wp:base_blog_url>https://nejatngo.org</wp:base_blog_url>\n"
        )
        for number, (login, name) in enumerate(
            [("nejat", "Nejat Editor"), ("rgutman", "Roy Gutman")], 1
        ):
            out.write(
                f"\t<wp:author><wp:author_id>{number}</wp:author_id><wp:author_login>"
                f"{login}</wp:author_login><wp:author_display_name>{cdata(name)}"
                "</wp:author_display_name></wp:author>\n"
            )
        for number, (slug, name, parent) in enumerate(CATEGORIES, 1):
            out.write(
                f"\t<wp:category><wp:term_id>{number}</wp:term_id><wp:category_nicename>{slug}"
                f"</wp:category_nicename><wp:category_parent>{parent}</wp:category_parent>"
                f"<wp:cat_name>{cdata(name)}</wp:cat_name></wp:category>\n"
            )
        for attachment_id in attachment_ids:
            out.write(attachment(attachment_id, start))
        post_id = 0
        english = []
        while post_id < posts:
            post_id += 1
            date = start + timedelta(hours=post_id * 2)
            category = rng.choice(CATEGORIES)
            tags = rng.sample(WORDS, 2)
            author = rng.choice(["nejat", "rgutman"])
            # About a third of the posts are translations of a recent English post.
            language, group = "en", None
            if english and rng.random() < 0.33:
                _original_id, original_group, used = rng.choice(english[-50:])
                free = [code for code in LANGUAGES if code not in used]
                if free:
                    language, group = free[0], original_group
                    used.add(language)
            if group is None:
                group = f"pll_{post_id:08x}"
                english.append((post_id, group, set()))
                title = sentence(rng, 7).rstrip(".")
                classic = post_id % 2
                body = classic_body(rng, post_id, attachment_ids) if classic else None
            else:
                title = f"{language.upper()} {sentence(rng, 6)}"
                body = None
            body = body or block_body(rng, post_id)
            sticky = int(post_id <= 3 and language == "en")
            fields = (post_id, title, f"post-{post_id}", date, body, language, group)
            out.write(item(*fields, category, tags, author, sticky=sticky))
        out.write("</channel>\n</rss>\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("posts", type=int)
    parser.add_argument("path")
    parser.add_argument("--attachments", type=int, default=0)
    parser.add_argument("--media-dir")
    args = parser.parse_args()
    write_export(args.path, args.posts, args.attachments, args.media_dir)


if __name__ == "__main__":
    main()
