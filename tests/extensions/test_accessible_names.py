"""accessible_names.py: the bibliography's entries are list items, in a real build."""

import re


def test_each_bibliography_entry_is_a_list_item_of_the_citation_list(tiny_site):
    text = (tiny_site / "index.html").read_text(encoding="utf-8")
    assert "doc-biblioentry" not in text
    (entry,) = re.findall(r'<div role="list" class="citation-list">\s*<div [^>]*>', text)
    assert 'class="citation"' in entry and 'role="listitem"' in entry
