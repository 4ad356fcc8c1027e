"""Training the carelens empathy model (extra ``[train]``: torch and transformers).

Nothing outside this subpackage imports torch. ``carelens train`` calls
:func:`carelens.training.train.train_model`, which reproduces the shipped model from the
EPITOME Reddit data: split by seeker post, fine-tune, calibrate on dev, export to int8 ONNX.
"""
