"""The trained classifier: features, training, explanation, the model registry."""
