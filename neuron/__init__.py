"""A single artificial neuron, built from first principles with NumPy."""

from neuron.activation import sigmoid, sigmoid_derivative
from neuron.layered import TwoLayerNetwork
from neuron.network import NeuralNetwork, TrainingHistory

__all__ = [
    "NeuralNetwork",
    "TrainingHistory",
    "TwoLayerNetwork",
    "sigmoid",
    "sigmoid_derivative",
]
