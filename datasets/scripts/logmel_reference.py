#!/usr/bin/python3
"""Reference log-mel with torchaudio, for cross-checking org.masrrepro.datasets.features.LogMel.

Usage: logmel_reference.py IN.wav OUT.(npy|csv) [--time]

Reads a 16-bit PCM mono WAV with the standard library (int16 / 32768, as Wav.decode does), computes
torchaudio.transforms.MelSpectrogram(sample_rate=16000, n_fft=512, win_length=400, hop_length=160, n_mels=80,
f_min=0, f_max=8000, center=True, pad_mode="reflect", power=2.0, norm=None, mel_scale="htk") in float32, then
torch.log(x.clamp(min=1e-6)), and writes it as [frames][80] (.npy float32, or .csv with 9 significant digits).
--time: also prints single-thread speed as "torchaudio_x_real_time=<x>" (best of 3 runs).
Needs Debian python3-torch and python3-torchaudio.
"""
import sys
import time
import wave

import numpy as np
import torch
import torchaudio


def read_wav(path):
    with wave.open(path, "rb") as w:
        if w.getsampwidth() != 2 or w.getnchannels() != 1:
            sys.exit(f"{path}: need 16-bit mono PCM, found {w.getsampwidth() * 8}-bit, {w.getnchannels()} channels")
        rate = w.getframerate()
        data = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")
    return torch.from_numpy(data.astype(np.float32) / 32768.0), rate


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    torch.set_num_threads(1)  # compare with the single-thread Java figure
    x, rate = read_wav(argv[1])
    if rate != 16000:
        sys.exit(f"{argv[1]}: need 16 kHz, found {rate} Hz")
    mel = torchaudio.transforms.MelSpectrogram(
        sample_rate=16000, n_fft=512, win_length=400, hop_length=160, f_min=0.0, f_max=8000.0, n_mels=80,
        center=True, pad_mode="reflect", power=2.0, norm=None, mel_scale="htk")

    def compute():
        with torch.no_grad():
            return torch.log(mel(x).clamp(min=1e-6)).T.contiguous()

    out = compute().numpy().astype(np.float32)
    if argv[2].endswith(".csv"):
        np.savetxt(argv[2], out, fmt="%.9g", delimiter=",")
    else:
        np.save(argv[2], out)
    if "--time" in argv:
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            compute()
            best = min(best, time.perf_counter() - t0)
        print(f"torchaudio_x_real_time={x.numel() / 16000.0 / best:.1f}")
    print(f"frames={out.shape[0]} mels={out.shape[1]}")


if __name__ == "__main__":
    main(sys.argv)
