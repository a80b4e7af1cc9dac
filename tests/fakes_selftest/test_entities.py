"""Entity parsing: bot commands in user texts and Telegram's HTML dialect."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fakes.telegram.entities import command_entities, parse_html, utf16_len
from tests.fakes.telegram.errors import ApiError


def test_commands_are_found_with_utf16_offsets() -> None:
    text = "🌕 /moon@StarsBot and /sun, not a/path"
    entities = command_entities(text)
    assert [(e["offset"], e["length"]) for e in entities] == [(3, 14), (22, 4)]
    assert all(entity["type"] == "bot_command" for entity in entities)


def test_nested_tags_links_and_code_languages() -> None:
    text, entities = parse_html(
        '<b>bold <i>both</i></b> <a href="https://x.org">link</a> '
        '<pre><code class="language-python">x = 1</code></pre>'
    )
    assert text == "bold both link x = 1"
    assert entities == [
        {"offset": 0, "length": 9, "type": "bold"},
        {"offset": 5, "length": 4, "type": "italic"},
        {"offset": 10, "length": 4, "type": "text_link", "url": "https://x.org"},
        {"offset": 15, "length": 5, "type": "pre", "language": "python"},
    ]


@pytest.mark.parametrize(
    ("source", "detail"),
    [
        ("<blink>x</blink>", 'Unsupported start tag "blink" at byte offset 0'),
        ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("<b>never closed", 'Can\'t find end tag corresponding to start tag "b"'),
        ("Ёж <b", "Unclosed start tag at byte offset 5"),
    ],
)
def test_html_errors_read_like_telegram(source: str, detail: str) -> None:
    with pytest.raises(ApiError) as caught:
        parse_html(source)
    assert caught.value.error_code == 400
    assert caught.value.description == f"Bad Request: can't parse entities: {detail}"


# Lone surrogates cannot arrive over HTTP as UTF-8, so they are left out.
@given(
    st.text(
        alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="<&"), max_size=50
    )
)
def test_text_without_markup_is_unchanged(text: str) -> None:
    assert parse_html(text) == (text, [])


@given(
    st.text(
        alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="<>&"),
        min_size=1,
        max_size=30,
    )
)
def test_bold_entity_covers_the_utf16_length(text: str) -> None:
    plain, entities = parse_html(f"x<b>{text}</b>")
    assert plain == "x" + text
    assert entities == [{"offset": 1, "length": utf16_len(text), "type": "bold"}]
