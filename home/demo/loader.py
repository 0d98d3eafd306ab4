"""Build the English demo site from ``home.demo.content`` with the shared factories.

Idempotent: everything is looked up by a stable identity before it is made (pages by
parent and slug, images and documents by title, video files by title, categories by slug,
authors by name, both in the default locale), and existing objects are left untouched, so
a second run creates nothing and writes no file. Every page is published through a
revision, as the admin does.
"""

import copy
import datetime
import logging
from collections import Counter
from contextlib import contextmanager
from html import escape

from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtailmedia.models import get_media_model

from core.factories import DocumentFactory, ImageFactory, default_locale, default_site
from core.models import SiteIdentity, SiteSettings, SocialLink
from core.sample_files.pdf import PAGE_BREAK
from home.demo import content
from home.factories import ContactPageFactory, StandardPageFactory, default_home_page
from home.models import ContactFormField, HomePageFeaturedArticle
from media_pages.factories import (
    DEMO_CLIPS,
    CartoonPageFactory,
    GalleryPageFactory,
    MediaIndexPageFactory,
    MediaSectionPageFactory,
    NewsPicturePageFactory,
    VideoFileFactory,
    VideoPageFactory,
)
from media_pages.models import GalleryImage
from news.factories import ArticleIndexPageFactory, ArticlePageFactory, AuthorFactory
from news.models import ArticleRelatedLink, Author, Category
from publications.factories import (
    BookIndexPageFactory,
    BookPageFactory,
    PeriodicalIssuePageFactory,
    PeriodicalSeriesPageFactory,
    PublicationsIndexPageFactory,
    isbn13,
)

# Page types of the sections in content.SECTIONS.
SECTION_FACTORIES = {
    "articles": ArticleIndexPageFactory,
    "media": MediaIndexPageFactory,
    "media_section": MediaSectionPageFactory,
    "publications": PublicationsIndexPageFactory,
    "books": BookIndexPageFactory,
    "periodical": PeriodicalSeriesPageFactory,
}

# Sizes of generated pictures.
HERO = (1600, 900)
CARTOON = (1200, 1200)
COVER = (900, 1260)
PORTRAIT = (480, 480)
LOGO = (720, 200)
HERO_ALT = "Abstract landscape illustration."

ABOUT_THE_SOCIETY = [
    PAGE_BREAK,
    "## About the Nejat Society",
    "The Nejat Society is a non-governmental organisation founded in 2003. It helps "
    "families re-establish contact with relatives from whom they have been separated, "
    "publishes reports and periodicals, and organises conferences and cultural events.",
    "This PDF was generated for the demonstration site. Its text is original and its "
    "people, places of work and quotations are fictional.",
]


def paragraph(text):
    return f"<p>{escape(text, quote=False)}</p>"


def on_date(value, time="09:00"):
    """An aware datetime for a content date ("YYYY-MM-DD") at a time of day ("HH:MM")."""
    day = datetime.date.fromisoformat(value)
    hours, minutes = (int(part) for part in time.split(":"))
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hours, minutes)))


@contextmanager
def quiet_loggers(*names):
    """Silence the per-object INFO lines (background tasks, "Page created") during a run."""
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class DemoLoader:
    def __init__(self):
        self.created = Counter()
        self.images = {}
        self.documents = {}
        self.sections = {}
        self.articles = {}

    # --- Running ------------------------------------------------------------------------

    def run(self):
        with quiet_loggers("django_tasks", "django.tasks", "wagtail"), transaction.atomic():
            self.locale = default_locale()
            self.site = default_site()
            self.home = default_home_page()
            self.load_snippets()
            self.load_sections()
            self.load_articles()
            self.load_media()
            self.load_publications()
            self.load_home()
            self.load_settings()
        return self

    def summary(self):
        created = ", ".join(f"{count} {kind}" for kind, count in sorted(self.created.items()))
        totals = {
            "pages": Page.objects.count(),
            "images": get_image_model().objects.count(),
            "documents": get_document_model().objects.count(),
            "video files": get_media_model().objects.count(),
            "categories": Category.objects.count(),
            "authors": Author.objects.count(),
        }
        return "\n".join(
            [
                f"Created: {created or 'nothing (everything was already there)'}.",
                "Now in the database: "
                + ", ".join(f"{count} {kind}" for kind, count in totals.items())
                + ".",
            ]
        )

    # --- Files --------------------------------------------------------------------------

    def image(
        self, title, kind="photo", size=HERO, seed=None, label="", sublabel="", description=""
    ):
        if title in self.images:
            return self.images[title]
        image = get_image_model().objects.filter(title=title).order_by("pk").first()
        if image is None:
            width, height = size
            image = ImageFactory(
                title=title,
                kind=kind,
                width=width,
                height=height,
                seed=seed or title,
                label=label,
                sublabel=sublabel,
                description=description,
            )
            self.created["images"] += 1
        self.images[title] = image
        return image

    def named_image(self, key):
        spec = content.IMAGES[key]
        kind = spec.get("kind", "photo")
        size = LOGO if kind == "logo" else HERO
        return self.image(spec["title"], kind, size, seed=key, description=spec["description"])

    def document(self, title, paragraphs, subtitle="", title_lines=(), colour=(38, 70, 83)):
        if title in self.documents:
            return self.documents[title]
        document = get_document_model().objects.filter(title=title).order_by("pk").first()
        if document is None:
            document = DocumentFactory(
                title=title,
                paragraphs=list(paragraphs) + ABOUT_THE_SOCIETY,
                subtitle=subtitle,
                title_lines=tuple(title_lines),
                colour=colour,
            )
            self.created["documents"] += 1
        self.documents[title] = document
        return document

    def named_document(self, key):
        spec = content.DOCUMENTS[key]
        date = datetime.date.fromisoformat(spec["date"])
        return self.document(
            spec["title"],
            spec["paragraphs"],
            subtitle=spec["subtitle"],
            title_lines=["Nejat Society", date.strftime("%B %Y")],
        )

    def video_file(self, title, clip):
        media = get_media_model().objects.filter(title=title).order_by("pk").first()
        if media is None:
            names = [path.stem for path in DEMO_CLIPS]
            media = VideoFileFactory(title=title, clip=names.index(clip))
            self.created["video files"] += 1
        return media

    # --- Pages --------------------------------------------------------------------------

    def page(self, factory, parent, slug, kind, **fields):
        """The child of ``parent`` with ``slug``, or a new published one."""
        existing = Page.objects.child_of(parent).filter(slug=slug).first()
        if existing is not None:
            return existing.specific
        page = factory(parent=parent, slug=slug, live=False, **fields)
        page.save_revision().publish()
        self.created[kind] += 1
        return page

    def body(self, blocks):
        """StreamField data from content tuples (see the content module's docstring)."""
        stream = []
        for block in blocks:
            kind, *args = block
            if kind == "p":
                stream.append(("paragraph", RichText(paragraph(args[0]))))
            elif kind == "h":
                stream.append(("heading", {"text": args[0], "level": "h2"}))
            elif kind == "img":
                key, caption, alt_text = args
                image = self.named_image(key)
                # A copy, so the alt text of one use does not leak into another.
                image = copy.copy(image)
                image.contextual_alt_text, image.decorative = alt_text, False
                stream.append(("image", {"image": image, "caption": caption, "credit": ""}))
            elif kind == "quote":
                stream.append(("quote", {"quote": args[0], "attribution": args[1]}))
            elif kind == "pull":
                stream.append(("pull_quote", args[0]))
            elif kind == "doc":
                document = self.named_document(args[0])
                stream.append(("document", {"document": document, "label": args[1]}))
            elif kind == "link":
                stream.append(("source_link", {"url": args[0], "label": args[1]}))
            elif kind == "embed":
                stream.append(("embed", args[0]))
            else:
                raise ValueError(f"Unknown block kind in demo content: {kind!r}")
        return stream

    @staticmethod
    def pdf_text(blocks):
        """The paragraphs of a PDF from content tuples."""
        lines = []
        for kind, *args in blocks:
            if kind == "h":
                lines.append(f"## {args[0]}")
            elif kind in ("p", "pull"):
                lines.append(args[0])
            elif kind == "quote":
                lines.append(f"“{args[0]}” ({args[1]})")
        return lines

    # --- Content ------------------------------------------------------------------------

    def load_snippets(self):
        self.categories = {}
        for key, spec in content.CATEGORIES.items():
            category = Category.objects.filter(locale=self.locale, slug=spec["slug"]).first()
            if category is None:
                category = Category.objects.create(locale=self.locale, **spec)
                self.created["categories"] += 1
            self.categories[key] = category
        self.authors = {}
        for key, spec in content.AUTHORS.items():
            author = Author.objects.filter(locale=self.locale, name=spec["name"]).first()
            if author is None:
                initials = "".join(part[0] for part in spec["name"].split()[:2])
                photo = self.image(
                    f"{spec['name']} (portrait)",
                    "portrait",
                    PORTRAIT,
                    seed=key,
                    label=initials,
                    description=f"Initials of {spec['name']}.",
                )
                author = AuthorFactory(
                    name=spec["name"], role=spec["role"], photo=photo, locale=self.locale
                )
                self.created["authors"] += 1
            self.authors[key] = author

    def load_sections(self):
        """Every section page, in menu order (top-level ones first, as the menu shows them)."""
        top_level = ["articles", "media", "publications"]
        for key in top_level:
            self.section(key)
        # About Us and Contact us come after Publications in the menu.
        self.load_pages()
        for key in content.SECTIONS:
            self.section(key)

    def section(self, key):
        if key in self.sections:
            return self.sections[key]
        spec = content.SECTIONS[key]
        parent = self.section(spec["parent"]) if "parent" in spec else self.home
        fields = {"title": spec["title"], "intro": paragraph(spec["intro"])}
        if spec["kind"] == "periodical":
            fields["frequency"] = spec["frequency"]
        page = self.page(
            SECTION_FACTORIES[spec["kind"]],
            parent,
            spec["slug"],
            "section pages",
            show_in_menus=True,
            **fields,
        )
        self.sections[key] = page
        return page

    def load_pages(self):
        """About Us and Contact us."""
        about = content.PAGES["about-us"]
        self.page(
            StandardPageFactory,
            self.home,
            about["slug"],
            "standard pages",
            title=about["title"],
            intro=about["intro"],
            body=self.body(about["body"]),
            show_in_menus=True,
        )
        contact = content.PAGES["contact-us"]
        fields = [
            ContactFormField(
                label=label, field_type=field_type, required=required, sort_order=index
            )
            for index, (label, field_type, required) in enumerate(contact["fields"])
        ]
        self.page(
            ContactPageFactory,
            self.home,
            contact["slug"],
            "contact pages",
            title=contact["title"],
            intro=paragraph(contact["intro"]),
            thank_you_text=paragraph(contact["thank_you_text"]),
            form_fields=fields,
            to_address="",
            from_address="",
            subject="Message from the website",
            show_in_menus=True,
        )

    def load_articles(self):
        index = self.sections["articles"]
        for key, spec in content.ARTICLES.items():
            missing = [other for other in spec.get("related", []) if other not in self.articles]
            if missing:
                raise ValueError(f"Article {key!r} is related to later articles {missing}")
            source_name, source_url = "", ""
            if spec.get("source"):
                source_name, base = content.SOURCES[spec["source"]]
                source_url = base + spec.get("source_path", "")
            date = on_date(spec["date"], spec.get("time", "09:00"))
            existing = Page.objects.child_of(index).filter(slug=spec["slug"]).first()
            if existing is not None:
                self.articles[key] = existing.specific
                continue
            hero = self.image(
                spec["title"], "photo", HERO, seed=f"hero-{key}", description=HERO_ALT
            )
            self.articles[key] = self.page(
                ArticlePageFactory,
                index,
                spec["slug"],
                "articles",
                title=spec["title"],
                date=date,
                first_published_at=date,
                category=self.categories[spec["category"]],
                author=self.authors[spec["author"]] if spec.get("author") else None,
                source_name=source_name,
                source_url=source_url,
                summary=spec["summary"],
                hero_image=hero,
                hero_caption=spec["hero_caption"],
                body=self.body(spec["body"]),
                tags=spec.get("tags", []),
                related_links=[
                    ArticleRelatedLink(article=self.articles[other], sort_order=position)
                    for position, other in enumerate(spec.get("related", []))
                ],
            )

    def load_media(self):
        section = self.sections["cartoons"]
        for key, spec in content.CARTOONS.items():
            image = self.image(
                spec["title"],
                "cartoon",
                CARTOON,
                seed=f"cartoon-{key}",
                label=spec["symbol"],
                description=spec["caption"],
            )
            self.page(
                CartoonPageFactory,
                section,
                spec["slug"],
                "cartoons",
                title=spec["title"],
                date=datetime.date.fromisoformat(spec["date"]),
                image=image,
                caption=spec["caption"],
                artist=spec["artist"],
            )

        section = self.sections["newspics"]
        for key, spec in content.NEWS_PICTURES.items():
            image = self.image(
                spec["title"], "photo", HERO, seed=f"newspic-{key}", description=HERO_ALT
            )
            self.page(
                NewsPicturePageFactory,
                section,
                spec["slug"],
                "news pictures",
                title=spec["title"],
                date=datetime.date.fromisoformat(spec["date"]),
                image=image,
                caption=spec["caption"],
                credit=spec["credit"],
            )

        section = self.sections["photo-gallery"]
        for key, spec in content.GALLERIES.items():
            if Page.objects.child_of(section).filter(slug=spec["slug"]).exists():
                continue
            photos = [
                GalleryImage(
                    image=self.image(
                        f"{spec['title']}: photo {number}",
                        "photo",
                        HERO,
                        seed=f"gallery-{key}-{number}",
                        description=alt_text,
                    ),
                    caption=caption,
                    alt_text=alt_text,
                    sort_order=number - 1,
                )
                for number, (caption, alt_text) in enumerate(spec["photos"], start=1)
            ]
            self.page(
                GalleryPageFactory,
                section,
                spec["slug"],
                "galleries",
                title=spec["title"],
                date=datetime.date.fromisoformat(spec["date"]),
                intro=paragraph(spec["intro"]),
                image=photos[0].image,
                caption=spec["caption"],
                gallery_images=photos,
            )

        section = self.sections["videos"]
        for key, spec in content.VIDEOS.items():
            if Page.objects.child_of(section).filter(slug=spec["slug"]).exists():
                continue
            poster = self.image(
                f"{spec['title']} (poster)",
                "photo",
                (1280, 720),
                seed=f"video-{key}",
                description=HERO_ALT,
            )
            video = self.video_file(spec["title"], spec["clip"]) if spec.get("clip") else None
            self.page(
                VideoPageFactory,
                section,
                spec["slug"],
                "videos",
                title=spec["title"],
                date=datetime.date.fromisoformat(spec["date"]),
                image=poster,
                caption=spec["caption"],
                embed_url=spec.get("embed_url", ""),
                video=video,
                description=paragraph(spec["description"]),
                transcript=spec["transcript"],
            )

    def load_publications(self):
        section = self.sections["books"]
        for key, spec in content.BOOKS.items():
            if Page.objects.child_of(section).filter(slug=spec["slug"]).exists():
                continue
            isbn = isbn13(spec["isbn"])
            date = datetime.date.fromisoformat(spec["date"])
            cover = self.image(
                f"{spec['title']} (cover)",
                "cover",
                COVER,
                seed=f"book-{key}",
                label=spec["title"],
                sublabel="Nejat Society · Books",
                description=f"Cover of the book {spec['title']}.",
            )
            document = self.document(
                spec["title"],
                [
                    "## Summary",
                    spec["summary"],
                    "## This edition",
                    f"{spec['pages']} pages. ISBN {isbn}. Published by {spec['publisher']}.",
                ],
                subtitle=spec["authors"],
                title_lines=[spec["publisher"], date.strftime("%B %Y"), f"ISBN {isbn}"],
            )
            self.page(
                BookPageFactory,
                section,
                spec["slug"],
                "books",
                title=spec["title"],
                publication_date=date,
                cover=cover,
                summary=paragraph(spec["summary"]),
                document=document,
                authors=spec["authors"],
                publisher=spec["publisher"],
                isbn=isbn,
                page_count=spec["pages"],
                purchase_url=spec["purchase_url"],
            )

        for key, spec in content.ISSUES.items():
            series = self.sections[spec["series"]]
            slug = f"{spec['series']}-{spec['number']}"
            if Page.objects.child_of(series).filter(slug=slug).exists():
                continue
            style = content.PERIODICALS[spec["series"]]
            date = datetime.date.fromisoformat(spec["date"])
            cover = self.image(
                f"{spec['title']} (cover)",
                "cover",
                COVER,
                seed=f"issue-{key}",
                label=spec["summary"],
                sublabel=f"{style['kicker']} · No. {spec['number']}",
                description=f"Cover of {spec['title']}.",
            )
            document = self.document(
                spec["title"],
                ["## In this issue", spec["summary"], *self.pdf_text(spec["contents"])],
                subtitle=spec["summary"],
                title_lines=["Nejat Society", date.strftime("%B %Y")],
                colour=style["colour"],
            )
            self.page(
                PeriodicalIssuePageFactory,
                series,
                slug,
                "periodical issues",
                title=spec["title"],
                number=spec["number"],
                publication_date=date,
                cover=cover,
                summary=paragraph(spec["summary"]),
                document=document,
                contents=self.body(spec["contents"]),
            )

    def load_home(self):
        home = self.home
        spec = content.HOME
        intro = paragraph(spec["intro"])
        featured = [self.articles[key] for key in spec["featured"]]
        current = [link.article_id for link in home.featured_article_links.all()]
        if home.intro and current:
            # Already set up (by a previous run or by an editor): leave it alone.
            return
        home.title = home.draft_title = spec["title"]
        home.intro = intro
        home.featured_article_links = [
            HomePageFeaturedArticle(article=article, sort_order=position)
            for position, article in enumerate(featured)
        ]
        home.save_revision().publish()
        self.created["home page updates"] += 1

    def load_settings(self):
        settings = SiteSettings.for_site(self.site)
        spec = content.SITE
        changed = False
        if settings.identity_id is None:
            identity = SiteIdentity(
                site_name=spec["site_name"],
                tagline=spec["tagline"],
                copyright_holder=spec["copyright_holder"],
                locale=self.locale,
            )
            identity.social_links = [
                SocialLink(platform=platform, url=url, label=label, sort_order=position)
                for position, (platform, url, label) in enumerate(spec["social_links"])
            ]
            identity.save()
            settings.identity = identity
            changed = True
        if not settings.copyright_start_year:
            settings.copyright_start_year = spec["copyright_start_year"]
            changed = True
        if settings.logo_id is None:
            logo_spec = content.IMAGES[spec["logo"]]
            settings.logo = self.image(
                logo_spec["title"],
                "logo",
                LOGO,
                seed="logo",
                label="NEJAT",
                sublabel="Society",
                description=logo_spec["description"],
            )
            changed = True
        if changed:
            settings.save()
            self.created["site settings updates"] += 1
