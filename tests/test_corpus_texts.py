"""The text forms the CLI writes: the fast indented JSON is the standard library's, byte for byte."""

from __future__ import annotations

import json
import math

from hypothesis import given
from hypothesis import strategies as st

import frontmap as fm
from frontmap.corpus.texts import indented

_SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
_JSON = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=25,
)


@given(_JSON)
def test_indented_is_json_dumps_with_indent_one(x):
    assert indented(x) == json.dumps(x, ensure_ascii=False, indent=1)


def _as_item(x, depth):
    """The text of ``x`` as json.dumps writes it ``depth`` lists deep, from its first character."""
    doc = json.dumps(_nested(x, depth), ensure_ascii=False, indent=1)
    opening = "".join(" " * k + "[\n" for k in range(depth)) + " " * depth
    closing = "".join("\n" + " " * k + "]" for k in reversed(range(depth)))
    assert doc.startswith(opening) and doc.endswith(closing)
    return doc[len(opening) : len(doc) - len(closing)]


def _nested(x, depth):
    return x if depth == 0 else [_nested(x, depth - 1)]


@given(_JSON, st.integers(0, 3))
def test_indented_at_a_level_is_the_text_of_a_value_that_deep(x, level):
    assert indented(x, level=level) == _as_item(x, level)


def test_keys_json_converts_and_named_floats_follow_the_standard_library():
    for x in ({1: "a", None: 2, 2.5: True}, [math.nan, math.inf, -math.inf, -0.0, 1e16, 2**80]):
        assert indented(x) == json.dumps(x, ensure_ascii=False, indent=1)
        assert indented(x, level=2) == _as_item(x, 2)


def test_values_json_cannot_write_raise_its_error():
    try:
        json.dumps({"a": {1, 2}})
    except TypeError as exc:
        expected = str(exc)
    try:
        indented({"a": {1, 2}})
    except TypeError as exc:
        assert str(exc) == expected
    else:
        raise AssertionError("a set was written as JSON")


def test_an_article_is_written_as_the_standard_library_writes_it():
    d = fm.read("Ukrainian forces retook Balakliia, 74 km (46 miles) southeast of Kharkiv.").to_dict()
    assert indented(d) == json.dumps(d, ensure_ascii=False, indent=1)
