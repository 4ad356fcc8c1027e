"""Inference: pair encoding, the ONNX Runtime session, span mapping and model artifacts.

Nothing here imports torch; ONNX Runtime, ``tokenizers`` and NumPy are enough.
"""
