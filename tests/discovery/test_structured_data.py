"""JSON-LD, OpenGraph and Twitter cards as search engines and social networks read them."""

import json

import extruct
import pytest

from dateline.core.models import SiteSettings
from dateline.discovery.structured_data import json_ld_script
from dateline.news.builders import demo_image

pytestmark = pytest.mark.django_db


def extract(client, path) -> dict:
    response = client.get(path)
    assert response.status_code == 200
    return extruct.extract(
        response.content.decode(),
        base_url="http://localhost" + path,
        syntaxes=["json-ld", "opengraph"],
        uniform=True,
    )


def json_ld_of_type(data, kind) -> dict:
    items = [item for item in data["json-ld"] if item.get("@type") == kind]
    assert len(items) == 1, [item.get("@type") for item in data["json-ld"]]
    return items[0]


def opengraph(data) -> dict:
    assert len(data["opengraph"]) == 1
    return data["opengraph"][0]


def test_news_article_has_what_article_rich_results_require(client, story):
    article = json_ld_of_type(extract(client, story.url), "NewsArticle")
    url = "http://localhost/world/ceasefire-talks-resume-in-geneva/"
    assert article["headline"] == "Ceasefire talks resume in Geneva"
    assert article["url"] == url and article["mainEntityOfPage"]["@id"] == url
    assert article["datePublished"] == story.first_published_at.isoformat()
    assert article["dateModified"] >= article["datePublished"]
    assert article["author"][0] == {
        "@type": "Person",
        "name": "Ana Ribeiro",
        "url": "http://localhost/authors/ana-ribeiro/",
    }
    assert article["articleSection"] == "World"
    assert article["isAccessibleForFree"] is True
    assert article["wordCount"] == story.word_count
    assert article["commentCount"] == 0
    assert article["keywords"] == ["Diplomacy", "Europe"]
    assert [image.rsplit(".", 2)[-2] for image in article["image"]] == [
        "fill-1200x675",
        "fill-1200x900",
        "fill-1200x1200",
    ]
    publisher = article["publisher"]
    assert publisher["name"] == "Dateline"
    assert publisher["logo"]["url"] == "http://localhost/static/discovery/logo.png"


def test_publisher_name_comes_from_site_settings(client, story):
    settings = SiteSettings.for_site(story.get_site())
    settings.publisher_name = "Courier Media Ltd"
    settings.save()
    article = json_ld_of_type(extract(client, story.url), "NewsArticle")
    assert article["publisher"]["name"] == "Courier Media Ltd"


def test_every_page_has_breadcrumbs(client, story):
    def crumbs(path):
        trail = json_ld_of_type(extract(client, path), "BreadcrumbList")["itemListElement"]
        return [(item["name"], item["item"]) for item in trail]

    assert crumbs(story.url) == [
        ("Home", "http://localhost/"),
        ("World", "http://localhost/world/"),
        (story.title, "http://localhost/world/ceasefire-talks-resume-in-geneva/"),
    ]
    assert crumbs("/world/")[-1] == ("World", "http://localhost/world/")
    assert crumbs("/authors/ana-ribeiro/")[-2:] == [
        ("Authors", "http://localhost/authors/"),
        ("Ana Ribeiro", "http://localhost/authors/ana-ribeiro/"),
    ]
    assert crumbs("/tags/diplomacy/")[-1] == ("Diplomacy", "http://localhost/tags/diplomacy/")


def test_home_page_describes_the_organization_and_its_search(client, story):
    settings = SiteSettings.for_site(story.get_site())
    settings.x_url = "https://x.com/courier"
    settings.save()
    data = extract(client, "/")
    organization = json_ld_of_type(data, "NewsMediaOrganization")
    assert organization["url"] == "http://localhost/"
    assert organization["sameAs"] == ["https://x.com/courier"]
    website = json_ld_of_type(data, "WebSite")
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == "http://localhost/search/?q={search_term_string}"
    assert action["query-input"] == "required name=search_term_string"


def test_author_page_is_a_profile_page(client, story, ana):
    ana.role = "Diplomatic correspondent"
    ana.x_url = "https://x.com/ana"
    ana.photo = demo_image("Ana portrait", size=(400, 400), initials="AR")
    ana.save_revision().publish()
    profile = json_ld_of_type(extract(client, "/authors/ana-ribeiro/"), "ProfilePage")
    person = profile["mainEntity"]
    assert person["@type"] == "Person" and person["name"] == "Ana Ribeiro"
    assert person["jobTitle"] == "Diplomatic correspondent"
    assert person["sameAs"] == ["https://x.com/ana"]
    assert person["image"].startswith("http://localhost/media/images/")


def test_article_social_card_uses_a_1200x630_image(client, story):
    og = opengraph(extract(client, story.url))
    assert og["@type"] == "article"  # extruct's uniform output
    assert og["og:title"] == "Ceasefire talks resume in Geneva"
    assert og["og:description"] == "Negotiators return after a week of shelling & talks."
    assert og["og:url"] == "http://localhost/world/ceasefire-talks-resume-in-geneva/"
    assert ".fill-1200x630." in og["og:image"]
    assert (og["og:image:width"], og["og:image:height"]) == ("1200", "630")
    assert og["article:section"] == "World"
    html = client.get(story.url).content.decode()
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert (
        '<link rel="canonical" href="http://localhost/world/ceasefire-talks-resume-in-geneva/">'
        in html
    )


def test_seo_title_and_description_override_the_headline(client, story):
    story.seo_title = "Geneva ceasefire talks: what we know"
    story.search_description = "Everything about the talks."
    story.save_revision().publish()
    html = client.get(story.url).content.decode()
    assert "<title>Geneva ceasefire talks: what we know | Dateline</title>" in html
    assert html.count('<meta name="description"') == 1
    og = opengraph(extract(client, story.url))
    assert og["og:title"] == "Geneva ceasefire talks: what we know"
    assert og["og:description"] == "Everything about the talks."
    article = json_ld_of_type(extract(client, story.url), "NewsArticle")
    assert article["description"] == "Everything about the talks."


def test_canonical_url_keeps_only_the_page_number(client, story):
    html = client.get("/world/?utm_source=x").content.decode()
    assert '<link rel="canonical" href="http://localhost/world/">' in html


def test_structured_data_never_leaks_emails(client, story, ana):
    settings = SiteSettings.for_site(story.get_site())
    settings.contact_email = "tips@example.com"
    settings.save()
    for path in (story.url, "/", "/authors/ana-ribeiro/"):
        data = extract(client, path)
        assert "@example.com" not in str(data["json-ld"]) + str(data["opengraph"])


def test_json_ld_cannot_be_broken_out_of():
    data = {"headline": "Café « Q&A » </script><script>alert(1)</script>"}
    html = json_ld_script(data)
    payload = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert not {"<", ">", "&"} & set(payload)  # escaped as \\u003c, \\u003e, \\u0026
    assert "Café « Q" in payload  # other characters as they are
    assert json.loads(payload) == data
