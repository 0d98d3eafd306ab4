"""Factories for articles, their index, categories and authors (tests and demo loader)."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify

from core.factories import BodyBlockFactory, ImageFactory, default_locale, default_root_page
from news.models import (
    ArticleIndexPage,
    ArticlePage,
    ArticleRelatedLink,
    Author,
    Category,
    Comment,
)


class CategoryFactory(factory.django.DjangoModelFactory):
    """A category in the default locale; found again by ``(slug, locale)`` if it exists."""

    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name)[:255])
    description = ""
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = Category
        django_get_or_create = ("slug", "locale")


class AuthorFactory(factory.django.DjangoModelFactory):
    """A byline in the default locale; ``photo`` is empty unless given."""

    name = factory.Sequence(lambda n: f"Correspondent {n}")
    role = "Correspondent"
    photo = None
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = Author


class ArticleIndexPageFactory(wagtail_factories.PageFactory):
    """ "Articles" under the default home page; an existing one with the slug is reused."""

    parent = factory.LazyFunction(default_root_page)
    title = "Articles"
    slug = "articles"
    intro = ""

    class Meta:
        model = ArticleIndexPage
        django_get_or_create = ("parent", "slug")


def _article_date(n):
    # Distinct, ordered, in the past: one day apart going back from 1 June 2025.
    return timezone.make_aware(datetime.datetime(2025, 6, 1, 9, 0)) - datetime.timedelta(days=n)


class ArticlePageFactory(wagtail_factories.PageFactory):
    """An article. ``body`` takes ``body__0__paragraph__value="<p>…</p>"`` style arguments
    (see ``BodyBlockFactory``) or a plain list of ``(block_name, value)`` pairs.

    ``tags`` takes a list of names: ``ArticlePageFactory(tags=["un", "families"])``.
    """

    parent = factory.SubFactory(ArticleIndexPageFactory)
    title = factory.Sequence(lambda n: f"Article {n}")
    date = factory.Sequence(_article_date)
    category = factory.SubFactory(CategoryFactory)
    author = None
    source_name = ""
    source_url = ""
    summary = factory.LazyAttribute(lambda o: f"A short summary of “{o.title}”.")
    hero_image = None
    hero_caption = ""
    body = wagtail_factories.StreamFieldFactory(BodyBlockFactory)

    class Meta:
        model = ArticlePage

    @factory.post_generation
    def tags(obj, create, extracted, **kwargs):
        if extracted:
            obj.tags.add(*extracted)
            if create:
                obj.save()

    class Params:
        with_hero = factory.Trait(
            hero_image=factory.SubFactory(ImageFactory, width=1600, height=900),
            hero_caption="A caption for the main image.",
        )


class ArticleRelatedLinkFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(ArticlePageFactory)
    article = factory.SubFactory(ArticlePageFactory)
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = ArticleRelatedLink


class CommentFactory(factory.django.DjangoModelFactory):
    """A reader's comment, approved unless ``status`` says otherwise."""

    page = factory.SubFactory(ArticlePageFactory)
    parent = None
    name = factory.Sequence(lambda n: f"Reader {n}")
    email = ""
    text = factory.Sequence(lambda n: f"Comment number {n}.")
    status = Comment.Status.APPROVED
    created_at = factory.Sequence(
        lambda n: (
            timezone.make_aware(datetime.datetime(2025, 6, 2, 9, 0)) + datetime.timedelta(minutes=n)
        )
    )

    class Meta:
        model = Comment
