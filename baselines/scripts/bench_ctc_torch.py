#!/usr/bin/python3
"""Times PyTorch's native CTC (log_softmax + ctc_loss forward + backward, reduction mean, float32) on the batch written
by org.masrrepro.baselines.asr.CtcBenchmark, single thread by default (like the Java side), and prints the loss so
the two can be compared. Run: /usr/bin/python3 baselines/scripts/bench_ctc_torch.py batch.json [runs=50] [threads=1]
"""
import json
import sys
import time

import torch
import torch.nn.functional as F

path = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 50
torch.set_num_threads(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
d = json.load(open(path))
b, t, c = d["batch"], d["time"], d["classes"]
logits = torch.tensor(d["logits"], dtype=torch.float32).reshape(b, t, c)
lengths = torch.tensor(d["input_lengths"], dtype=torch.long)
flat = torch.tensor([v for tg in d["targets"] for v in tg], dtype=torch.long)
tlen = torch.tensor([len(tg) for tg in d["targets"]], dtype=torch.long)


def once():
    x = logits.clone().requires_grad_(True)
    loss = F.ctc_loss(x.log_softmax(2).transpose(0, 1), flat, lengths, tlen, reduction="mean")
    loss.backward()
    return float(loss)


for _ in range(20):
    once()
ms = []
for _ in range(runs):
    t0 = time.perf_counter()
    loss = once()
    ms.append((time.perf_counter() - t0) * 1e3)
ms.sort()
print("torch %s ctc_loss B=%d T=%d C=%d threads=%d: median %.3f ms, best %.3f ms per batch (forward + backward, "
      "%d runs; loss %.6f)" % (torch.__version__, b, t, c, torch.get_num_threads(), ms[runs // 2], ms[0], runs, loss))
