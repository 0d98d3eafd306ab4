"""Fill the browser tests' database: `python -m tests.browser.prepare --port N`.

Runs in its own process with DJANGO_SETTINGS_MODULE and DATABASE_URL set by DemoSite:
migrations, the demo content in four editions, the site's address, and the accounts the
journeys log in with. The translator's article is a new English article, submitted for
translation into Persian exactly as the admin's "Translate" action does.
"""

import argparse

import django

TRANSLATOR_ARTICLE_TITLE = "Families gather at the spring reunion in Tirana"
TRANSLATOR_ARTICLE_SLUG = "families-gather-spring-reunion-tirana"
TRANSLATOR_ARTICLE_TEXT = "Relatives met again after years apart."
# A second article for the translator who tries to plant markup.
PLANTED_ARTICLE_TITLE = "Volunteers repaint the community library"
PLANTED_ARTICLE_SLUG = "volunteers-repaint-community-library"
PLANTED_ARTICLE_TEXT = "The walls are bright again."


def create_accounts():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from tests.browser import demo_site

    User = get_user_model()
    groups = {
        # A newsroom editor who may publish (Wagtail gives that right to Moderators).
        demo_site.EDITOR: ["Editors", "Moderators"],
        demo_site.MODERATOR: ["Moderators"],
        demo_site.PERSIAN_TRANSLATOR: ["Persian translators"],
        demo_site.COORDINATOR: ["Translation coordinators", "Editors"],
    }
    for username, group_names in groups.items():
        user = User.objects.create_user(
            username=username,
            email=f"{username}@example.org",
            password=demo_site.PASSWORD,
            first_name=username.split("_")[0].title(),
        )
        user.groups.set(Group.objects.filter(name__in=group_names))
        missing = set(group_names) - set(user.groups.values_list("name", flat=True))
        if missing:
            raise RuntimeError(f"Missing groups for {username}: {sorted(missing)}")


def submit_article_for_persian_translation(title, slug, text, summary):
    from django.contrib.auth import get_user_model
    from wagtail.models import Locale
    from wagtail_localize.operations import TranslationCreator

    from news.factories import ArticlePageFactory
    from news.models import ArticleIndexPage, Category
    from tests.browser import demo_site

    english = Locale.objects.get(language_code="en")
    index = ArticleIndexPage.objects.get(locale=english)
    article = ArticlePageFactory(
        parent=index,
        title=title,
        slug=slug,
        summary=summary,
        category=Category.objects.filter(locale=english).order_by("pk").first(),
        body__0__paragraph__value=f"<p>{text}</p>",
    )
    article.save_revision().publish()
    coordinator = get_user_model().objects.get(username=demo_site.COORDINATOR)
    TranslationCreator(coordinator, [Locale.objects.get(language_code="fa")]).create_translations(
        article
    )


def list_two_articles_per_page():
    """Every category archive of the demo then has older posts to page through."""
    from wagtail.models import Site

    from core.models import SiteSettings

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.articles_per_page = 2
    settings.save()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    options = parser.parse_args()

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("configure_site", hostname="127.0.0.1", port=options.port)
    call_command("load_demo")
    list_two_articles_per_page()
    create_accounts()
    submit_article_for_persian_translation(
        TRANSLATOR_ARTICLE_TITLE,
        TRANSLATOR_ARTICLE_SLUG,
        TRANSLATOR_ARTICLE_TEXT,
        summary="Relatives met again in Tirana.",
    )
    submit_article_for_persian_translation(
        PLANTED_ARTICLE_TITLE,
        PLANTED_ARTICLE_SLUG,
        PLANTED_ARTICLE_TEXT,
        summary="The library reopens next week.",
    )


if __name__ == "__main__":
    main()
