"""Deliberately wrong answers to each checked exercise, and what its check must say.

Keyed by the check's name in the chapter (`check_logit = Exercise(...)`);
each entry is the wrong answer's source and the words its feedback must
contain (or a test of its text, where the numbers are not known by hand),
which name that mistake. The expected numbers are worked out by hand from
the test inputs the chapter declares, not copied from a run.
"""

import re


def one_more(text):
    """The answer given is the expected one plus one (an off-by-one)."""
    found = re.search(r"expected (\d+), got (\d+)", text)
    return bool(found) and int(found[2]) == int(found[1]) + 1


def uphill(text):
    """The answer given is larger than the expected one."""
    found = re.search(r"expected (\S+), got (\S+)", text)
    return bool(found) and float(found[2]) > float(found[1])


def only_one_input(text):
    """Only the first test input shown was wrong."""
    return "more test inputs" not in text


WRONG_ANSWERS = {
    "check_think_with_loops": [
        (  # no sigmoid: the weighted sums themselves, -4.63 for [0, 0, 1]
            """
def think_with_loops(inputs, weights):
    return [sum(x * w for x, w in zip(example, weights)) for example in inputs]
""",
            ["got [-4.63, "],
        ),
        (  # e^(+z): 1 / (1 + e^4.63) = 0.0097 expected, 0.9903 given
            """
import math

def think_with_loops(inputs, weights):
    answers = []
    for example in inputs:
        z = sum(x * w for x, w in zip(example, weights))
        answers.append(1 / (1 + math.exp(z)))
    return answers
""",
            ["expected [0.0097, ", "got [0.9903, "],
        ),
        (  # one list per example: four rows of one answer
            """
import math

def think_with_loops(inputs, weights):
    return [[1 / (1 + math.exp(-sum(x * w for x, w in zip(row, weights))))]
            for row in inputs]
""",
            ["expected shape (4,), got shape (4, 1)"],
        ),
        (  # reverses the caller's list of weights
            """
import math

def think_with_loops(inputs, weights):
    weights.reverse()
    weights.reverse()
    weights.append(0.0)
    return [1 / (1 + math.exp(-sum(x * w for x, w in zip(row, weights))))
            for row in inputs]
""",
            ["it changed its input weights"],
        ),
    ],
    "check_logit": [
        (  # the fraction upside down: ln(0.9 / 0.1) = ln 9 = 2.197
            "def logit(p):\n    return np.log((1 - p) / p)\n",
            ["for p = 0.1: expected -2.197, got 2.197"],
        ),
        (  # math.log takes one number, not an array
            "import math\n\ndef logit(p):\n    return math.log(p / (1 - p))\n",
            ["for p = [0.1, 0.9, 0.99]: raised TypeError"],
        ),
        (  # divides the caller's array in place
            "def logit(p):\n    p = np.asarray(p)\n    p /= 1 - p\n    return np.log(p)\n",
            ["it changed its input p"],
        ),
    ],
    "check_tanh_sigmoid": [
        (  # the plain formula: e^1000 overflows
            "def tanh_sigmoid(z):\n    return 1 / (1 + np.exp(-np.asarray(z)))\n",
            ["it warned RuntimeWarning: overflow encountered in exp"],
        ),
        (  # tanh(z / 2) alone: 0 where the sigmoid is 1/2
            "def tanh_sigmoid(z):\n    return np.tanh(np.asarray(z) / 2)\n",
            ["for z = 0: expected 0.5, got 0"],
        ),
        (  # z instead of z / 2: right at 0, wrong elsewhere
            "def tanh_sigmoid(z):\n    return (1 + np.tanh(np.asarray(z))) / 2\n",
            ["for z = [-50., -40.,", ": expected [", "got ["],
        ),
    ],
    "check_measured_network": [
        (  # squared errors, not their mean: one number per example
            """
class MeasuredNetwork(NeuralNetwork):
    def mean_squared_error(self, inputs, outputs):
        return (np.reshape(outputs, (-1, 1)) - self.think(inputs)) ** 2
""",
            ["expected shape (), got shape (4, 1)"],
        ),
        (  # the mean error, not squared: for [1, 0, 0] the error itself
            """
class MeasuredNetwork(NeuralNetwork):
    def mean_squared_error(self, inputs, outputs):
        return np.mean(np.reshape(outputs, (-1, 1)) - self.think(inputs))
""",
            [
                "for inputs = [[0., 0., 1.], [1., 1., 1.], [1., 0., 1.], [0., 1., 1.]], "
                "outputs = [[0.], [1.], [1.], [0.]]: expected ",
                "(and 1 more test inputs)",
            ],
        ),
        (  # reseeds NumPy's global generator
            """
class MeasuredNetwork(NeuralNetwork):
    def mean_squared_error(self, inputs, outputs):
        np.random.seed(1)
        error = np.reshape(outputs, (-1, 1)) - self.think(inputs)
        return np.mean(error**2)
""",
            ["it changed NumPy's global random state"],
        ),
    ],
    "check_all_binary_inputs": [
        (  # one row short
            """
import itertools

def all_binary_inputs(n_inputs):
    return np.array(list(itertools.product([0, 1], repeat=n_inputs))[:-1])
""",
            ["for n_inputs = 1: expected shape (2, 1), got shape (1, 1)"],
        ),
        (  # ones and twos
            """
import itertools

def all_binary_inputs(n_inputs):
    return np.array(list(itertools.product([1, 2], repeat=n_inputs)))
""",
            ["for n_inputs = 1: expected [[0], [1]], got [[1], [2]]"],
        ),
    ],
    "check_first_iteration_within": [
        (  # one iteration late
            """
def first_iteration_within(weights, tolerance):
    misses = np.abs(TRAINING_OUTPUTS[:, 0] - sigmoid(weights @ TRAINING_INPUTS.T))
    return int(np.argmax(np.all(misses < tolerance, axis=1))) + 1
""",
            [one_more],
        ),
        (  # the tolerance ignored: always 1/2
            """
def first_iteration_within(weights, tolerance):
    misses = np.abs(TRAINING_OUTPUTS[:, 0] - sigmoid(weights @ TRAINING_INPUTS.T))
    return int(np.argmax(np.all(misses < 0.5, axis=1)))
""",
            ["tolerance = 0.1: expected "],
        ),
        (  # which iterations are within, not the first
            """
def first_iteration_within(weights, tolerance):
    misses = np.abs(TRAINING_OUTPUTS[:, 0] - sigmoid(weights @ TRAINING_INPUTS.T))
    return np.all(misses < tolerance, axis=1)
""",
            ["expected shape (), got shape (10001,)"],
        ),
    ],
    "check_train_on": [
        (  # never trained
            "def train_on(targets):\n    return NeuralNetwork(seed=1)\n",
            ["for targets = [[0.], [1.], [0.], [1.]]: expected ", "(and 1 more test inputs)"],
        ),
        (  # the weights, not the network
            """
def train_on(targets):
    network = NeuralNetwork(seed=1)
    network.train(TRAINING_INPUTS, targets, iterations=10_000)
    return network.synaptic_weights
""",
            ["raised AttributeError: 'numpy.ndarray' object has no attribute 'synaptic_weights'"],
        ),
        (  # the article's targets, whatever the targets given
            """
def train_on(targets):
    network = NeuralNetwork(seed=1)
    network.train(TRAINING_INPUTS, TRAINING_OUTPUTS, iterations=10_000)
    return network
""",
            ["for targets = [[0.], [1.], [0.], [1.]]: expected ", only_one_input],
        ),
    ],
    "check_loss_after_one_step": [
        (  # uphill: the step subtracted
            """
def loss_after_one_step(learning_rate):
    return half_squared_error(start - learning_rate * (inputs.T @ delta))
""",
            ["for learning_rate = 1: expected ", uphill],
        ),
        (  # the learning rate ignored
            """
def loss_after_one_step(learning_rate):
    return half_squared_error(start + inputs.T @ delta)
""",
            ["for learning_rate = 3: expected ", "(and 1 more test inputs)"],
        ),
    ],
    "check_mse_gradient": [
        (  # a flat array
            """
def mse(weights):
    return np.mean((outputs - sigmoid(inputs @ weights)) ** 2)

def mse_gradient(weights, eps=1e-6):
    gradient = np.zeros(len(weights))
    for j in range(len(weights)):
        nudge = np.zeros_like(weights)
        nudge[j] = eps
        gradient[j] = (mse(weights + nudge) - mse(weights - nudge)) / (2 * eps)
    return gradient
""",
            ["expected shape (3, 1), got shape (3,)"],
        ),
        (  # divided by eps, not 2 eps: twice the gradient
            """
def mse(weights):
    return np.mean((outputs - sigmoid(inputs @ weights)) ** 2)

def mse_gradient(weights, eps=1e-6):
    gradient = np.zeros_like(weights)
    for j in range(len(weights)):
        nudge = np.zeros_like(weights)
        nudge[j] = eps
        gradient[j] = (mse(weights + nudge) - mse(weights - nudge)) / eps
    return gradient
""",
            [": expected [[", "(and 1 more test inputs)"],
        ),
        (  # nudges the caller's weights and never puts them back
            """
def mse(weights):
    return np.mean((outputs - sigmoid(inputs @ weights)) ** 2)

def mse_gradient(weights, eps=1e-6):
    gradient = np.zeros_like(weights)
    for j in range(len(weights)):
        down = mse(weights)
        weights[j] += eps
        gradient[j] = (mse(weights) - down) / eps
    return gradient
""",
            ["it changed its input weights"],
        ),
    ],
    "check_trained_weights": [
        (  # a column, not a row
            """
def trained_weights(seed):
    network = NeuralNetwork(seed=seed)
    network.train(TRAINING_INPUTS, TRAINING_OUTPUTS)
    return network.synaptic_weights
""",
            ["for seed = 2: expected shape (3,), got shape (3, 1)"],
        ),
        (  # the seed ignored
            """
def trained_weights(seed):
    network = NeuralNetwork(seed=1)
    network.train(TRAINING_INPUTS, TRAINING_OUTPUTS)
    return network.synaptic_weights[:, 0]
""",
            ["for seed = 2: expected ", "(and 1 more test inputs)"],
        ),
        (  # reseeds NumPy's global generator
            """
def trained_weights(seed):
    np.random.seed(seed)
    network = NeuralNetwork(seed=seed)
    network.train(TRAINING_INPUTS, TRAINING_OUTPUTS)
    return network.synaptic_weights[:, 0]
""",
            ["it changed NumPy's global random state"],
        ),
    ],
    "check_with_bias": [
        (  # the 1 first
            """
def with_bias(pairs):
    pairs = np.asarray(pairs, dtype=float)
    return np.column_stack([np.ones(len(pairs)), pairs])
""",
            ["got [[1., 0., 0.], [1., 0., 1.], [1., 1., 0.], [1., 1., 1.]]"],
        ),
        (  # one flat array
            "def with_bias(pairs):\n    return np.append(pairs, 1.0)\n",
            [
                "for pairs = [[0, 0], [0, 1], [1, 0], [1, 1]]: "
                "expected shape (4, 3), got shape (9,)"
            ],
        ),
        (  # appends to the caller's lists
            """
def with_bias(pairs):
    for pair in pairs:
        pair.append(1)
    return np.array(pairs, dtype=float)
""",
            ["it changed its input pairs"],
        ),
    ],
    "check_numerical_gradient": [
        (  # one flat array, whatever the shape of the weights
            """
def numerical_gradient(error_of, weights, eps=1e-6):
    flat = weights.ravel()
    gradient = np.zeros(flat.size)
    for i in range(flat.size):
        nudge = np.zeros(flat.size)
        nudge[i] = eps
        up = error_of((flat + nudge).reshape(weights.shape))
        down = error_of((flat - nudge).reshape(weights.shape))
        gradient[i] = (up - down) / (2 * eps)
    return gradient
""",
            [
                "for error_of = sum_of_squares, weights = [[1., -2.], [0.5, 3.]]: "
                "expected shape (2, 2), got shape (4,)"
            ],
        ),
        (  # one-sided difference over 2 eps: half the gradient of w**2, about w
            """
def numerical_gradient(error_of, weights, eps=1e-6):
    gradient = np.zeros_like(weights)
    for index in np.ndindex(weights.shape):
        nudge = np.zeros_like(weights)
        nudge[index] = eps
        gradient[index] = (error_of(weights + nudge) - error_of(weights)) / (2 * eps)
    return gradient
""",
            ["expected [[2., -4.], [1., 6.]], got [[1., -2.], [0.5, 3.]]"],
        ),
        (  # down minus up: the gradient's opposite
            """
def numerical_gradient(error_of, weights, eps=1e-6):
    gradient = np.zeros_like(weights)
    for index in np.ndindex(weights.shape):
        nudge = np.zeros_like(weights)
        nudge[index] = eps
        gradient[index] = (error_of(weights - nudge) - error_of(weights + nudge)) / (2 * eps)
    return gradient
""",
            ["expected [[2., -4.], [1., 6.]], got [[-2., 4.], [-1., -6.]]"],
        ),
    ],
    "check_hidden_neuron": [
        (  # a flat array of answers
            """
def hidden_neuron(network, j):
    return lambda inputs: sigmoid(inputs @ network.layer1_weights[:, j])
""",
            ["for network = a TwoLayerNetwork, j = 0: expected shape (4, 1), got shape (4,)"],
        ),
        (  # row j, not column j: a (4,) row cannot meet inputs (k, 3)
            """
def hidden_neuron(network, j):
    return lambda inputs: sigmoid(inputs @ network.layer1_weights[[j]].T)
""",
            ["for network = a TwoLayerNetwork, j = 0: raised ValueError: matmul"],
        ),
        (  # the weighted sums, without the sigmoid
            """
def hidden_neuron(network, j):
    return lambda inputs: inputs @ network.layer1_weights[:, [j]]
""",
            ["for network = a TwoLayerNetwork, j = 0: expected [[", "(and 1 more test inputs)"],
        ),
    ],
}
