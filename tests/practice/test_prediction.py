"""practice.Prediction: a reader's prediction against what the cell computed."""

import pytest

from practice import Prediction


@pytest.mark.parametrize("written", ["b", "(b)", "B", " b) "])
def test_an_option_is_right_however_it_is_written(written):
    feedback = Prediction("b").feedback(written)
    assert (feedback.status, feedback.text) == ("right", "Right: (b), as the cell computed.")


def test_a_wrong_option_says_both():
    feedback = Prediction("b").feedback("a")
    assert feedback.status == "wrong"
    assert "you predicted (a), the cell computed (b)" in feedback.text


def test_a_prediction_left_blank_is_not_predicted_yet():
    assert Prediction("b").feedback(...).status == "todo"
    assert "Not predicted yet" in Prediction(0.5).feedback(...).text


def test_a_number_counts_within_its_tolerance():
    assert Prediction(0.93).feedback(0.9).status == "right"
    wrong = Prediction(0.93, rtol=0.01).feedback(0.9)
    assert wrong.status == "wrong"
    assert "you predicted 0.9, the cell computed 0.93 (a prediction within 1% counts)" in (
        wrong.text
    )


def test_the_wrong_kind_of_prediction_says_what_to_write():
    assert "Write a number" in Prediction(0.93).feedback("b").text
    assert "Write one option's letter" in Prediction("b").feedback(0.5).text


def test_a_bad_declaration_is_refused():
    with pytest.raises(ValueError, match="single letter"):
        Prediction("bc")
    with pytest.raises(TypeError, match="letter or a number"):
        Prediction([1, 2])
