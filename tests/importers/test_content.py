"""What an editor sees when a WordPress story's body arrives in Dateline."""

from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.importers.content import (
    ConvertedContent,
    html_to_text,
    wordpress_html_to_blocks,
)
from dateline.importers.wxr import WxrPost, iter_wxr

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "wordpress"


def convert(html: str) -> ConvertedContent:
    return wordpress_html_to_blocks(html)


def types(result: ConvertedContent) -> list[str]:
    return [block["type"] for block in result.blocks]


def values(result: ConvertedContent, kind: str) -> list:
    return [block["value"] for block in result.blocks if block["type"] == kind]


def fixture_post(title: str) -> WxrPost:
    return next(
        r
        for r in iter_wxr(FIXTURES / "newsroom.xml")
        if isinstance(r, WxrPost) and r.title == title
    )


# -- classic editor: WordPress's automatic paragraphs ------------------------------------


def test_blank_lines_separate_paragraphs_and_single_newlines_break_lines():
    result = convert("First paragraph.\n\nSecond line one.\nSecond line two.\n\n\n\nThird.")
    assert values(result, "paragraph") == [
        "<p>First paragraph.</p>",
        "<p>Second line one.<br>Second line two.</p>",
        "<p>Third.</p>",
    ]
    assert result.warnings == []


def test_bold_italic_and_links_survive_in_a_paragraph():
    result = convert(
        'A <strong>big</strong> and <em>slanted</em> <a href="https://ex.example/a?b=1&amp;c=2">'
        "link</a>, with <b>b</b> and <i>i</i> too."
    )
    assert values(result, "paragraph") == [
        '<p>A <b>big</b> and <i>slanted</i> <a href="https://ex.example/a?b=1&amp;c=2">link</a>, '
        "with <b>b</b> and <i>i</i> too.</p>"
    ]


def test_formatting_dateline_does_not_offer_is_reduced_to_its_text():
    result = convert('<span style="color:red">Red</span> <u>under</u> <font face="x">font</font>')
    assert values(result, "paragraph") == ["<p>Red under font</p>"]


def test_headings_become_subheadings_as_plain_text():
    result = convert("<h2>What <em>happened</em></h2>\nText.\n<h4>Details</h4>")
    assert result.blocks == [
        {"type": "subheading", "value": "What happened"},
        {"type": "paragraph", "value": "<p>Text.</p>"},
        {"type": "subheading", "value": "Details"},
    ]


def test_a_list_becomes_its_own_paragraph_block_holding_the_list():
    result = convert("Before.\n<ul>\n\t<li>One <b>bold</b></li>\n\t<li>Two</li>\n</ul>\nAfter.")
    assert values(result, "paragraph") == [
        "<p>Before.</p>",
        "<ul><li>One <b>bold</b></li><li>Two</li></ul>",
        "<p>After.</p>",
    ]


def test_a_blockquote_keeps_its_attribution_from_cite():
    result = convert("<blockquote>Never consulted.\n<cite>Zoë, Café Névé</cite></blockquote>")
    assert values(result, "quote") == [
        {"quote": "Never consulted.", "attribution": "Zoë, Café Névé"}
    ]


def test_empty_paragraphs_left_by_the_classic_editor_disappear():
    result = convert("<p>&nbsp;</p>\n<p>Real text.</p>\n<p> </p>\n\n<p><strong> </strong></p>")
    assert values(result, "paragraph") == ["<p>Real text.</p>"]


def test_nothing_in_nothing_out():
    for empty in ("", "   ", "\n\n\n", "<!-- just a comment -->", "<p></p>"):
        assert convert(empty) == ConvertedContent(blocks=[], warnings=[])


# -- images --------------------------------------------------------------------------------


def test_a_caption_shortcode_becomes_an_image_with_its_caption_and_attachment():
    result = convert(
        '[caption id="attachment_12" align="aligncenter" width="300"]'
        '<a href="https://ex.example/big.jpg"><img class="size-medium wp-image-12" '
        'src="https://ex.example/wp-content/uploads/2024/03/boat-300x200.jpg" alt="A boat" '
        'width="300" height="200" /></a> The <em>Marie-Jo</em> in port.[/caption]'
    )
    assert result.blocks == [
        {
            "type": "image",
            "value": {
                "src": "https://ex.example/wp-content/uploads/2024/03/boat-300x200.jpg",
                "wp_attachment_id": 12,
                "alt": "A boat",
                "caption": "The Marie-Jo in port.",
                "credit": "",
            },
        }
    ]


def test_an_old_style_caption_attribute_is_read_too():
    result = convert(
        '[caption id="attachment_7" caption="Old &amp; still here"]<img src="/x.jpg" alt="">'
        "[/caption]"
    )
    [image] = values(result, "image")
    assert image["caption"] == "Old & still here"
    assert image["wp_attachment_id"] == 7
    assert image["src"] == "/x.jpg"


def test_an_image_in_a_paragraph_splits_the_paragraph_around_it():
    result = convert('Before <a href="/full.jpg"><img src="/thumb.jpg" alt="Thumb"></a> after.')
    assert types(result) == ["paragraph", "image", "paragraph"]
    assert values(result, "image")[0]["alt"] == "Thumb"
    assert values(result, "image")[0]["wp_attachment_id"] is None


def test_a_lazy_loaded_image_uses_its_real_address():
    result = convert('<img src="data:image/gif;base64,R0lGOD" data-src="https://ex.example/a.jpg">')
    assert values(result, "image")[0]["src"] == "https://ex.example/a.jpg"


def test_an_image_with_a_script_address_is_left_out_and_reported():
    result = convert('<img src="javascript:alert(1)" alt="x">')
    assert result.blocks == []
    assert any("image" in w for w in result.warnings)


# -- block editor ----------------------------------------------------------------------------


def test_a_block_editor_story_keeps_its_structure():
    story = fixture_post("Harbour strike ends after twelve days")
    result = convert(story.content)
    assert types(result) == [
        "paragraph",
        "paragraph",
        "subheading",
        "paragraph",  # the list
        "subheading",
        "quote",
        "image",
        "quote",  # the pullquote
        "embed",
        "paragraph",  # the contact form shortcode, kept as text
    ]
    assert result.blocks[0]["value"].startswith(
        "<p>After twelve days, dockers at the <b>port of Saint-Malo</b>"
    )
    assert "🚢" in result.blocks[1]["value"]


def test_an_image_block_keeps_source_alt_caption_and_attachment_id():
    story = fixture_post("Harbour strike ends after twelve days")
    [image] = values(convert(story.content), "image")
    assert image == {
        "src": "https://news.example.org/wp-content/uploads/2024/03/harbour-at-dawn.png",
        "wp_attachment_id": 4,
        "alt": "Three trawlers leaving a stone harbour under a pale sky",
        "caption": "Fishing boats leave the harbour at dawn. Photo: Ana Ribeiro",
        "credit": "",
    }


def test_quote_and_pullquote_blocks_keep_their_attribution():
    story = fixture_post("Harbour strike ends after twelve days")
    assert values(convert(story.content), "quote") == [
        {
            "quote": "We lost two weeks of trade, but the men were right to hold out.",
            "attribution": "Hélène Marchand, owner of Le Café du Port",
        },
        {
            "quote": "The port is the town. When it stops, everything stops.",
            "attribution": "Mayor Gilles Roussel",
        },
    ]


def test_an_embed_block_becomes_an_embed_of_its_url():
    story = fixture_post("Harbour strike ends after twelve days")
    assert values(convert(story.content), "embed") == [
        "https://www.youtube.com/watch?v=aqz-KE-bpKQ"
    ]


def test_an_image_block_without_a_class_takes_its_id_from_the_block_settings():
    result = convert(
        '<!-- wp:image {"id":31} -->\n<figure class="wp-block-image"><img src="/a.jpg" alt=""/>'
        "</figure>\n<!-- /wp:image -->"
    )
    assert values(result, "image")[0]["wp_attachment_id"] == 31


def test_a_dynamic_block_with_no_saved_content_is_reported():
    result = convert(
        "<!-- wp:paragraph --><p>Hi</p><!-- /wp:paragraph -->\n"
        '<!-- wp:latest-posts {"postsToShow":3} /-->\n'
        '<!-- wp:block {"ref":77} /-->'
    )
    assert types(result) == ["paragraph"]
    assert any("wp:latest-posts" in w for w in result.warnings)
    assert any("77" in w for w in result.warnings)


def test_an_unclosed_block_keeps_its_content():
    result = convert("<!-- wp:paragraph -->\n<p>Cut off")
    assert values(result, "paragraph") == ["<p>Cut off</p>"]
    assert any("not closed" in w for w in result.warnings)


def test_classic_text_between_blocks_still_gets_paragraphs():
    result = convert(
        "<!-- wp:paragraph --><p>Block.</p><!-- /wp:paragraph -->\n\nLoose one.\n\nLoose two."
    )
    assert values(result, "paragraph") == [
        "<p>Block.</p>",
        "<p>Loose one.</p>",
        "<p>Loose two.</p>",
    ]


def test_unicode_survives_untouched():
    story = fixture_post("東京の夜市、再開へ 🌃")
    assert values(convert(story.content), "paragraph") == [
        "<p>東京・下町の夜市が三年ぶりに再開する。屋台は約<b>百二十</b>軒。🍢🏮</p>"
    ]


# -- embeds ------------------------------------------------------------------------------------


def test_a_video_url_alone_on_a_line_becomes_an_embed():
    result = convert("Watch:\n\nhttps://youtu.be/aqz-KE-bpKQ\n\nThen read on.")
    assert types(result) == ["paragraph", "embed", "paragraph"]
    assert values(result, "embed") == ["https://youtu.be/aqz-KE-bpKQ"]


def test_a_url_of_an_ordinary_site_alone_on_a_line_stays_a_link():
    result = convert("Source:\n\nhttps://council.example.gov/minutes.pdf")
    assert values(result, "paragraph")[-1] == (
        '<p><a href="https://council.example.gov/minutes.pdf">'
        "https://council.example.gov/minutes.pdf</a></p>"
    )


def test_a_url_inside_a_sentence_is_not_an_embed():
    result = convert("See https://www.youtube.com/watch?v=abc for the clip.")
    assert types(result) == ["paragraph"]


def test_youtube_and_vimeo_players_become_embeds_of_their_pages():
    result = convert(
        '<iframe src="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?rel=0"></iframe>\n'
        '<p><iframe src="//player.vimeo.com/video/76979871?title=0"></iframe></p>'
    )
    assert values(result, "embed") == [
        "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        "https://vimeo.com/76979871",
    ]


def test_an_iframe_from_an_unknown_host_is_left_out_and_reported():
    result = convert('<iframe src="https://ads.example.net/slot"></iframe>')
    assert result.blocks == []
    assert any("ads.example.net" in w for w in result.warnings)


def test_the_embed_shortcode_becomes_an_embed():
    result = convert("[embed]https://vimeo.com/76979871[/embed]")
    assert values(result, "embed") == ["https://vimeo.com/76979871"]


def test_an_embedded_tweet_becomes_an_embed_of_the_tweet():
    result = convert(
        '<blockquote class="twitter-tweet"><p lang="en">Ferries are back!</p>&mdash; Port '
        '(@port) <a href="https://twitter.com/port/status/123456">March 14, 2024</a>'
        '</blockquote><script async src="https://platform.twitter.com/widgets.js"></script>'
    )
    assert values(result, "embed") == ["https://twitter.com/port/status/123456"]


# -- shortcodes --------------------------------------------------------------------------------


def test_an_unknown_shortcode_is_kept_as_text_and_reported():
    result = convert('Tell us.\n\n[contact-form-7 id="42" title="Tips"]\n\n[gallery]')
    assert values(result, "paragraph") == [
        "<p>Tell us.</p>",
        '<p>[contact-form-7 id="42" title="Tips"]</p>',
        "<p>[gallery]</p>",
    ]
    assert result.warnings == [
        "Shortcode [contact-form-7] is not supported by Dateline; it was kept as text.",
        "Shortcode [gallery] is not supported by Dateline; it was kept as text.",
    ]


def test_brackets_in_ordinary_writing_are_not_mistaken_for_shortcodes():
    result = convert("He said it was [sic] final, [Updated 3pm] and [1] noted.")
    assert values(result, "paragraph") == [
        "<p>He said it was [sic] final, [Updated 3pm] and [1] noted.</p>"
    ]
    assert result.warnings == []


def test_a_double_bracketed_shortcode_is_shown_literally():
    result = convert("Type [[gallery]] to add a gallery.")
    assert values(result, "paragraph") == ["<p>Type [gallery] to add a gallery.</p>"]
    assert result.warnings == []


# -- safety ------------------------------------------------------------------------------------


def test_a_script_tag_never_survives_and_is_reported():
    result = convert(
        "Hello<script>alert(1)</script> world\n\n<SCRIPT src=//evil.example/x.js></SCRIPT>"
        "<style>body{display:none}</style>"
    )
    assert "script" not in repr(result.blocks).lower()
    assert "display" not in repr(result.blocks)
    assert "A <script> element was removed." in result.warnings


def test_event_handlers_and_script_links_never_survive():
    result = convert(
        '<p onclick="steal()">Click <a href="https://ok.example/" onmouseover="x()">ok</a> '
        '<a href="javascript:alert(\'x\')">bad</a> <a href=" JaVa&#x09;ScRiPt:alert(2)">'
        "worse</a></p>"
    )
    assert values(result, "paragraph") == [
        '<p>Click <a href="https://ok.example/">ok</a> bad worse</p>'
    ]


def test_the_classic_fixture_story_is_cleaned_but_complete():
    story = fixture_post("Montréal café owners fight early terrace closing")
    result = convert(story.content)
    assert types(result) == [
        "paragraph",
        "paragraph",
        "image",
        "subheading",
        "paragraph",
        "quote",
        "embed",
        "paragraph",
        "embed",
        "paragraph",
    ]
    assert values(result, "paragraph")[-1] == (
        '<p>Read the <a href="https://montreal.example.ca/bylaw.pdf">full bylaw</a> '
        "or this link.</p>"
    )
    assert "tracker.example" not in repr(result.blocks)
    assert "A <script> element was removed." in result.warnings


def test_plain_text_of_a_title_decodes_entities_and_drops_tags():
    assert html_to_text("Ports &amp; <em>shipping</em> &#8211; a&nbsp;guide") == (
        "Ports & shipping \u2013 a\u00a0guide"
    )


# -- properties ----------------------------------------------------------------------------------

ALLOWED_TAGS = {"p", "a", "b", "strong", "i", "em", "ul", "ol", "li", "br"}
SAFE_LINK_SCHEMES = {"", "http", "https", "mailto", "tel"}


def assert_safe(result: ConvertedContent) -> None:
    for block in result.blocks:
        kind, value = block["type"], block["value"]
        if kind == "paragraph":
            assert "<script" not in value.lower()
            fragment = lxml.html.fragment_fromstring(value, create_parent="div")
            for element in fragment.iterdescendants():
                assert isinstance(element.tag, str), value  # no comments
                assert element.tag in ALLOWED_TAGS, value
                allowed = {"href"} if element.tag == "a" else set()
                assert set(element.attrib) <= allowed, value
                if "href" in element.attrib:
                    scheme = urlsplit(element.get("href")).scheme.lower()
                    assert scheme in SAFE_LINK_SCHEMES, value
        elif kind == "image":
            assert urlsplit(value["src"]).scheme in {"", "http", "https"}, value
            assert all(isinstance(value[k], str) for k in ("alt", "caption", "credit"))
        elif kind == "embed":
            assert value.startswith(("http://", "https://")), value
        elif kind == "quote":
            assert isinstance(value["quote"], str) and isinstance(value["attribution"], str)
        else:
            assert kind == "subheading" and isinstance(value, str)


MARKUP_PIECES = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<script>alert(1)</script>",
        "<SCRIPT>",
        "<style>",
        '<a href="javascript:alert(1)">',
        '<a href="https://ok.example/">',
        "</a>",
        '<img src="x" onerror="alert(1)">',
        '<div onclick="x()">',
        "<ul><li>",
        "</li></ul>",
        "<blockquote>",
        "<cite>",
        "<figure>",
        "<figcaption>",
        "<iframe src='https://www.youtube.com/embed/abcdefg'>",
        "<!-- wp:paragraph -->",
        "<!-- /wp:paragraph -->",
        '<!-- wp:embed {"url":"javascript:alert(1)"} -->',
        "<!-- wp:image {bad json} -->",
        '[caption id="attachment_1"]',
        "[/caption]",
        "[gallery]",
        "[[",
        "]]",
        "\n\n",
        "\n",
        "https://youtu.be/x\n",
        "&lt;script&gt;",
        "&#0;",
        "<![CDATA[",
        "<?php ?>",
        "<svg onload=alert(1)>",
        "<h2>",
        "<table><tr><td>",
        "<pre>",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_converts_without_error_and_without_unsafe_markup(text):
    assert_safe(convert(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(MARKUP_PIECES, st.text(max_size=12)), max_size=25).map("".join))
def test_any_mix_of_hostile_markup_converts_safely(html):
    assert_safe(convert(html))
