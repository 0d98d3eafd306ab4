"""Factories for publications: the index, books, periodical series and their issues."""

import datetime

import factory
import wagtail_factories

from core.factories import BodyBlockFactory, DocumentFactory, ImageFactory, default_root_page
from publications.models import (
    BookIndexPage,
    BookPage,
    PeriodicalIssuePage,
    PeriodicalSeriesPage,
    PublicationsIndexPage,
)


def isbn13(first_twelve):
    """A full ISBN-13 (hyphens kept) from its first twelve digits, with the check digit."""
    digits = [int(char) for char in first_twelve if char.isdigit()]
    if len(digits) != 12:
        raise ValueError("An ISBN-13 needs twelve digits before its check digit.")
    total = sum(digit * (3 if index % 2 else 1) for index, digit in enumerate(digits))
    check = (10 - total % 10) % 10
    separator = "-" if "-" in first_twelve else ""
    return f"{first_twelve.rstrip('-')}{separator}{check}"


def isbn13_is_valid(isbn):
    digits = [int(char) for char in isbn if char.isdigit()]
    if len(digits) != 13:
        return False
    return sum(digit * (3 if index % 2 else 1) for index, digit in enumerate(digits)) % 10 == 0


class PublicationsIndexPageFactory(wagtail_factories.PageFactory):
    """ "Publications" under the default home page; an existing one with the slug is reused."""

    parent = factory.LazyFunction(default_root_page)
    title = "Publications"
    slug = "publications"
    intro = ""

    class Meta:
        model = PublicationsIndexPage
        django_get_or_create = ("parent", "slug")


class BookIndexPageFactory(wagtail_factories.PageFactory):
    parent = factory.SubFactory(PublicationsIndexPageFactory)
    title = "Books"
    slug = "books"
    intro = ""

    class Meta:
        model = BookIndexPage
        django_get_or_create = ("parent", "slug")


class PeriodicalSeriesPageFactory(wagtail_factories.PageFactory):
    parent = factory.SubFactory(PublicationsIndexPageFactory)
    title = factory.Sequence(lambda n: f"Periodical {n}")
    intro = ""
    frequency = "Monthly"

    class Meta:
        model = PeriodicalSeriesPage
        django_get_or_create = ("parent", "slug")


def _publication_date(n):
    return datetime.date(2025, 6, 1) - datetime.timedelta(days=7 * n)


class BookPageFactory(wagtail_factories.PageFactory):
    parent = factory.SubFactory(BookIndexPageFactory)
    title = factory.Sequence(lambda n: f"Book {n}")
    publication_date = factory.Sequence(_publication_date)
    cover = factory.SubFactory(
        ImageFactory, kind="cover", width=450, height=630, label=factory.SelfAttribute("..title")
    )
    summary = "<p>A short description of the book.</p>"
    document = factory.SubFactory(DocumentFactory, title=factory.SelfAttribute("..title"))
    authors = "Nejat Society"
    publisher = "Nejat Society"
    isbn = factory.Sequence(lambda n: isbn13(f"978-0-00-{n % 1_000_000:06d}-"))
    page_count = 120
    purchase_url = ""

    class Meta:
        model = BookPage


class PeriodicalIssuePageFactory(wagtail_factories.PageFactory):
    parent = factory.SubFactory(PeriodicalSeriesPageFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.LazyAttribute(lambda o: f"Issue {o.number}")
    publication_date = factory.Sequence(_publication_date)
    cover = factory.SubFactory(
        ImageFactory, kind="cover", width=450, height=630, label=factory.SelfAttribute("..title")
    )
    summary = "<p>What this issue covers.</p>"
    document = factory.SubFactory(DocumentFactory, title=factory.SelfAttribute("..title"))
    contents = wagtail_factories.StreamFieldFactory(BodyBlockFactory)

    class Meta:
        model = PeriodicalIssuePage
