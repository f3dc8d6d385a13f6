"""The parsers read saved agency payloads (tests/fixtures/wire/) into clean items."""

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dateline.wire.parsers import SourceError, detect_format, parse_source

FIXTURES = Path(__file__).parent.parent / "fixtures" / "wire"


def read(name: str):
    return parse_source((FIXTURES / name).read_bytes())


def only(parsed):
    [item] = parsed.items
    return item


# -- RSS, Atom, RSS 1.0 ------------------------------------------------------------------


def test_rss2_items_with_their_full_text_sanitised():
    parsed = read("rss2.xml")
    assert parsed.format == "RSS 2.0" and parsed.skipped == []
    strike, storm, budget = parsed.items
    assert strike.guid == "nwa-20261205-harbour-strike"
    assert strike.headline == "Harbour strike ends after dockers accept 6% pay offer"
    assert strike.byline == "Maren Holt"
    assert strike.link == "https://wire.northwind.example/stories/2026/12/05/harbour-strike-ends"
    assert strike.version_created == datetime(2026, 12, 5, 14, 30, tzinfo=UTC)
    assert strike.subjects == ("Business", "Labour")
    assert strike.summary == "Dockers at the port of Westhaven voted to return to work on Monday."
    assert "<h2>Backlog</h2>" in strike.body_html and "<b>two weeks</b>" in strike.body_html
    assert "script" not in strike.body_html and "trackView" not in strike.body_html
    assert storm.body_html.startswith("<p>Winds of up to 130")
    # No guid: the link identifies it; an undeclared &nbsp; does not make the feed unreadable.
    assert (
        budget.guid == budget.link and budget.headline == "Council budget vote delayed to January"
    )


def test_an_rss_item_changes_version_when_its_text_changes():
    original = (FIXTURES / "rss2.xml").read_bytes()
    corrected = original.replace(b"by 412 to 97", b"by 421 to 97")
    before, after = parse_source(original).items[0], parse_source(corrected).items[0]
    assert before.guid == after.guid and before.version != after.version
    assert parse_source(original).items[0].version == before.version  # stable


def test_atom_entries():
    parsed = read("atom.xml")
    assert parsed.format == "Atom 1.0"
    court, museum = parsed.items
    assert court.guid == "tag:lakeside-press.example,2026:story/88213"
    assert court.version == "2026-12-05T15:05:00Z"
    assert court.byline == "Jonas Brekke, Saida Karim"
    assert court.credit == "Lakeside Press Service. All rights reserved."
    assert court.first_created == datetime(2026, 12, 5, 13, 0, tzinfo=UTC)
    assert museum.headline == "Museum returns Bronze Horse to its home town"  # html title
    assert museum.body_html == (
        "<p>The national museum has returned the <i>Bronze Horse</i> to Ostvik, 92 years "
        "after it was taken for an exhibition.</p>"
    )


def test_rss1_rdf_items():
    parsed = read("rss1.rdf")
    assert parsed.format == "RSS 1.0"
    comet, vaccine = parsed.items
    assert comet.guid == "https://science-desk.example/2026/12/comet"
    assert comet.byline == "Petra Olsen" and comet.subjects == ("Astronomy",)
    assert vaccine.version_created == datetime(2026, 12, 4, 16, 30, tzinfo=UTC)


NEWSML_IN_LATIN_1 = (
    "<newsItem xmlns='http://iptc.org/std/nar/2006-10-01/' guid='a'><x>Caf\u00e9</x></newsItem>"
).encode("latin-1")
ENCODINGS = json.loads((FIXTURES / "encodings" / "expected.json").read_text("utf-8"))


@pytest.mark.parametrize("name", sorted(ENCODINGS))
def test_feeds_in_every_encoding_feedparser_reads(name):
    expected = ENCODINGS[name]
    data = (FIXTURES / "encodings" / f"rss2-{name}.xml").read_bytes()
    parsed = parse_source(data, content_type=expected.get("content_type", ""))
    item = only(parsed)
    assert item.headline == expected["title"]
    assert item.body_html == expected["text"]
    assert parsed.warnings == []


def test_a_feed_whose_declared_encoding_is_wrong_is_read_with_a_warning():
    data = (FIXTURES / "encodings" / "rss2-iso-8859-1.xml").read_bytes()
    mislabelled = data.replace(b'encoding="ISO-8859-1"', b'encoding="UTF-8"')
    parsed = parse_source(mislabelled)
    assert only(parsed).headline == ENCODINGS["iso-8859-1"]["title"]
    assert "declared as utf-8" in parsed.warnings[0]


# -- ninjs -------------------------------------------------------------------------------


def test_ninjs_1_with_its_embargo_renditions_and_associations():
    parsed = read("ninjs-1.3.json")
    item = only(parsed)
    assert parsed.format == "ninjs 1.x"
    assert item.guid == "urn:newsml:baltic-wire.example:20261205:bw-1187"
    assert item.version == "1" and item.headline == "Pension reform bill to be unveiled on Monday"
    assert item.embargoed == datetime(2026, 12, 6, 6, 0, tzinfo=UTC)
    assert item.byline == "Liis Tamm" and item.located == "Tallinn" and item.urgency == 3
    assert item.credit == "Baltic Wire" and item.slugline == "POLITICS-PENSIONS"
    assert item.link == "https://baltic-wire.example/story/bw-1187"  # the text/html rendition
    assert item.summary.startswith("The government will propose")
    assert item.ednote.startswith("Embargoed")
    [photo] = item.associations
    assert photo["name"] == "featureimage" and photo["type"] == "picture"
    assert photo["headline"] == "Parliament building in Tallinn"
    assert photo["href"].startswith("https://media.baltic-wire.example/bw-photo-552/")


def test_ninjs_2_prefers_the_main_html_body_and_headline():
    parsed = read("ninjs-2.2.json")
    item = only(parsed)
    assert parsed.format == "ninjs 2.x"
    assert item.version == "3"
    assert item.headline == "Island ferry link to reopen after two-year repair"  # role main
    assert item.body_html.startswith("<p>The ferry between the mainland and Osterholm")
    assert "<em>Timetables</em>" in item.body_html and "<img" not in item.body_html
    assert item.summary == "The Osterholm ferry returns to service on 15 December."
    assert item.version_created == datetime(2026, 12, 5, 13, 20, tzinfo=UTC)
    assert item.subjects == ("maritime transport", "infrastructure")
    assert item.renditions[0]["href"] == "https://nordic-wire.example/story/nw-4410"
    assert item.associations[0]["href"].endswith("nw-photo-771/thumb.jpg")


def test_ninjs_3_reads_camel_case_names():
    parsed = read("ninjs-3.0.json")
    item = only(parsed)
    assert parsed.format == "ninjs 3.x"
    assert item.headline == "Neue Seilbahn am Gletscher eröffnet"
    assert item.version_created == datetime(2026, 12, 5, 9, 12, tzinfo=UTC)  # +01:00 to UTC
    assert item.credit == "Alpine News Service" and item.language == "de"
    assert item.body_html.startswith("<p>Die neue Seilbahn")


def test_a_ninjs_list_keeps_text_items_and_says_why_others_were_left_out():
    parsed = read("ninjs-list.json")
    assert [item.guid for item in parsed.items] == [
        "urn:agency.example:story:9001",
        "urn:agency.example:story:9004",
    ]
    assert parsed.skipped == [
        ("urn:agency.example:photo:9002", "it is a picture item, not text"),
        ("item 3", "it has no uri"),
        ("urn:agency.example:story:9003", "it has no headline"),
        ("item 5", "it is not a JSON object"),
    ]
    rates = parsed.items[0]
    assert rates.body_html == (
        "<p>The central bank kept its main rate unchanged on Saturday.</p>"
        "<p>Economists had expected the decision.</p><p>Markets barely moved.</p>"
    )


def test_ninjs_withheld_and_canceled_notices():
    withheld = only(read("ninjs-2.2-withheld.json"))
    assert withheld.pubstatus == "withheld" and withheld.version == "5"
    assert withheld.headline == ""  # a notice may carry nothing but the id
    assert only(read("ninjs-2.2-canceled.json")).pubstatus == "canceled"


# -- NewsML-G2 ---------------------------------------------------------------------------


def test_newsml_g2_text_items_from_nitf_and_xhtml():
    parsed = read("newsml-g2.xml")
    assert parsed.format == "NewsML-G2"
    oil, fish = parsed.items
    assert oil.guid == "urn:newsml:fjord-wire.example:20261205:fw-7721" and oil.version == "2"
    assert oil.headline == "Oil fund returns 14% as technology shares rally"
    assert oil.embargoed == datetime(2026, 12, 5, 18, 0, tzinfo=UTC)
    assert oil.byline == "By Kari Nordmann" and oil.located == "Oslo" and oil.urgency == 2
    assert oil.credit == "Fjord Wire" and oil.slugline == "NORWAY-OIL/FUND"
    assert oil.link == "https://fjord-wire.example/story/fw-7721"
    assert oil.summary.startswith("The sovereign wealth fund")
    assert "<h3>Technology</h3>" in oil.body_html and "<em>1.9 trillion</em>" in oil.body_html
    assert "<h2>" not in oil.body_html  # the NITF headline is not repeated in the body
    assert fish.body_html.startswith("<p>Bergen's fish market reopened")
    assert (
        "onclick" not in fish.body_html
        and "<strong>better than expected</strong>" in fish.body_html
    )
    assert parsed.skipped == [
        ("urn:newsml:fjord-wire.example:20261205:fw-pkg-9", "it is a packageItem"),
        ("urn:newsml:fjord-wire.example:20261205:fw-photo-118", "it is a picture item, not text"),
    ]


def test_a_single_newsml_item_in_latin_1_with_plain_text():
    item = only(read("newsml-g2-item.xml"))
    assert item.headline == "Genève : la fête de l'Escalade attire des milliers de visiteurs"
    assert item.byline == "Élodie Favre" and item.language == "fr"
    assert item.body_html == (
        "<p>Des milliers de personnes ont défilé samedi dans la vieille ville.</p>"
        "<p>Les festivités se poursuivent dimanche.</p>"
    )


def test_a_newsml_kill_notice():
    item = only(read("newsml-g2-kill.xml"))
    assert item.pubstatus == "canceled" and item.version == "3"


# -- sources that cannot be read ---------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>Cut',
            "not well-formed XML",
        ),
        (b'{"uri": "a", "headlines": [{"value": "x"}],}', "not valid JSON"),
        (
            b"<!DOCTYPE html><html><head><title>Sign in</title></head><body>Log in</body></html>",
            'HTML page ("Sign in")',
        ),
        (b"\n<html><body>502 Bad Gateway</body></html>", "HTML page"),
        ('{"uri": "a", "headline": "Caf\u00e9"}'.encode("latin-1"), "not valid UTF-8"),
        (
            NEWSML_IN_LATIN_1,
            "not well-formed XML",
        ),
        (b"<catalog><book/></catalog>", "not a known wire format"),
        (b"just some text", "neither XML nor JSON"),
        (b"[" * 100_000, "nested too deeply"),
        (b"42", "neither XML nor JSON"),
    ],
)
def test_an_unreadable_source_says_why_a_person_can_act_on(data, reason):
    with pytest.raises(SourceError, match=re.escape(reason)):
        parse_source(data)


def test_json_that_holds_no_item_is_refused():
    with pytest.raises(SourceError, match="neither a ninjs item"):
        parse_source(b"42", format="ninjs")


def test_html_is_refused_even_when_a_format_is_forced():
    with pytest.raises(SourceError, match="HTML page"):
        parse_source(b"<html><body>Not here</body></html>", format="feed")


def test_formats_are_recognised_from_the_document():
    assert detect_format((FIXTURES / "rss2.xml").read_bytes()) == "feed"
    assert detect_format((FIXTURES / "atom.xml").read_bytes()) == "feed"
    assert detect_format((FIXTURES / "rss1.rdf").read_bytes()) == "feed"
    assert detect_format((FIXTURES / "ninjs-list.json").read_bytes()) == "ninjs"
    assert detect_format((FIXTURES / "newsml-g2.xml").read_bytes()) == "newsml"
    utf16 = (FIXTURES / "encodings" / "rss2-utf-16.xml").read_bytes()
    assert detect_format(utf16) == "feed"
