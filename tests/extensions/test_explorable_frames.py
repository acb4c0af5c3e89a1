"""explorables.py: an explorable's first frame takes the loading lean_assets gives it."""

import base64
import json

import pytest
from docutils import nodes
from explorables import is_explorable, lifted

PNG = base64.b64encode(b"a frame").decode()
HTML = (
    '<div class="explorable" id="e">'
    f'<img class="explorable-frame" src="data:image/png;base64,{PNG}">'
    '<script type="application/json" class="explorable-data">'
    + json.dumps({"frames": [PNG], "descriptions": ["one"]})
    + "</script></div>"
)


@pytest.mark.parametrize(("loading", "attribute"), [(None, ""), ("lazy", ' loading="lazy"')])
def test_the_first_frame_is_a_file_loaded_as_lean_assets_says(tmp_path, loading, attribute):
    html = lifted(HTML, tmp_path, "../_images/explorables", loading)
    (frame,) = (tmp_path / "_images" / "explorables").glob("*.png")
    assert f'src="../_images/explorables/{frame.name}"{attribute}>' in html
    assert "base64" not in html


def test_only_an_explorables_html_is_one():
    assert is_explorable(nodes.raw(text=HTML, format="html"))
    assert not is_explorable(nodes.raw(text="<b>output</b>", format="html"))
    assert not is_explorable(nodes.raw(text=HTML, format="latex"))
