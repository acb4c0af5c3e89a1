"""The style every figure shares: no text smaller than a phone can show."""

from io import BytesIO

from neuron.plots.style import SMALLEST_TEXT_PT, new_figure


def sizes_when_drawn(figure):
    figure.savefig(BytesIO(), format="png")
    texts = [text for ax in figure.axes for text in ax.texts + [ax.title, ax.xaxis.label]]
    labels = [label for ax in figure.axes for label in ax.get_xticklabels()]
    return [text.get_fontsize() for text in texts + labels]


def test_small_text_is_raised_to_the_smallest_size_when_drawn():
    figure, ax = new_figure()
    ax.plot([0, 1], [0, 1], label="a line")
    ax.text(0.5, 0.5, "tiny", fontsize=5)
    ax.set_title("title", fontsize="x-small")
    ax.set_xlabel("x")
    ax.tick_params(labelsize=6)
    ax.legend(fontsize="xx-small")
    sizes = sizes_when_drawn(figure)
    legend = [text.get_fontsize() for text in ax.get_legend().get_texts()]
    assert min(sizes + legend) == SMALLEST_TEXT_PT


def test_larger_text_keeps_its_size():
    figure, ax = new_figure(nrows=2, ncols=2)
    figure.axes[3].text(0.5, 0.5, "big", fontsize=20)
    figure.axes[3].set_xlabel("x")
    assert max(sizes_when_drawn(figure)) == 20
