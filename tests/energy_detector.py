"""A plain RMS-threshold voice detector for tests that drive the speech cutter with tone
bursts or clear recordings: speech wherever a 30 ms window is louder than 0.05 RMS."""
import numpy as np


class EnergyDetector:
    window_samples = 480

    def __init__(self):
        self.resets = 0

    def probability(self, window):
        return float(np.sqrt(np.mean(window ** 2)) > 0.05)

    def reset(self):
        self.resets += 1
