"""Site settings refuse values that would break the site, with a form error, and the site
survives a bad value that is already in the database."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Site

from core.models import SiteSettings
from news.factories import ArticlePageFactory


def settings_url():
    return reverse("wagtailsettings:edit", args=["core", "sitesettings", Site.objects.get().pk])


def form_data(**overrides):
    return {
        "identity": "",
        "logo": "",
        "copyright_start_year": "2003",
        "listing_shows_full_text": "",
        "articles_per_page": "10",
        "comments_enabled": "on",
        **overrides,
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    "field, value",
    [
        ("articles_per_page", "0"),
        ("articles_per_page", "101"),
        ("articles_per_page", "32767"),
        ("articles_per_page", "-1"),
        ("articles_per_page", "99999999999999999999"),
        ("copyright_start_year", "1066"),
        ("copyright_start_year", "3000"),
        ("copyright_start_year", "32767"),
    ],
)
def test_out_of_bounds_values_get_a_form_error_and_nothing_changes(
    admin_client, site_settings, field, value
):
    response = admin_client.post(settings_url(), form_data(**{field: value}))
    assert response.status_code == 200  # the form again, not a redirect
    assert field in response.context["form"].errors
    saved = SiteSettings.objects.get(pk=site_settings.pk)
    assert saved.articles_per_page == site_settings.articles_per_page
    assert saved.copyright_start_year == site_settings.copyright_start_year


@pytest.mark.django_db
def test_sane_values_are_saved(admin_client, site_settings):
    response = admin_client.post(
        settings_url(), form_data(articles_per_page="25", copyright_start_year="1998")
    )
    assert response.status_code == 302
    saved = SiteSettings.objects.get(pk=site_settings.pk)
    assert (saved.articles_per_page, saved.copyright_start_year) == (25, 1998)


@pytest.mark.django_db
@pytest.mark.parametrize("stored", [0, 32767])
def test_listings_survive_a_bad_value_already_stored(client, site_settings, article_index, stored):
    for number in range(3):
        ArticlePageFactory(parent=article_index, title=f"Article {number}")
    SiteSettings.objects.filter(pk=site_settings.pk).update(articles_per_page=stored)
    response = client.get(article_index.url)
    assert response.status_code == 200
    assert "Article 2" in response.content.decode()


@pytest.mark.django_db
def test_a_translator_opening_site_settings_is_refused_not_a_500(
    client, site_settings, django_user_model
):
    translator = django_user_model.objects.create_user("persian", password="x" * 12)
    translator.groups.add(Group.objects.get(name="Persian translators"))
    client.force_login(translator)
    for url in (settings_url(), reverse("wagtailsettings:edit", args=["core", "sitesettings"])):
        response = client.get(url)
        assert response.status_code in (302, 403), url


@pytest.mark.django_db
def test_the_settings_menu_link_opens_this_sites_settings(admin_client, site_settings):
    response = admin_client.get(reverse("wagtailsettings:edit", args=["core", "sitesettings"]))
    assert response.status_code == 302 and response["Location"] == settings_url()
    assert admin_client.get(settings_url()).status_code == 200
