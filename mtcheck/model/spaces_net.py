"""The spaces model's network: a dilated convolution over characters (imports torch: load it
only on the model's path, through ``mtcheck.model.spaces``).

Every convolution is unpadded, so the output at a character depends on the ``radius()``
characters either side of it and on nothing else: the input of ``n + 2 * radius`` characters
(outside the text: the padding id) gives ``n`` outputs. Training reads long crops; the linter
reads one window of ``2 * radius + 1`` characters per candidate, and both see the same thing.
"""

from __future__ import annotations

import torch
from torch import nn

from mtcheck.model.spaces_data import LABELS


def radius(kernel: int, dilations: list[int]) -> int:
    """How many characters either side one output sees.

    >>> radius(3, [1, 2, 4])
    7
    """
    return sum((kernel - 1) // 2 * d for d in dilations)


class Block(nn.Module):
    def __init__(self, channels: int, kernel: int, dilation: int):
        super().__init__()
        self.norm = nn.LayerNorm(channels)
        self.conv = nn.Conv1d(channels, channels, kernel, dilation=dilation)
        self.mix = nn.Conv1d(channels, channels, 1)
        self.trim = (kernel - 1) // 2 * dilation

    def forward(self, x):  # (batch, channels, length) → (batch, channels, length - 2 trim)
        y = self.norm(x.transpose(1, 2)).transpose(1, 2)
        y = self.mix(nn.functional.gelu(self.conv(y)))
        return x[:, :, self.trim:x.shape[2] - self.trim] + y


class SpacesNet(nn.Module):
    """Characters (ids, 0 = padding, 1 = unknown) and a language id → logits over LABELS for
    every character at least ``radius`` from the input's ends."""

    def __init__(self, chars: int, langs: int, dim: int = 64, channels: int = 128, kernel: int = 3,
                 dilations: tuple[int, ...] = (1, 2, 4, 8, 16, 1)):
        super().__init__()
        self.chars = nn.Embedding(chars, dim, padding_idx=0)
        self.langs = nn.Embedding(langs, dim)
        self.inp = nn.Conv1d(dim, channels, 1)
        self.blocks = nn.ModuleList(Block(channels, kernel, d) for d in dilations)
        self.norm = nn.LayerNorm(channels)
        self.head = nn.Linear(channels, len(LABELS))
        self.radius = radius(kernel, list(dilations))

    def forward(self, ids, lang):  # ids (batch, length), lang (batch,) → (batch, length - 2 r, labels)
        x = self.chars(ids) + self.langs(lang)[:, None, :]
        x = self.inp(x.transpose(1, 2))
        for block in self.blocks:
            x = block(x)
        return self.head(self.norm(x.transpose(1, 2)))


def build(config: dict) -> SpacesNet:
    return SpacesNet(config["chars"], config["langs"], config["dim"], config["channels"], config["kernel"],
                     tuple(config["dilations"]))


def parameters(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())

