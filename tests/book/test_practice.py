"""What a reader studying alone practises with: Predict checkpoints and labelled exercises.

CONVENTIONS.md: a checkpoint is an admonition of class `predict` whose title starts
with "Predict:", holding its reasoning in a folded "Why" box, right before the code
cell that answers it; an exercise's title gives its difficulty and its kind, and
every chapter has both kinds.
"""

import re

import pytest
from toc import chapter_files

CHAPTERS = chapter_files()
EXERCISE_TITLE = re.compile(r"\((★{1,3}) (Pencil and paper|Code): \S.*\)$")


@pytest.mark.parametrize("name", CHAPTERS)
def test_every_chapter_asks_the_reader_to_predict_twice(page, name):
    checkpoints = page(name).select("main div.admonition.predict")
    assert len(checkpoints) >= 2, f"{name} has {len(checkpoints)} Predict checkpoints"
    for checkpoint in checkpoints:
        title = checkpoint.select_one(".admonition-title").get_text(" ", strip=True)
        assert title.startswith("Predict:"), title
        assert checkpoint.get("id"), f"{name}: {title!r} has no name"
        assert checkpoint.select_one("details, .dropdown"), f"{name}: {title!r} folds no Why"
        answer = checkpoint.find_next_sibling()
        assert answer is not None and "cell" in answer.get("class", []), (
            f"{name}: {title!r} is not followed by the cell that answers it"
        )
        assert answer.select_one(".cell_output"), f"{name}: after {title!r} nothing printed"


@pytest.mark.parametrize("name", CHAPTERS)
def test_every_exercise_says_how_hard_and_what_kind(page, name):
    titles = [
        exercise.select_one(".admonition-title").get_text(" ", strip=True)
        for exercise in page(name).select("main div.exercise")
    ]
    kinds = set()
    for title in titles:
        match = EXERCISE_TITLE.search(title)
        assert match, f"{name}: {title!r} does not give its difficulty and kind"
        kinds.add(match.group(2))
    assert kinds == {"Pencil and paper", "Code"}, f"{name} has only {kinds} exercises"
